/**
 * ECO_SIGN: Table 14 (eco, ecoa) figures are net and may be negative, but the value of supplies
 * and every tax amount of a row must share one sign.
 *   pass: 10000 / IGST 1800; fail: 10000 / IGST -1800
 */
import type { Field } from '../../model/fields.js';
import type { RowRule } from '../types.js';

const AMOUNTS: readonly Field[] = ['iamt', 'camt', 'samt', 'csamt'];

const rule: RowRule = {
  kind: 'row',
  code: 'ECO_SIGN',
  severity: 'error',
  sections: ['eco', 'ecoa'],
  source: 'Offline Tool 3.2.4 Table 14 import (amounts share a sign)',
  description: 'Supplies through e-commerce operators: value of supplies and tax amounts all positive or all negative.',
  check(row, _ctx, report) {
    const v = row.values;
    let sign = Math.sign(v.suppval ?? 0);
    for (const f of AMOUNTS) {
      const n = (v[f] as number | undefined) ?? 0;
      if (n === 0) continue;
      if (sign === 0) sign = Math.sign(n);
      else if (Math.sign(n) !== sign) {
        report(row, f);
        return;
      }
    }
  },
};
export default rule;
