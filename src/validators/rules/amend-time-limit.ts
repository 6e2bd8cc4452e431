/**
 * AMEND_TIME_LIMIT: proviso to Section 37(3): details of a financial year can be amended only
 * up to 30 November after that year ends. The original document's date (b2ba, b2cla, expa,
 * cdnra, cdnura) or original financial year (b2csa, ata, atadja, ecoa) decides the year.
 *   pass: original invoice of 10-05-2023 amended in the 112024 return; fail: in the 122024 return
 */
import type { Field } from '../../model/fields.js';
import { fyOfIsoDate } from '../../model/period.js';
import type { RowRule } from '../types.js';
import { AMENDMENT_SHEETS, ORIGINAL_DATE, section34Deadline, showDate } from '../shared.js';

const rule: RowRule = {
  kind: 'row',
  code: 'AMEND_TIME_LIMIT',
  severity: 'error',
  sections: AMENDMENT_SHEETS,
  source: 'CGST Act s.37(3) proviso (Finance Act 2022, from 01-10-2022)',
  description: 'Amendment made after 30 November following the end of the original financial year (proviso to Section 37(3)).',
  variants: [{ deadline: '30-11-2024' }],
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
    const deadline = section34Deadline(fy);
    if (ctx.firstDay > deadline) report(row, at, { deadline: showDate(deadline) });
  },
};
export default rule;
