/**
 * RET191198: an amendment changes something reported in an earlier return, so the original
 * document must be dated before this return period (b2ba, b2cla, expa, cdnra, cdnura), and the
 * original month of b2csa, ata, atadja and ecoa must be an earlier period (and not before July
 * 2017). Not in a GSTR-1A, which amends documents of its own period (GSTR1A_ORIGINAL_PERIOD).
 *   pass: original date 10-02-2025 in the 032025 return; fail: 05-03-2025
 */
import { periodKey } from '../../model/period.js';
import type { RowRule } from '../types.js';
import { AMENDMENT_SHEETS, ORIGINAL_DATE, originalPeriodKey, showDate } from '../shared.js';

const rule: RowRule = {
  kind: 'row',
  code: 'RET191198',
  severity: 'error',
  sections: AMENDMENT_SHEETS,
  source: 'portal RET191198 (GSTN error-code list: cannot amend in the same return period)',
  description: 'Amendment of a document or month that is not before this return period.',
  variants: [{ reason: 'date', limit: '01-03-2025' }, { reason: 'month' }, { reason: 'before-gst' }],
  check(row, ctx, report) {
    if (ctx.form === 'gstr1a') return;
    const v = row.values;
    const field = ORIGINAL_DATE[row.ctx.spec.id];
    if (field) {
      const d = v[field] as string | undefined;
      if (d && d >= ctx.firstDay) report(row, field, { reason: 'date', limit: showDate(ctx.firstDay) });
      return;
    }
    if (v.fy === undefined || v.omonth === undefined) return;
    const k = originalPeriodKey(v.fy, v.omonth);
    if (k >= periodKey(ctx.period)) report(row, 'omonth', { reason: 'month' });
    else if (k < '201707') report(row, 'omonth', { reason: 'before-gst' });
  },
};
export default rule;
