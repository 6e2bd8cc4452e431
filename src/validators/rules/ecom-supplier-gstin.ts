/**
 * ECOM_SUPPLIER_GSTIN: in Table 15 (ecob2b, ecob2c) and 15A (ecoab2b, ecoab2c) the supplier is a
 * registered person selling through the filer, an e-commerce operator who pays the tax u/s 9(5):
 * its GSTIN must be a normal GSTIN with a valid check character, not a TCS registration (14th
 * character C, the operator's own kind), not the operator's GSTIN and not the recipient's.
 *   pass: 29AAACR5055K1Z3 supplying 27AABCU9603R1ZN; fail: 29AAACR5055K1Z4 (check character),
 *   27AAACR5055K1CI (TCS), the filer's own GSTIN
 */
import { hasShape, hasValidCheckChar } from '../../model/gstin.js';
import type { RowRule } from '../types.js';

const rule: RowRule = {
  kind: 'row',
  code: 'ECOM_SUPPLIER_GSTIN',
  severity: 'error',
  sections: ['ecob2b', 'ecob2c', 'ecoab2b', 'ecoab2c'],
  source: 'Offline Tool 3.2.4 Table 15 import (supplier GSTIN pattern and check character); CGST Act s.9(5)',
  description:
    'Table 15/15A supplier GSTIN/UIN: a normal GSTIN with a valid check character (mod 36), not a TCS registration, not the operator\'s own GSTIN and not the recipient\'s.',
  variants: [{ reason: 'format' }, { reason: 'checksum' }, { reason: 'tcs' }, { reason: 'operator' }, { reason: 'recipient' }],
  check(row, ctx, report) {
    const id = row.values.stin;
    if (!id) return;
    if (hasShape(id, 'tcs')) report(row, 'stin', { reason: 'tcs' });
    else if (!hasShape(id, 'normal')) report(row, 'stin', { reason: 'format' });
    else if (!hasValidCheckChar(id)) report(row, 'stin', { reason: 'checksum' });
    else if (id === ctx.gstin) report(row, 'stin', { reason: 'operator' });
    else if (id === row.values.ctin) report(row, 'stin', { reason: 'recipient' });
  },
};
export default rule;
