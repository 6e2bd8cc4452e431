/** gstr1 upload <json...> --provider [--gstin --period --base-url --config --otp --journal-dir --keep-session --errors --verbose] */
import { writeFile } from 'node:fs/promises';
import type { CAC } from 'cac';
import type { CliIO } from '../cli.js';
import { portalOptions, printChunks, readPayloadFiles, runOptions } from './portal-shared.js';

export default function register(cli: CAC, io: CliIO): void {
  portalOptions(cli.command('upload <...json>', 'Save retsave JSON files (from gstr1 convert) on the portal, one chunk at a time'))
    .option('--errors <file>', 'write the portal errors of every chunk as JSON (gstr1 annotate can put them on the rows)')
    .example('gstr1 upload gstr1-1.json gstr1-2.json --provider whitebooks --config ~/.gstr1.json')
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const payloads = await readPayloadFiles(files);
      const run = runOptions(io, opts, payloads[0]);
      const { uploadReturn } = await import('../../upload/run.js');
      const res = await uploadReturn({ ...run, payloads: payloads.map((p) => p.text) });
      printChunks(io, res.chunks, files);
      const errors = res.chunks.flatMap((c) => c.errors);
      if (opts.errors) {
        await writeFile(String(opts.errors), `${JSON.stringify(errors, null, 2)}\n`);
        io.stdout.write(`Wrote ${errors.length} portal error(s) to ${String(opts.errors)}\n`);
      }
      if (!res.complete && res.chunks.some((c) => c.outcome === 'in_progress')) {
        io.stderr.write('\nThe portal is still processing; run the same command again later to continue.\n');
      }
      return res.chunks.some((c) => c.outcome === 'processed_with_errors' || c.outcome === 'rejected') ? 1 : 0;
    });
}
