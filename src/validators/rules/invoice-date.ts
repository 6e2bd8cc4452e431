/**
 * RET191114: an invoice date may not be later than the last day of the return period, earlier
 * than 01-07-2017 (GST), or earlier than the effective date of registration
 * (`--registration-date`). Original invoice dates in amendments are checked against 01-07-2017
 * and registration only (RET191198 checks they are before this period). Rows of sheets without
 * a date (b2cs, at, atadj, Table 15's B2C parts, exemp) carry one only when a sales register gave
 * it (its invoice or receipt date): a small B2C sale or a nil-rated supply dated after the period
 * is as wrong as an invoice.
 *   pass: 15-03-2025 in the 032025 return; fail: 01-04-2025 in the 032025 return
 */
import type { RowRule } from '../types.js';
import { checkDocumentDate, TABLE15_DOCUMENT_SHEETS } from '../shared.js';

const rule: RowRule = {
  kind: 'row',
  code: 'RET191114',
  severity: 'error',
  sections: ['b2b', 'b2ba', 'b2cl', 'b2cla', 'exp', 'expa', ...TABLE15_DOCUMENT_SHEETS, 'b2cs', 'at', 'atadj', 'ecob2c', 'ecourp2c', 'exemp'],
  source: 'Offline Tool 3.2.4 `validateDate`; portal RET191114',
  description:
    'Invoice date: not after the last day of the return period, not before 01-07-2017, not before the registration date.',
  variants: [
    { reason: 'after-period', limit: '31-03-2025' }, { reason: 'before-gst', limit: '01-07-2017' },
    { reason: 'before-registration', limit: '01-04-2020' },
  ],
  check(row, ctx, report) {
    checkDocumentDate(row, 'idt', ctx, report, false);
    if (row.values.oidt) checkDocumentDate(row, 'oidt', ctx, report, true);
  },
};
export default rule;
