/**
 * INVTYPE_RCHRG: the Offline Tool (`validateNoteSupplyType`) ties reverse charge to the invoice
 * or note supply type and refuses the row otherwise: "Intra-State supplies attracting IGST" (CBW)
 * must say Reverse Charge Y; a deemed export (DE) or an SEZ supply (SEWP, SEWOP) must say N.
 * GSTN's e-invoice advisory adds that IGST on an intra-State supply without reverse charge fails
 * GSTR-1 validation, so these are errors (issue 16; they were warnings before).
 *   pass: DE with N, CBW with Y; fail: DE with Y, SEWP with Y, CBW with N
 */
import type { RowRule } from '../types.js';

/** Supply types the Offline Tool allows only without reverse charge. */
const FORWARD_ONLY = new Set(['DE', 'SEWP', 'SEWOP']);

const rule: RowRule = {
  kind: 'row',
  code: 'INVTYPE_RCHRG',
  severity: 'error',
  sections: ['b2b', 'b2ba', 'cdnr', 'cdnra'],
  source: 'Offline Tool 3.2.4 `validateNoteSupplyType`; GSTN e-invoice advisory (IGST on intra-State supplies without reverse charge fail GSTR-1)',
  description:
    'Reverse charge must be Y for "Intra-State supplies attracting IGST" and N for deemed exports and SEZ supplies (with or without payment).',
  variants: [{ type: 'CBW', expected: 'Y' }, { type: 'DE', expected: 'N' }, { type: 'SEWP', expected: 'N' }],
  check(row, _ctx, report) {
    const v = row.values;
    const type = v.invTyp;
    if (!type) return;
    const rchrg = v.rchrg ?? 'N';
    if (type === 'CBW' && rchrg !== 'Y') report(row, 'rchrg', { type, expected: 'Y' });
    else if (FORWARD_ONLY.has(type) && rchrg !== 'N') report(row, 'rchrg', { type, expected: 'N' });
  },
};
export default rule;
