/**
 * RET191350: HSN digits by aggregate turnover of the preceding year (Notification 78/2020-CT,
 * applied by the Offline Tool from the May 2021 period: `HSN_MIN_DIGITS`): up to Rs 5 crore at
 * least 4 digits, above it at least 6; never more than 8. Before May 2021, 2 to 8 digits. Without `--turnover` the Rs 5 crore (4-digit)
 * rule applies, as for every quarterly filer.
 *   pass: 8471 (turnover ≤ 5 crore), 847130; fail: 84, 8471 with turnover 6 crore, 847130100
 */
import { hsnMinDigits } from '../../model/dated-rules.js';
import type { RowRule } from '../types.js';
import { HSN_SHEETS } from '../shared.js';

/** Rs 5 crore, the turnover above which 6 digits are needed. */
export const HSN_SIX_DIGIT_TURNOVER = 5_00_00_000;

const rule: RowRule = {
  kind: 'row',
  code: 'RET191350',
  severity: 'error',
  sections: HSN_SHEETS,
  source: 'Notification 78/2020-CT; Offline Tool 3.2.4 HSN patterns (from the May 2021 period) `^[0-9]{4,8}$` / `^[0-9]{6,8}$`; portal RET191350',
  description:
    'HSN length: at least 4 digits (aggregate turnover up to Rs 5 crore) or 6 digits (above), at most 8; 2-8 digits before May 2021.',
  variants: [{ min: 4, max: 8 }],
  check(row, ctx, report) {
    const hsn = row.values.hsn;
    if (!hsn) return;
    const min = hsnMinDigits(ctx.period, (ctx.turnover ?? 0) > HSN_SIX_DIGIT_TURNOVER);
    if (hsn.length < min || hsn.length > 8) report(row, 'hsn', { min, max: 8 });
  },
};
export default rule;
