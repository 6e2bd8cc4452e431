/**
 * NOTE_SIGN: credit and debit notes are reported with positive amounts (the note type says
 * which way they go): note value 0 or more, taxable value more than 0, cess 0 or more.
 *   pass: value 1180, taxable 1000; fail: taxable -1000, taxable 0
 */
import type { RowRule } from '../types.js';

const rule: RowRule = {
  kind: 'row',
  code: 'NOTE_SIGN',
  severity: 'error',
  sections: ['cdnr', 'cdnra', 'cdnur', 'cdnura'],
  source: 'Offline Tool 3.2.4 cdnr/cdnur import (note value ≥ 0, taxable value > 0)',
  description: 'Notes: note value and cess not negative, taxable value more than zero (the note type says credit or debit).',
  variants: [{ reason: 'negative' }, { reason: 'not-positive' }],
  check(row, _ctx, report) {
    const v = row.values;
    if (v.val !== undefined && v.val < 0) report(row, 'val', { reason: 'negative' });
    if (v.txval !== undefined && v.txval <= 0) report(row, 'txval', { reason: 'not-positive' });
    if (v.csamt !== undefined && v.csamt < 0) report(row, 'csamt', { reason: 'negative' });
  },
};
export default rule;
