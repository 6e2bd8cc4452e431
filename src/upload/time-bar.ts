/**
 * `upload` and `file` refuse a return the portal can no longer accept: one filed more than three
 * years after its due date (CGST Act s.37(5); the RETURN_TIME_BARRED rule for spreadsheets).
 * Whether the filer is quarterly is not known here, so the later (quarterly) due date is taken:
 * a return refused here is barred either way.
 */
import { timeBarred } from '../model/dated-rules.js';
import { OptionError } from '../model/errors.js';
import type { ReturnForm } from '../model/form.js';
import { indiaToday, parsePeriod } from '../model/period.js';
import { showDate } from '../validators/shared.js';

export function refuseTimeBarred(fp: string, form: ReturnForm = 'gstr1', today: string = indiaToday()): void {
  const period = parsePeriod(fp);
  if (!period) return; // a malformed period is the period check's to report
  const barred = timeBarred(period, true, today);
  if (barred) {
    throw new OptionError('RETURN_TIME_BARRED', { period: fp, due: showDate(barred.due), bar: showDate(barred.bar), ...(form === 'gstr1a' ? { form } : {}) });
  }
}

/** `refuseTimeBarred` for a run of upload or file, today by the run's clock (the system's unless one is given). */
export function refuseTimeBarredRun(opts: { readonly period: string; readonly form?: ReturnForm; readonly clock?: { readonly now?: () => number } }): void {
  const now = opts.clock?.now?.() ?? Date.now();
  refuseTimeBarred(opts.period, opts.form ?? 'gstr1', indiaToday(now));
}
