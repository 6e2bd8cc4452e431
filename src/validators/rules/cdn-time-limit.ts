/**
 * CDN_TIME_LIMIT: Section 34(2) (as amended from 01-10-2022): a credit note for supplies of a
 * financial year must be declared by 30 November after that year ends, or the annual return's
 * filing date if earlier. A return is filed after its period ends, so the October return is the
 * last one that can carry it: the November return, filed in December, is late (issue 16; the
 * rule allowed the November return before). Before FY 2021-22 the September return was the last
 * (`DETAILS_TIME_LIMIT`). Notes are no longer linked to an invoice, so the note date's financial
 * year stands in for the supply's. Debit notes have no such limit in Section 34.
 *   pass: credit note of 10-05-2023 in the 102024 return; fail: in the 112024 return
 */
import { fyOfIsoDate } from '../../model/period.js';
import type { RowRule } from '../types.js';
import { detailsTooLate } from '../shared.js';

const rule: RowRule = {
  kind: 'row',
  code: 'CDN_TIME_LIMIT',
  severity: 'error',
  sections: ['cdnr', 'cdnur'],
  source: 'CGST Act s.34(2) (Finance Act 2022, from 01-10-2022); before it, the September return after the year',
  description:
    'Credit note reported too late for its financial year (Section 34(2)): after the October return following the year (filed by 30 November; the September return before FY 2021-22), or after the annual return was filed.',
  variants: [
    { reason: 'november', deadline: '30-11-2024', lastReturn: '102024' },
    { reason: 'september', deadline: '30-09-2021', lastReturn: '092021' },
    { reason: 'annual-return', deadline: '15-10-2024' },
  ],
  check(row, ctx, report) {
    const v = row.values;
    if (v.ntty !== 'C' || !v.ntDt) return;
    const late = detailsTooLate(fyOfIsoDate(v.ntDt), ctx);
    if (late) report(row, 'ntDt', late);
  },
};
export default rule;
