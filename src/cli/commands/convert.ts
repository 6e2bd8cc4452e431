/** gstr1 convert <files...> --gstin --period [--out] [--max-bytes] [--sez] [--section] [--force] */
import { basename } from 'node:path';
import type { CAC } from 'cac';
import { positiveInt } from '../../engine/options.js';
import { hintOf, messageOf } from '../../report/messages/index.js';
import { formatSummary } from '../../report/summary.js';
import { pathOption, type CliIO } from '../io.js';
import { endProgress, progressReporter } from '../progress.js';
import { exitCodeFor, IFF_OPTION, quarterlyOption, readIffOption, readReturnOptions, returnOptions } from './shared.js';
import { printRegisterSummary, readRegisterCliOptions, registerCliOptions } from '../register-options.js';

export default function register(cli: CAC, io: CliIO): void {
  registerCliOptions(returnOptions(cli.command('convert <...files>', 'Convert GSTR-1 spreadsheets (template workbook or CSVs) into the retsave JSON')))
    .option('--out <file>', 'output JSON file', { default: 'gstr1.json' })
    .option('--max-bytes <n>', 'largest payload; bigger returns are split into <out>-1.json, <out>-2.json...', { default: 4_500_000 })
    .option('--force', 'write the JSON even when the return has errors')
    .option(...IFF_OPTION)
    .option('--quarterly', 'you file quarterly (QRMP): months 1-2 of a quarter are IFF months (b2b, b2ba, cdnr, cdnra, Table 15 b2b/urp2b only)')
    .example('gstr1 convert templates/sample/gstr1-sample.xlsx --gstin 27AAKCS4821M1ZW --period 102025 --out gstr1.json')
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const { convertFiles } = await import('../../api/convert.js');
      const progress = progressReporter();
      const out = pathOption(io.argv, opts, 'out')!;
      const res = await convertFiles(files, {
        ...readReturnOptions(io, opts),
        register: readRegisterCliOptions(io, opts),
        out,
        maxBytes: positiveInt('--max-bytes', opts.maxBytes) ?? 4_500_000,
        force: Boolean(opts.force),
        quarterly: quarterlyOption(io, opts),
        ...(await readIffOption(io, opts)),
        ...(opts.section !== undefined ? { section: String(opts.section) } : {}),
        ...(progress ? { onProgress: progress } : {}),
      });
      endProgress();
      printRegisterSummary(io, res.register);
      const findings = res.result.findings.items;
      io.stdout.write(`${formatSummary({ stats: res.result.stats, findings })}\n`);
      if (res.refused) {
        io.stderr.write('\nNo JSON written: the return has errors. Fix them, or use --force to write it anyway.\n');
      } else if (res.written.length > 1) {
        io.stderr.write(`\nThe return is larger than ${String(opts.maxBytes)} bytes; it was split into ${res.written.length} files:\n`);
        for (const f of res.written) io.stderr.write(`  ${f}\n`);
      } else {
        io.stdout.write(`\nWrote ${res.written[0]}\n`);
      }
      await warnOlderFiles(io, out, res.written);
      return exitCodeFor(findings);
    });
}

/**
 * Files an earlier run left under this run's names (a larger return's gstr1-3.json beside this
 * one's gstr1-1.json and gstr1-2.json) are named, not removed: they may be the user's own, and
 * `gstr1 upload gstr1-*.json` would send them with this return.
 */
async function warnOlderFiles(io: CliIO, out: string, written: readonly string[]): Promise<void> {
  const { chunkFile, filesUnderReturnNames } = await import('../../api/chunk-names.js');
  const older = await filesUnderReturnNames(out, written);
  if (!older.length) return;
  const f = { code: 'CONVERT_OLDER_FILES', params: { count: older.length, files: older.join(', '), written: written.join(', '), chunks: chunkFile(basename(out), '*') } };
  io.stderr.write(`\ngstr1: ${messageOf(f)}\n  ${hintOf(f)}\n`);
}
