/**
 * CDN_TIME_LIMIT: Section 34(2) (as amended from 01-10-2022): a credit note for supplies of a
 * financial year must be declared by 30 November after that year ends. Notes are no longer
 * linked to an invoice, so the note date's financial year stands in for the supply's: a credit
 * note dated in FY 2023-24 cannot be reported in a return for a period after November 2024.
 * Debit notes have no such limit in Section 34.
 *   pass: credit note of 10-05-2023 in the 112024 return; fail: in the 122024 return
 */
import { fyOfIsoDate } from '../../model/period.js';
import type { RowRule } from '../types.js';
import { section34Deadline, showDate } from '../shared.js';

const rule: RowRule = {
  kind: 'row',
  code: 'CDN_TIME_LIMIT',
  severity: 'error',
  sections: ['cdnr', 'cdnur'],
  source: 'CGST Act s.34(2) (Finance Act 2022, from 01-10-2022); before it, the September return after the year',
  description:
    'Credit note reported after 30 November following the end of the financial year of its date (Section 34(2)).',
  variants: [{ deadline: '30-11-2024' }],
  check(row, ctx, report) {
    const v = row.values;
    if (v.ntty !== 'C' || !v.ntDt) return;
    const deadline = section34Deadline(fyOfIsoDate(v.ntDt));
    if (ctx.firstDay > deadline) report(row, 'ntDt', { deadline: showDate(deadline) });
  },
};
export default rule;
