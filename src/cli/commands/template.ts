/** gstr1 template [--out dir] [--period MMYYYY] [--force] */
import type { CAC } from 'cac';
import { periodOption } from '../../engine/options.js';
import { pathOption, rawOption, type CliIO } from '../io.js';

export default function register(cli: CAC, io: CliIO): void {
  cli
    .command('template', 'Write the blank GSTR-1 template workbook and one CSV header file per sheet')
    .option('--out <dir>', 'folder to write into', { default: 'gstr1-template' })
    .option('--period <MMYYYY>', 'lay the workbook out for this return period (before 052025: a single hsn sheet)')
    .option('--force', 'replace files of the same names already in the folder (else nothing is written)')
    .example('gstr1 template --out gstr1-template')
    .action(async (opts: Record<string, unknown>) => {
      const { writeBlankTemplate } = await import('../../report/template/blank.js');
      const period = periodOption(rawOption(io.argv, 'period') ?? opts.period);
      const res = await writeBlankTemplate(pathOption(io.argv, opts, 'out')!, { ...(period ? { period } : {}), force: Boolean(opts.force) });
      io.stdout.write(`Wrote ${res.workbook}\n`);
      io.stdout.write(`Wrote ${res.csv.length} CSV header files to ${res.csvDir}\n`);
      return 0;
    });
}
