/**
 * B2CS_TYPE_E: b2cs/b2csa "Type" must be OE. The template's master still lists E (through an
 * e-commerce operator) but the offline tool rejects it: supplies through an operator are
 * reported in Table 14 (sheet eco) instead.
 *   pass: OE; fail: E
 */
import type { RowRule } from '../types.js';

const rule: RowRule = {
  kind: 'row',
  code: 'B2CS_TYPE_E',
  severity: 'error',
  sections: ['b2cs', 'b2csa'],
  source: 'Offline Tool 3.2.4 b2cs import (Type E no longer offered, Table 14 from January 2024)',
  description: 'B2C (small) Type must be OE; Type E (through an e-commerce operator) is no longer accepted.',
  check(row, _ctx, report) {
    if (row.values.typ === 'E') report(row, 'typ');
  },
};
export default rule;
