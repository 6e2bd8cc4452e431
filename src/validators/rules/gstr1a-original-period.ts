/**
 * GSTR1A_ORIGINAL_PERIOD: a GSTR-1A amends what the GSTR-1 of its own period reported (for a
 * quarterly filer, the quarter's GSTR-1 and the IFFs of its first two months), so the original
 * document of an amendment row must be dated in that period, and an original month must be one of
 * its months. A document of an earlier period is amended in a later GSTR-1's amendment tables.
 * In a GSTR-1A this takes the place of RET191198 (which asks GSTR-1 amendments for an earlier
 * original); only for `--form gstr1a`.
 *   pass: original 05-08-2024 in the 082024 GSTR-1A; fail: original 20-07-2024
 */
import { formatPeriod, periodFirstDay, periodKey, quarterFirstMonth } from '../../model/period.js';
import type { RowRule } from '../types.js';
import { AMENDMENT_SHEETS, ORIGINAL_DATE, originalPeriodKey, showDate } from '../shared.js';


const rule: RowRule = {
  kind: 'row',
  code: 'GSTR1A_ORIGINAL_PERIOD',
  severity: 'error',
  sections: AMENDMENT_SHEETS,
  source: 'CGST Rule 59(1) proviso (Notification 12/2024-CT): GSTR-1A amends the details furnished in FORM GSTR-1 for the same tax period; GSTN advisory (quarterly: the IFFs of the quarter too)',
  description: 'An amendment in a GSTR-1A whose original document (or month) is not of the GSTR-1A\'s own period.',
  variants: [{ from: '01-08-2024', to: '31-08-2024', period: '082024' }],
  check(row, ctx, report) {
    if (ctx.form !== 'gstr1a') return;
    const v = row.values;
    // the first month it can amend: the period, or the first month of a quarterly filer's quarter
    const first = ctx.quarterly ? quarterFirstMonth(ctx.period) : ctx.period;
    const params = () => ({ from: showDate(periodFirstDay(first)), to: showDate(ctx.lastDay), period: formatPeriod(ctx.period) });
    const field = ORIGINAL_DATE[row.ctx.spec.id];
    if (field) {
      const d = v[field] as string | undefined;
      if (d && (d < periodFirstDay(first) || d > ctx.lastDay)) report(row, field, params());
      return;
    }
    if (v.fy === undefined || v.omonth === undefined) return;
    const k = originalPeriodKey(v.fy, v.omonth);
    if (k < periodKey(first) || k > periodKey(ctx.period)) report(row, 'omonth', params());
  },
};
export default rule;
