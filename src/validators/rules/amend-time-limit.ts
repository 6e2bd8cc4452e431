/**
 * AMEND_TIME_LIMIT: proviso to Section 37(3): details of a financial year can be amended only in
 * a return furnished by 30 November after that year ends (or the annual return's filing date if
 * earlier): the October return is the last, the November one is filed too late (see
 * CDN_TIME_LIMIT and `DETAILS_TIME_LIMIT`). The original document's date (b2ba, b2cla, expa,
 * cdnra, cdnura) or original financial year (b2csa, ata, atadja, ecoa) decides the year.
 *   pass: original invoice of 10-05-2023 amended in the 102024 return; fail: in the 112024 return
 */
import type { Field } from '../../model/fields.js';
import { fyOfIsoDate } from '../../model/period.js';
import type { RowRule } from '../types.js';
import { AMENDMENT_SHEETS, ORIGINAL_DATE, detailsTooLate } from '../shared.js';

const rule: RowRule = {
  kind: 'row',
  code: 'AMEND_TIME_LIMIT',
  severity: 'error',
  sections: AMENDMENT_SHEETS,
  source: 'CGST Act s.37(3) proviso (Finance Act 2022, from 01-10-2022)',
  description: 'Amendment made too late for the original financial year (proviso to Section 37(3)): after the October return following the year (filed by 30 November; the September return before FY 2021-22), or after the annual return was filed.',
  variants: [
    { reason: 'november', deadline: '30-11-2024', lastReturn: '102024' },
    { reason: 'september', deadline: '30-09-2021', lastReturn: '092021' },
    { reason: 'annual-return', deadline: '15-10-2024' },
  ],
  check(row, ctx, report) {
    const v = row.values;
    const field = ORIGINAL_DATE[row.ctx.spec.id];
    let fy: number | undefined;
    let at: Field = 'fy';
    if (field) {
      const d = v[field] as string | undefined;
      if (d) fy = fyOfIsoDate(d);
      at = field;
    } else fy = v.fy;
    if (fy === undefined) return;
    const late = detailsTooLate(fy, ctx);
    if (late) report(row, at, late);
  },
};
export default rule;
