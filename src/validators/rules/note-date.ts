/**
 * RET191126: a credit/debit note date may not be later than the last day of the return period,
 * earlier than 01-07-2017, or earlier than the effective date of registration. Original note
 * dates in amendments are checked against 01-07-2017 and registration only.
 *   pass: 10-03-2025 in the 032025 return; fail: 02-04-2025 in the 032025 return
 */
import type { RowRule } from '../types.js';
import { checkDocumentDate } from '../shared.js';

const rule: RowRule = {
  kind: 'row',
  code: 'RET191126',
  severity: 'error',
  sections: ['cdnr', 'cdnra', 'cdnur', 'cdnura'],
  source: 'Offline Tool 3.2.4 `validateDate`; portal RET191126',
  description: 'Note date: not after the last day of the return period, not before 01-07-2017, not before the registration date.',
  variants: [
    { reason: 'after-period', limit: '31-03-2025' }, { reason: 'before-gst', limit: '01-07-2017' },
    { reason: 'before-registration', limit: '01-04-2020' },
  ],
  check(row, ctx, report) {
    checkDocumentDate(row, 'ntDt', ctx, report, false);
    if (row.values.ontDt) checkDocumentDate(row, 'ontDt', ctx, report, true);
  },
};
export default rule;
