/**
 * REVISED_DATE_LATE (warning): a revised invoice date after the last day of the original date's
 * period (its month; its quarter for a quarterly filer) but before this return period. The
 * portal refuses it (RET191120) when the original was reported in the return for its date's
 * period; an invoice first reported in a later return may carry a revised date up to that
 * return's end, and the input does not say which return that was: a warning.
 *   pass: original 10-01-2025, revised 31-01-2025; warn: revised 05-02-2025 (032025 return)
 */
import { periodLastDay, type Period } from '../../model/period.js';
import type { RowRule } from '../types.js';
import { showDate } from '../shared.js';
import { REVISED_INVOICE_SHEETS } from './revised-date.js';

/** Last day of the month (quarter, for a quarterly filer) an ISO date falls in. */
function periodEnd(iso: string, quarterly: boolean): string {
  const month = Number(iso.slice(5, 7));
  const p: Period = { year: Number(iso.slice(0, 4)), month: quarterly ? Math.ceil(month / 3) * 3 : month };
  return periodLastDay(p);
}

const rule: RowRule = {
  kind: 'row',
  code: 'REVISED_DATE_LATE',
  severity: 'warning',
  sections: REVISED_INVOICE_SHEETS,
  source: 'portal RET191120 (GSTN error-code list), the original\'s period taken from its date',
  confidence: 'the original\'s return period is not in the input; refused unless the original was reported late: a warning',
  description: 'Revised invoice date after the period of the original invoice\'s date (month, or quarter for a quarterly filer), before this return period.',
  variants: [{ limit: '31-01-2025' }],
  check(row, ctx, report) {
    const v = row.values;
    if (!v.idt || !v.oidt || v.oidt >= ctx.firstDay || v.idt >= ctx.firstDay) return;
    const end = periodEnd(v.oidt, ctx.quarterly);
    if (v.idt > end) report(row, 'idt', { limit: showDate(end) });
  },
};
export default rule;
