/**
 * gstr1 status --provider --gstin --period [--reference-id] [--track]
 * Exit 1 when the journal shows a chunk the portal refused, in whole or in part (and the return is not filed), else 0.
 */
import type { CAC } from 'cac';
import { type CliIO, rawOption } from '../io.js';
import { chunksExit, portalOptions, printChunks, runOptions } from './portal-shared.js';
import { ARN_UNKNOWN, arnWords } from '../../upload/arn.js';

export default function register(cli: CAC, io: CliIO): void {
  portalOptions(cli.command('status', 'Show where a return stands: the journal, the portal\'s answer for the pending request'), { readsJson: false })
    .option('--reference-id <id>', 'ask about this request (default: the pending or latest one)')
    .option('--track', 'also ask the portal whether the period is filed')
    .example('gstr1 status --provider sandbox --gstin 27AAACR5055K1Z7 --period 032025')
    .action(async (opts: Record<string, unknown>) => {
      const run = runOptions(io, opts);
      const ref = rawOption(io.argv, 'reference-id') ?? (opts.referenceId !== undefined ? String(opts.referenceId) : undefined);
      const { returnStatus } = await import('../../upload/run.js');
      const st = await returnStatus({ ...run, ...(ref ? { referenceId: ref } : {}), track: Boolean(opts.track) });
      if (st.locked) io.stdout.write(`Another run (process ${st.locked.pid}) is working on this return; showing the journal only.\n`);
      if (st.chunks.length) printChunks(io, st.chunks);
      else io.stdout.write('Nothing uploaded yet (per the journal).\n');
      if (st.job) io.stdout.write(`request ${st.job.referenceId}: ${st.job.statusCd}${st.job.action ? ` (${st.job.action})` : ''}${st.job.errors.length ? `, ${st.job.errors.length} error(s)` : ''}\n`);
      if (st.summary) io.stdout.write(`summary checksum: ${st.summary.chksum}\n`);
      if (st.track) io.stdout.write(`portal: ${st.track.filed ? `filed, ${arnWords(st.track.arn ?? ARN_UNKNOWN)}` : 'not filed'}\n`);
      if (st.filed) io.stdout.write(`filed: ${arnWords(st.filed.arn)}${st.filed.ackDate ? ` on ${st.filed.ackDate}` : ''}\n`);
      // a run cut short after asking to file: whether it was filed is the tracker's to say
      else if (st.fileRequested && !st.track?.filed) {
        io.stdout.write(
          st.track
            ? 'filing: requested by an earlier run, whose answer never came; the portal\'s return tracker says the return is not filed\n'
            : 'filing: requested by an earlier run, whose answer never came; whether the return is filed is not known (gstr1 status --track asks the portal; gstr1 file asks it first, and never files twice)\n',
        );
      }
      io.stdout.write(`journal: ${st.journal}\n`);
      // a filed return is done whatever its chunks came to; else 1 when the portal refused something
      return st.filed || st.track?.filed ? 0 : chunksExit(st.chunks);
    });
}
