/**
 * RETURN_TIME_BARRED: a GSTR-1 may not be filed more than three years after its due date (CGST
 * Act s.37(5), Finance Act 2023; enforced on the portal from November 2025: `TIME_BAR_YEARS` and
 * `GSTR1_DUE_DAY` in model/dated-rules.ts). Filing is taken to happen today (`--today` in the
 * API); a quarterly filer's due date is the 13th, a monthly filer's the 11th (from 2021).
 * One finding for the whole return; `upload` refuses a return with errors, and `upload`/`file`
 * of JSON check the same bar before they start.
 *   pass: the 122022 return filed on 11-01-2026; fail: filed on 12-01-2026 (bar 11-01-2026)
 */
import { timeBarred } from '../../model/dated-rules.js';
import type { PassRule } from '../types.js';
import { periodParams, showDate } from '../shared.js';

const rule: PassRule = {
  kind: 'pass',
  code: 'RETURN_TIME_BARRED',
  severity: 'error',
  sections: [],
  source: 'CGST Act s.37(5) (Finance Act 2023; Notification 28/2023-CT, from 01-10-2023); GSTN advisories 29-10-2024, 07-06-2025, 09-09-2025 (portal enforcement)',
  confidence: 'the portal\'s start date rests on the advisories as tax sites report them (they name July, September and October 2025 tax periods); the bar itself is the Act\'s',
  description: 'The return is filed more than three years after its due date (Section 37(5)): the portal no longer accepts it.',
  variants: [{ period: '122022', due: '11-01-2023', bar: '11-01-2026' }, { period: '082027', due: '11-09-2027', bar: '11-09-2030', form: 'gstr1a' }],
  check(ctx, report) {
    return {
      finish() {
        const barred = timeBarred(ctx.period, ctx.quarterly, ctx.today);
        if (barred) {
          report.raw({ params: { ...periodParams(ctx), due: showDate(barred.due), bar: showDate(barred.bar), ...(ctx.form === 'gstr1a' ? { form: ctx.form } : {}) } });
        }
      },
    };
  },
};
export default rule;
