/**
 * RET191120: a revised invoice's date may not be later than the last day of the period of the
 * original invoice (b2ba, b2cla, expa). The original was reported in an earlier return
 * (RET191198), so a revised date in this return's period or later is certainly refused: an
 * error. A common slip is to enter the date of the amendment instead of the invoice's.
 * A revised date after the original date's own month (its quarter for a quarterly filer) but
 * before this period is refused too when the original was reported in the return for its date;
 * an invoice reported late sits in a later return, which this input does not tell:
 * REVISED_DATE_LATE warns about that case.
 *   pass: original 10-01-2025, revised 20-01-2025, in the 032025 return; fail: revised 05-03-2025
 */
import type { RowRule } from '../types.js';
import { showDate } from '../shared.js';

export const REVISED_INVOICE_SHEETS = ['b2ba', 'b2cla', 'expa'] as const;

const rule: RowRule = {
  kind: 'row',
  code: 'RET191120',
  severity: 'error',
  sections: REVISED_INVOICE_SHEETS,
  source: 'portal RET191120 (GSTN error-code list: revised invoice date later than the last day of the original invoice\'s period)',
  description: 'Revised invoice date in this return period or later: it cannot be after the original invoice\'s period, which is before this one.',
  variants: [{ limit: '28-02-2025' }],
  check(row, ctx, report) {
    const v = row.values;
    if (!v.idt || !v.oidt || v.oidt >= ctx.firstDay) return; // an original of this period is RET191198's
    // after the last day is RET191114's (invoice date after the return period)
    if (v.idt >= ctx.firstDay && v.idt <= ctx.lastDay) report(row, 'idt', { limit: showDate(dayBefore(ctx.firstDay)) });
  },
};
export default rule;

/** The ISO day before `iso`. */
function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
