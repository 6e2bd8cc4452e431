/**
 * gstr1 file [files...] --pan --provider [--evc-otp] [--yes] [--nil] [--tolerance] [upload's conversion options] ...
 * Without files, the journal says what was uploaded; with them, they must be what was uploaded.
 */
import type { CAC } from 'cac';
import { OptionError } from '../../model/errors.js';
import { formLabel } from '../../model/form.js';
import { formatPaise, parseDecimalNumber, parseDecimalText } from '../../model/money.js';
import type { FilingCheck } from '../../upload/run.js';
import { isPlainDecimal, type TotalsDifference } from '../../upload/totals.js';
import { SUMMARY_WIDTH, summaryTables, type SummaryColumn } from '../../upload/summary-tables.js';
import { arnWords } from '../../upload/arn.js';
import { type CliIO, rawOption } from '../io.js';
import { refuseTimeBarred } from '../../upload/time-bar.js';
import { ProviderError, UploadError } from '../../upload/errors.js';
import { failureClass } from '../../upload/refusals.js';
import { ask, askAgain, conversionOptions, portalOptions, printNotice, readConversionOptions, readPayloadFiles, runOptions, secretOption } from './portal-shared.js';

export default function register(cli: CAC, io: CliIO): void {
  // the files given are converted as upload converted them: the same options, the same chunks
  conversionOptions(portalOptions(cli.command('file [...files]', 'File GSTR-1 (or, --form gstr1a, GSTR-1A) with EVC: proceed to file, compare the summary with what was uploaded (per the journal, or the files given), file, print the ARN')))
    .option('--pan <pan>', "the authorised signatory's PAN (EVC)")
    .option('--evc-otp <otp>', 'the EVC OTP; --evc-otp=- reads it from standard input (else $GSTR1_EVC_OTP, else asked)')
    .option('--yes', 'file without asking once the summary matches')
    .option('--nil', 'a nil return (nothing uploaded)')
    .option('--tolerance <rupees>', 'difference tolerated per total', { default: 0 })
    .example('gstr1 file --gstin 27AAKCS4821M1ZW --period 102025 --provider whitebooks --pan AAKCS4821M')
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const inputs = files ?? [];
      const jsonOnly = inputs.every((f) => f.toLowerCase().endsWith('.json'));
      const payloadFiles = jsonOnly ? await readPayloadFiles(inputs) : [];
      const run = runOptions(io, opts, payloadFiles[0]);
      refuseTimeBarred(run.period, run.form);
      // spreadsheets: compared as the JSON they convert to, as upload sent it; no files: the journal says what was saved
      const payloads = !inputs.length
        ? undefined
        : jsonOnly
          ? payloadFiles.map((p) => p.text)
          : await (await import('../../api/upload.js')).payloadsFromFiles(inputs, { gstin: run.gstin, period: run.period, ...readConversionOptions(io, opts) });
      const pan = rawOption(io.argv, 'pan') ?? (opts.pan !== undefined ? String(opts.pan) : '');
      if (!pan) throw new OptionError('OPTION_REQUIRED', { option: '--pan' });
      const evc = secretOption(io, opts, 'evc-otp', 'GSTR1_EVC_OTP');
      const tty = Boolean(process.stdin.isTTY);
      if (evc === undefined && !tty) throw new OptionError('OPTION_REQUIRED', { option: '--evc-otp' });
      if (!opts.yes && !tty) throw new OptionError('OPTION_REQUIRED', { option: '--yes' });
      const tolerance = Number(opts.tolerance ?? 0);
      if (!Number.isFinite(tolerance) || tolerance < 0) throw new OptionError('OPTION_NUMBER', { option: '--tolerance', value: String(opts.tolerance) });

      const { fileReturn } = await import('../../upload/run.js');
      let res: Awaited<ReturnType<typeof fileReturn>>;
      try {
        res = await fileReturn({
          ...run,
          pan,
          evcOtp: evc ?? ((why) => askAgain(io, 'EVC OTP sent to the signatory: ', why)),
          ...(payloads ? { payloads } : {}),
          nil: Boolean(opts.nil),
          tolerance,
          confirm: async (check) => {
            const table = totalsTable(check);
            // a nil return: no section on either side, so no table (not an empty line)
            if (table) io.stdout.write(`${table}\n`);
            if (opts.yes) return true;
            return (await ask(`Type FILE to file ${formLabel(run.form ?? 'gstr1')} for ${run.gstin} ${run.period} with these totals: `)) === 'FILE';
          },
        });
      } catch (e) {
        // filed, but the journal could not record it: the filing is what the user asked for, so it is reported and exits 0
        if (e instanceof UploadError && e.code === 'UPLOAD_FILED_NOT_RECORDED') {
          printNotice(io, { code: e.code, params: e.params });
          io.stdout.write(`Filed: ARN ${String(e.params.arn)}\n`);
          return 0;
        }
        // proceed to file or its summary still being prepared: nothing filed yet, the same command continues
        if (failureClass(e) !== 'not_finished' || !(e instanceof ProviderError)) throw e;
        printNotice(io, { code: e.code, params: e.params });
        io.stderr.write('Not filed yet (exit code 3).\n');
        return 3;
      }
      if (res.status === 'filed') {
        io.stdout.write(`${res.alreadyFiled ? 'Already filed' : 'Filed'}: ${arnWords(res.arn)}${res.ackDate ? ` on ${res.ackDate}` : ''}\n`);
        return 0;
      }
      if (res.status === 'refused') {
        printNotice(io, res.reason);
        return 1;
      }
      if (res.status === 'mismatch') {
        io.stdout.write(`${totalsTable(res)}\n\nNot filed: the portal's summary differs from the uploaded data:\n`);
        for (const d of res.differences) io.stdout.write(`  ${difference(d)}\n`);
        // per the journal: the latest upload; documents of earlier ones it did not include are still on the portal
        if (!payloads) io.stdout.write('(uploaded: per the journal, the latest upload; a document of an earlier upload that it does not include is still on the portal and counts there)\n');
        io.stdout.write('Fix the rows the portal rejected (gstr1 status) and upload again; if the portal holds documents you no longer mean to file, reset and upload everything.\n');
        return 1;
      }
      io.stdout.write('Not filed.\n');
      return 1;
    });
}

/**
 * Portal vs uploaded totals, table by table as the portal shows them (summaryTables): the
 * supplies by records, taxable value and tax heads, Table 8 by its nil-rated, exempted and
 * non-GST amounts, Table 13 by the documents issued, cancelled and net issued.
 */
export function totalsTable(check: Pick<FilingCheck, 'portal' | 'saved'>): string {
  const names = [...new Set([...check.portal.map((s) => s.sec_nm), ...check.saved.map((s) => s.sec_nm)])];
  const rows: string[][] = [];
  for (const t of summaryTables(names)) {
    rows.push([t.title, 'source', ...t.columns.map((c) => c.label)]);
    for (const n of t.sections) {
      const p = check.portal.find((s) => s.sec_nm === n) as Record<string, unknown> | undefined;
      const s = check.saved.find((x) => x.sec_nm === n) as unknown as Record<string, unknown> | undefined;
      rows.push([n, 'portal', ...t.columns.map((c) => shown(c, p?.[c.field]))]);
      rows.push(['', 'uploaded', ...t.columns.map((c) => shown(c, s?.[c.field]))]);
    }
  }
  if (!rows.length) return '';
  const w = Array.from({ length: 2 + SUMMARY_WIDTH }, (_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i < 2 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ')).join('\n');
}

/** A figure of `column`: a count as a whole number (nothing reported as 0), an amount as rupees (figure). */
function shown(column: SummaryColumn, v: unknown): string {
  if (!column.count) return figure(v);
  if (v === undefined || v === null || v === '') return '0';
  return typeof v === 'number' && Number.isInteger(v) ? String(v) : figure(v);
}

/** One line of a summary mismatch: records as a count, amounts in rupees, a figure the portal gave that is not a number as given. */
function difference(d: TotalsDifference): string {
  const show = (n: number) => (d.field === 'ttl_rec' ? String(n) : figure(n));
  const what = d.field === 'ttl_rec' ? 'records' : d.field;
  return `${d.sec_nm} ${what}: portal ${d.portalText !== undefined ? `"${d.portalText}" (not a number)` : show(d.portal)}, uploaded ${show(d.saved)}`;
}

/**
 * A summary figure as rupees (`1234.50`, without binary rounding) when it is a number (a JSON
 * number or plain decimal text, as compareTotals reads it), nothing reported as 0.00, anything
 * else as the portal gave it ("1,000.00" quoted, 1e+21): a figure the tool cannot read is shown,
 * never a crash.
 */
function figure(v: unknown): string {
  if (v === undefined || v === null || v === '') return '0.00';
  const amount = typeof v === 'number' ? parseDecimalNumber(v) : isPlainDecimal(v) ? parseDecimalText(v.trim()) : undefined;
  if (amount) return formatPaise(amount.hundredths);
  return typeof v === 'string' || typeof v === 'object' ? JSON.stringify(v) : String(v);
}
