/** gstr1 validate <files...> --gstin --period [--turnover N] [--registration-date D] [--annual-return-filed D] [--report f] [--annotate f] */
import type { CAC } from 'cac';
import { OptionError } from '../../model/errors.js';
import { coerceDate } from '../../parsers/coerce.js';
import { formatSummary } from '../../report/summary.js';
import { pathOption, rawOption, type CliIO } from '../io.js';
import { endProgress, progressReporter } from '../progress.js';
import { exitCodeFor, IFF_OPTION, quarterlyOption, readIffOption, readReturnOptions, returnOptions } from './shared.js';
import { printRegisterSummary, readRegisterCliOptions, registerCliOptions } from '../register-options.js';

export default function register(cli: CAC, io: CliIO): void {
  registerCliOptions(returnOptions(cli.command('validate <...files>', 'Check a return with the portal\'s rules before upload')))
    .option('--turnover <rupees>', 'aggregate turnover of the preceding financial year (decides 4 or 6 HSN digits)')
    .option('--registration-date <date>', 'your effective date of registration, e.g. 01-Jul-2017')
    .option('--annual-return-filed <date>', 'when you filed the annual return of the previous financial year: its credit notes and amendments end then')
    .option('--quarterly', 'you file quarterly (QRMP): months 1-2 of a quarter are IFF months (b2b, b2ba, cdnr, cdnra, Table 15 b2b/urp2b only)')
    .option(...IFF_OPTION)
    .option('--report <file>', 'write every finding as JSON, or CSV when the name ends in .csv')
    .option('--annotate <file.xlsx>', 'write a copy of the input with each finding on its cell')
    .example('gstr1 validate sales.xlsx --gstin 27AAACR5055K1Z7 --period 102025 --annotate sales-errors.xlsx')
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const { validateFiles } = await import('../../api/validate.js');
      const report = pathOption(io.argv, opts, 'report');
      const annotate = pathOption(io.argv, opts, 'annotate');
      const progress = progressReporter();
      const res = await validateFiles(files, {
        ...readReturnOptions(io, opts),
        register: readRegisterCliOptions(io, opts),
        ...turnoverOption(rawOption(io.argv, 'turnover') ?? opts.turnover),
        ...registrationOption(rawOption(io.argv, 'registration-date')),
        ...annualReturnOption(rawOption(io.argv, 'annual-return-filed')),
        quarterly: quarterlyOption(io, opts),
        ...(await readIffOption(io, opts)),
        ...(opts.section !== undefined ? { section: String(opts.section) } : {}),
        ...(report !== undefined ? { report } : {}),
        // the checks' stores freed before the copy allocates, rather than whenever V8 next collects in full
        ...(annotate !== undefined ? { annotate, beforeAnnotate: (await import('../collect-garbage.js')).collectGarbage } : {}),
        ...(progress ? { onProgress: progress } : {}),
      });
      endProgress();
      printRegisterSummary(io, res.register);
      const findings = res.result.findings.items;
      io.stdout.write(`${formatSummary({ stats: res.result.stats, findings })}\n`);
      if (res.report) io.stdout.write(`\nReport: ${res.report}\n`);
      if (res.annotated) io.stdout.write(`Annotated workbook: ${res.annotated}\n`);
      return exitCodeFor(findings);
    });
}

function turnoverOption(v: unknown): { turnover?: number } {
  if (v === undefined) return {};
  const t = String(v).replace(/[,\s₹]/g, '');
  if (!/^\d+(\.\d+)?$/.test(t)) throw new OptionError('OPTION_NUMBER', { option: '--turnover', value: String(v) });
  return { turnover: Number(t) };
}

function registrationOption(v: string | undefined): { registrationDate?: string } {
  return v === undefined ? {} : { registrationDate: dateOption('--registration-date', v) };
}

function annualReturnOption(v: string | undefined): { annualReturnFiled?: string } {
  return v === undefined ? {} : { annualReturnFiled: dateOption('--annual-return-filed', v) };
}

function dateOption(option: string, v: string): string {
  const d = coerceDate(v);
  if (!d.ok) throw new OptionError('OPTION_DATE', { option, value: v });
  return d.value;
}
