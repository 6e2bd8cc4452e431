/**
 * INVTYPE_RCHRG: the offline tool ties reverse charge to two invoice types: supplies "Intra-State
 * supplies attracting IGST" (CBW) must say Reverse Charge Y, and deemed exports (DE) must say N.
 *   pass: DE with N; fail: DE with Y, CBW with N
 */
import type { RowRule } from '../types.js';

const rule: RowRule = {
  kind: 'row',
  code: 'INVTYPE_RCHRG',
  // a warning: the pairing is the offline tool's import check as the spec restates it, not yet
  // confirmed against a portal error
  severity: 'warning',
  sections: ['b2b', 'b2ba', 'cdnr', 'cdnra'],
  description: 'Reverse charge must be Y for "Intra-State supplies attracting IGST" and N for deemed exports.',
  variants: [{ type: 'CBW', expected: 'Y' }, { type: 'DE', expected: 'N' }],
  check(row, _ctx, report) {
    const v = row.values;
    const rchrg = v.rchrg ?? 'N';
    if (v.invTyp === 'CBW' && rchrg !== 'Y') report(row, 'rchrg', { type: 'CBW', expected: 'Y' });
    else if (v.invTyp === 'DE' && rchrg !== 'N') report(row, 'rchrg', { type: 'DE', expected: 'N' });
  },
};
export default rule;
