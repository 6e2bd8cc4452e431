/**
 * DATE_TOO_OLD_18M (warning): GSTN's messages for RET191114/RET191126 say a document may not be
 * older than 18 months; the current offline tool has that check switched off, so it is a
 * warning here. "Older" means dated before the same day 18 months before the first day of the
 * return period (032025 → before 01-09-2023).
 *   pass: 01-09-2023 in the 032025 return; fail: 31-08-2023
 */
import type { Field } from '../../model/fields.js';
import type { RowRule, RuleContext } from '../types.js';
import { addMonths, showDate } from '../shared.js';

const limits = new WeakMap<RuleContext, string>();
function limitOf(ctx: RuleContext): string {
  let l = limits.get(ctx);
  if (!l) limits.set(ctx, (l = addMonths(ctx.firstDay, -18)));
  return l;
}

const rule: RowRule = {
  kind: 'row',
  code: 'DATE_TOO_OLD_18M',
  severity: 'warning',
  sections: ['b2b', 'b2ba', 'b2cl', 'b2cla', 'exp', 'expa', 'cdnr', 'cdnra', 'cdnur', 'cdnura'],
  source: 'portal RET191114/RET191126 wording (GSTN error-code list); the Offline Tool 3.2.4 has the 18-month check commented out',
  confidence: "secondary: the portal's current verdict is unknown, so a warning",
  description: 'Invoice or note dated more than 18 months before the return period (the portal may reject it).',
  variants: [{ limit: '01-09-2023' }],
  check(row, ctx, report) {
    const field: Field = row.values.ntDt !== undefined ? 'ntDt' : 'idt';
    const d = row.values[field] as string | undefined;
    if (!d) return;
    const limit = limitOf(ctx);
    if (d < limit) report(row, field, { limit: showDate(limit) });
  },
};
export default rule;
