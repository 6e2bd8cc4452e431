/** gstr1 file [json...] --pan --provider [--evc-otp] [--yes] [--nil] [--tolerance] ... */
import type { CAC } from 'cac';
import { OptionError } from '../../model/errors.js';
import { formatPaise, numberToPaise } from '../../model/money.js';
import type { FilingCheck } from '../../upload/run.js';
import { type CliIO, rawOption } from '../io.js';
import { refuseTimeBarred } from '../../upload/time-bar.js';
import { ask, portalOptions, readPayloadFiles, runOptions } from './portal-shared.js';

export default function register(cli: CAC, io: CliIO): void {
  portalOptions(cli.command('file [...files]', 'File GSTR-1 with EVC: proceed to file, compare the summary with what you uploaded (spreadsheets or JSON), file, print the ARN'))
    .option('--sez', 'you are an SEZ unit or developer (as given to upload)')
    .option('--pan <pan>', "the authorised signatory's PAN (EVC)")
    .option('--evc-otp <otp>', 'the EVC OTP (asked when not given)')
    .option('--yes', 'file without asking once the summary matches')
    .option('--nil', 'a nil return (nothing uploaded)')
    .option('--tolerance <rupees>', 'difference tolerated per total', { default: 0 })
    .example('gstr1 file sales.xlsx --gstin 27AAKCS4821M1ZW --period 102025 --provider whitebooks --pan AAKCS4821M')
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const inputs = files ?? [];
      const jsonOnly = inputs.every((f) => f.toLowerCase().endsWith('.json'));
      const payloads = jsonOnly ? await readPayloadFiles(inputs) : [];
      const run = runOptions(io, opts, payloads[0]);
      refuseTimeBarred(run.period);
      // spreadsheets: the totals are those of the JSON they convert to, as upload sent it
      const texts = jsonOnly
        ? payloads.map((p) => p.text)
        : await (await import('../../api/upload.js')).payloadsFromFiles(inputs, { gstin: run.gstin, period: run.period, sez: Boolean(opts.sez) });
      const pan = rawOption(io.argv, 'pan') ?? (opts.pan !== undefined ? String(opts.pan) : '');
      if (!pan) throw new OptionError('OPTION_REQUIRED', { option: '--pan' });
      const evc = rawOption(io.argv, 'evc-otp') ?? (opts.evcOtp !== undefined ? String(opts.evcOtp) : undefined);
      const tty = Boolean(process.stdin.isTTY);
      if (evc === undefined && !tty) throw new OptionError('OPTION_REQUIRED', { option: '--evc-otp' });
      if (!opts.yes && !tty) throw new OptionError('OPTION_REQUIRED', { option: '--yes' });
      if (!inputs.length && !opts.nil) throw new OptionError('OPTION_REQUIRED', { option: 'the uploaded spreadsheets or JSON files (or --nil)' });
      const tolerance = Number(opts.tolerance ?? 0);
      if (!Number.isFinite(tolerance) || tolerance < 0) throw new OptionError('OPTION_NUMBER', { option: '--tolerance', value: String(opts.tolerance) });

      const { fileReturn } = await import('../../upload/run.js');
      const { computeTotals } = await import('../../upload/totals.js');
      const res = await fileReturn({
        ...run,
        pan,
        evcOtp: evc ?? (() => ask('EVC OTP sent to the signatory: ')),
        savedTotals: computeTotals(texts),
        nil: Boolean(opts.nil),
        tolerance,
        confirm: async (check) => {
          io.stdout.write(`${totalsTable(check)}\n`);
          if (opts.yes) return true;
          return (await ask(`Type FILE to file GSTR-1 for ${run.gstin} ${run.period} with these totals: `)) === 'FILE';
        },
      });
      if (res.status === 'filed') {
        io.stdout.write(`${res.alreadyFiled ? 'Already filed' : 'Filed'}: ARN ${res.arn}${res.ackDate ? ` on ${res.ackDate}` : ''}\n`);
        return 0;
      }
      if (res.status === 'mismatch') {
        io.stdout.write(`${totalsTable(res)}\n\nNot filed: the portal's summary differs from the uploaded data:\n`);
        for (const d of res.differences) io.stdout.write(`  ${d.sec_nm} ${d.field}: portal ${money(d.portal)}, uploaded ${money(d.saved)}\n`);
        io.stdout.write('Fix the rows the portal rejected (gstr1 status) and upload again, or reset and upload everything.\n');
        return 1;
      }
      io.stdout.write('Not filed.\n');
      return 1;
    });
}

const FIELDS = [['ttl_tax', 'taxable'], ['ttl_igst', 'IGST'], ['ttl_cgst', 'CGST'], ['ttl_sgst', 'SGST'], ['ttl_cess', 'cess']] as const;

/** Portal vs uploaded totals per section. */
export function totalsTable(check: Pick<FilingCheck, 'portal' | 'saved'>): string {
  const names = [...new Set([...check.portal.map((s) => s.sec_nm), ...check.saved.map((s) => s.sec_nm)])];
  const rows = [['section', 'source', ...FIELDS.map((f) => f[1])]];
  for (const n of names) {
    const p = check.portal.find((s) => s.sec_nm === n) as Record<string, unknown> | undefined;
    const s = check.saved.find((x) => x.sec_nm === n) as unknown as Record<string, unknown> | undefined;
    rows.push([n, 'portal', ...FIELDS.map(([k]) => money(Number(p?.[k] ?? 0)))]);
    rows.push(['', 'uploaded', ...FIELDS.map(([k]) => money(Number(s?.[k] ?? 0)))]);
  }
  const w = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i < 2 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ')).join('\n');
}

/** Rupees as `1234.50`, without binary rounding. */
function money(n: number): string {
  return formatPaise(numberToPaise(n));
}
