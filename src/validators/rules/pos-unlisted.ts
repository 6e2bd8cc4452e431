/**
 * POS_UNLISTED (warning): 96 (Foreign Country) outside b2b, b2ba, cdnr and cdnra, which the Offline
 * Tool's drop-downs never offer there but its Excel import and the JSON schema accept. Whether the
 * portal rejects it is not known, so a warning (issue 16). 28, the old Andhra Pradesh code, was
 * warned about here too until it was found missing from the JSON schema: RET191112 refuses it now.
 *   pass: 37, 96 in b2b, 28 (RET191112's); warn: 96 in b2cs
 */
import type { SheetId } from '../../model/sheets.js';
import { POS_SHEETS } from '../shared.js';
import type { RowRule } from '../types.js';

/** Sheets whose place-of-supply drop-down offers 96 (Foreign Country). */
export const FOREIGN_OK: ReadonlySet<SheetId> = new Set<SheetId>(['b2b', 'b2ba', 'cdnr', 'cdnra']);

const rule: RowRule = {
  kind: 'row',
  code: 'POS_UNLISTED',
  severity: 'warning',
  sections: [...POS_SHEETS],
  source: 'Offline Tool 3.2.4 `public/data/state.json` and POS drop-down (`returns1.ctrl.js`) against its Excel import (`validatePattern(…, isPos)`: 1-38, 96, 97)',
  confidence: 'stricter than the Offline Tool\'s import, portal verdict unknown: a warning',
  description: 'Place of supply 96 (Foreign Country) outside b2b, b2ba, cdnr, cdnra: accepted by the Offline Tool\'s import and the JSON schema, not in its lists.',
  variants: [{ reason: 'foreign-sheet' }],
  check(row, _ctx, report) {
    const field = row.ctx.spec.id === 'b2cla' ? 'opos' : 'pos';
    const pos = row.values[field];
    if (pos === '96' && !FOREIGN_OK.has(row.ctx.spec.id)) report(row, field, { reason: 'foreign-sheet' });
  },
};
export default rule;
