/**
 * DOCS_CANCELLED: Table 13 (docs): total number and cancelled are whole numbers, not negative,
 * and cancelled cannot exceed the total (net issued = total − cancelled is derived).
 *   pass: total 120, cancelled 3; fail: total 3, cancelled 5
 */
import type { RowRule } from '../types.js';

const rule: RowRule = {
  kind: 'row',
  code: 'DOCS_CANCELLED',
  severity: 'error',
  sections: ['docs'],
  source: 'Offline Tool 3.2.4 doc_issue import (`totnum` ≥ `cancel`, both not negative)',
  description: 'Documents issued: total and cancelled not negative, cancelled not more than the total.',
  variants: [{ reason: 'negative' }, { reason: 'more-than-total' }],
  check(row, _ctx, report) {
    const { totnum, cancel } = row.values;
    if (totnum !== undefined && totnum < 0) report(row, 'totnum', { reason: 'negative' });
    if (cancel !== undefined && cancel < 0) report(row, 'cancel', { reason: 'negative' });
    else if (totnum !== undefined && cancel !== undefined && totnum >= 0 && cancel > totnum) {
      report(row, 'cancel', { reason: 'more-than-total' });
    }
  },
};
export default rule;
