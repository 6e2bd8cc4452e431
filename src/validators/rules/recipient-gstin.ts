/**
 * RET191113: the recipient's GSTIN/UIN must be a valid id (normal GSTIN, UIN, TDS or NR
 * registration, with its check character) and must not be the supplier's own GSTIN.
 *   pass: 27AAACR5055K1Z7 (supplier 29…); fail: 27AAACR5055K1Z8 (check character), the supplier's GSTIN
 */
import { GSTIN_PATTERNS, hasShape, hasValidCheckChar, RECIPIENT_KINDS } from '../../model/gstin.js';
import type { RowRule } from '../types.js';

/** Rows of one recipient usually come together: the last id found valid skips the pattern work. */
let lastValid = '';

const rule: RowRule = {
  kind: 'row',
  code: 'RET191113',
  severity: 'error',
  sections: ['b2b', 'b2ba', 'cdnr', 'cdnra'],
  description:
    'Recipient GSTIN/UIN: a normal GSTIN, UIN, TDS or non-resident id with a valid check character (mod 36), and not the supplier\'s own GSTIN.',
  variants: [{ reason: 'format' }, { reason: 'checksum' }, { reason: 'oidar' }, { reason: 'supplier' }],
  check(row, ctx, report) {
    const id = row.values.ctin;
    if (!id) return;
    if (id === lastValid) {
      if (id === ctx.gstin) report(row, 'ctin', { reason: 'supplier' });
      return;
    }
    // ids are read upper-cased: the usual normal GSTIN is matched without hasShape's general path
    if (!GSTIN_PATTERNS.normal.test(id) && !hasShape(id, ...RECIPIENT_KINDS)) {
      report(row, 'ctin', { reason: hasShape(id, 'oidar') ? 'oidar' : 'format' });
    } else if (!hasValidCheckChar(id)) {
      report(row, 'ctin', { reason: 'checksum' });
    } else {
      lastValid = id;
      if (id === ctx.gstin) report(row, 'ctin', { reason: 'supplier' });
    }
  },
};
export default rule;
