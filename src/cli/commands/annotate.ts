/** gstr1 annotate <files...> --status <status-response.json> --out <annotated.xlsx> */
import { readFile } from 'node:fs/promises';
import type { CAC } from 'cac';
import { InputError, OptionError } from '../../model/errors.js';
import { pathOption, type CliIO } from '../io.js';

export default function register(cli: CAC, io: CliIO): void {
  cli
    .command('annotate <...files>', "Put the portal's errors from a saved status response on your rows")
    .option('--status <file>', 'the return-status response (either provider\'s envelope, or the bare error_report)')
    .option('--out <file.xlsx>', 'the annotated workbook to write')
    .option('--section <sheet>', 'read every CSV as this sheet')
    .example('gstr1 annotate sales.xlsx --status status.json --out sales-portal-errors.xlsx')
    .action(async (files: string[], opts: Record<string, unknown>) => {
      if (opts.status === undefined) throw new OptionError('OPTION_REQUIRED', { option: '--status' });
      if (opts.out === undefined) throw new OptionError('OPTION_REQUIRED', { option: '--out' });
      const statusFile = pathOption(io.argv, opts, 'status')!;
      let text: string;
      try {
        text = await readFile(statusFile, 'utf8');
      } catch (e) {
        const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
        throw new InputError(missing ? 'FILE_NOT_FOUND' : 'STATUS_JSON', { file: statusFile });
      }
      const { parseStatusFile } = await import('../../upload/status-file.js');
      // refused before the files are read: the return's own JSON is no list of the portal's errors
      const parsed = parseStatusFile(text, statusFile);
      const { matchPortalErrors, portalErrorCounts } = await import('../../upload/error-report.js');
      const { annotateFiles } = await import('../../report/annotate/index.js');
      const { sectionOption } = await import('../../engine/options.js');
      const section = sectionOption(opts.section === undefined ? undefined : String(opts.section));
      const findings = await matchPortalErrors(files, section ? { section } : {}, parsed.errors);
      const out = pathOption(io.argv, opts, 'out')!;
      await annotateFiles(files, findings, out);
      // errors on rows and on none add up to the total; rows are counted apart (a document of several lines marks each)
      const n = portalErrorCounts(parsed.errors.length, findings);
      io.stdout.write(`${n.errors} portal error(s)${parsed.statusCd ? ` (status ${parsed.statusCd})` : ''}: `);
      io.stdout.write(`${n.onRows} on your rows${n.rows !== n.onRows ? ` (marked on ${n.rows} rows)` : ''}, ${n.unmatched} matching no row (listed on the Errors sheet)\n`);
      io.stdout.write(`Wrote ${out}\n`);
      return findings.length ? 1 : 0;
    });
}
