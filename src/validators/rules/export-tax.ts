/**
 * EXP_TYPE_TAX: exports under bond/LUT (WOPAY) and notes on them (EXPWOP) carry no tax: the
 * IGST is written as 0, so a cess amount on such a row would be silently dropped.
 *   pass: WOPAY with cess blank; fail: WOPAY with cess 250
 */
import type { RowRule } from '../types.js';

const rule: RowRule = {
  kind: 'row',
  code: 'EXP_TYPE_TAX',
  severity: 'error',
  sections: ['exp', 'expa', 'cdnur', 'cdnura'],
  source: 'Offline Tool 3.2.4 exp and cdnur import (WOPAY/EXPWOP: no tax, no cess)',
  description: 'Exports without payment of tax (WOPAY, EXPWOP notes): cess must be 0.',
  variants: [{ type: 'WOPAY' }],
  check(row, _ctx, report) {
    const v = row.values;
    const type = v.expTyp === 'WOPAY' ? 'WOPAY' : v.urType === 'EXPWOP' ? 'EXPWOP' : undefined;
    if (type && v.csamt) report(row, 'csamt', { type });
  },
};
export default rule;
