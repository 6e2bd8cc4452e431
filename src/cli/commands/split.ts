/** gstr1 split <register...> --gstin --period [--out gstr1.xlsx] [--layout] [--mapping f] [--preset p] [--explain] */
import type { CAC } from 'cac';
import { formatSummary } from '../../report/summary.js';
import { printRegisterSummary, readRegisterCliOptions, registerCliOptions } from '../register-options.js';
import { pathOption, type CliIO } from '../io.js';
import { endProgress, progressReporter } from '../progress.js';
import { exitCodeFor, readReturnOptions } from './shared.js';

export default function register(cli: CAC, io: CliIO): void {
  registerCliOptions(
    cli
      .command('split <...files>', 'Classify a sales register into GSTR-1 sections and write it as the official template workbook')
      .option('--gstin <gstin>', 'your GSTIN (the supplier)')
      .option('--period <MMYYYY>', 'return period, e.g. 092025')
      .option('--sez', 'you are an SEZ unit or developer: every supply is IGST')
      .option('--out <file.xlsx>', 'workbook to write', { default: 'gstr1.xlsx' }),
  )
    .example('gstr1 split sales-register.xlsx --gstin 27AAACR5055K1Z7 --period 092025 --out gstr1.xlsx')
    .example('gstr1 split tally-sales.xlsx --gstin 27AAACR5055K1Z7 --period 092025 --explain')
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const { splitRegister } = await import('../../api/split.js');
      const progress = progressReporter();
      const res = await splitRegister(files, {
        ...readReturnOptions(io, opts),
        ...readRegisterCliOptions(io, opts),
        out: pathOption(io.argv, opts, 'out')!,
        ...(progress ? { onProgress: progress } : {}),
      });
      endProgress();
      printRegisterSummary(io, res.run);
      const findings = res.result.findings.items;
      io.stdout.write(`${formatSummary({ stats: res.result.stats, findings })}\n`);
      const written = res.sheets.filter((s) => s.rows > 0);
      io.stdout.write(`\nWrote ${res.file}: ${written.map((s) => `${s.name} ${s.rows}`).join(', ') || 'no rows'}\n`);
      return exitCodeFor(findings);
    });
}
