/**
 * RET191113: the recipient's GSTIN/UIN must be a valid id (normal GSTIN, UIN, TDS or NR
 * registration, with its check character) and must not be the supplier's own GSTIN. A TDS
 * registration counts only with `D` as its 14th character: the Offline Tool's recipient check
 * (`validateGSTIN`) takes `D` there, though its general TDS pattern also allows `K`. UIN holders
 * (UN bodies, embassies: 0717UNO00157UNO) are recipients; OIDAR ids (99…OS…) are not.
 *   pass: 27AAACR5055K1Z7 (supplier 29…), 27ABCD01234E1DP; fail: 27AAACR5055K1Z8 (check character),
 *   27ABCD01234E1KA (TDS with K), the supplier's GSTIN
 */
import { GSTIN_PATTERNS, hasShape, hasValidCheckChar, RECIPIENT_KINDS } from '../../model/gstin.js';
import { TABLE15_DOCUMENT_SHEETS } from '../shared.js';
import type { RowRule } from '../types.js';

/** Rows of one recipient usually come together: the last id found valid skips the pattern work. */
let lastValid = '';

/** A TDS-shaped id (no other recipient kind) whose 14th character is K. */
function isTdsWithK(id: string): boolean {
  return id.charCodeAt(13) === 75 /* K */ && !hasShape(id, 'normal', 'uin', 'nr');
}

const rule: RowRule = {
  kind: 'row',
  code: 'RET191113',
  severity: 'error',
  sections: ['b2b', 'b2ba', 'cdnr', 'cdnra', ...TABLE15_DOCUMENT_SHEETS],
  description:
    'Recipient GSTIN/UIN: a normal GSTIN, UIN, TDS (14th character D) or non-resident id with a valid check character (mod 36), not OIDAR, and not the supplier\'s own GSTIN.',
  source: 'Offline Tool 3.2.4 `validateGSTIN` (recipient kinds, check character), `ERR_INV_CTIN`; portal RET191113',
  variants: [{ reason: 'format' }, { reason: 'checksum' }, { reason: 'oidar' }, { reason: 'tds-k' }, { reason: 'supplier' }],
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
    } else if (isTdsWithK(id)) {
      report(row, 'ctin', { reason: 'tds-k' });
    } else if (!hasValidCheckChar(id)) {
      report(row, 'ctin', { reason: 'checksum' });
    } else {
      lastValid = id;
      if (id === ctx.gstin) report(row, 'ctin', { reason: 'supplier' });
    }
  },
};
export default rule;
