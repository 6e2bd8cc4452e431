/**
 * POS_UNLISTED (warning): places of supply the Offline Tool's drop-downs never offer but its Excel
 * import accepts (numeric 1-38, 96, 97): 28, the old Andhra Pradesh code (not in the template's
 * list since the 2014 bifurcation), and 96 (Foreign Country) outside b2b, b2ba, cdnr and cdnra.
 * Whether the portal rejects them is not known, so a warning (issue 16).
 *   pass: 37, 96 in b2b; warn: 28, 96 in b2cs
 */
import type { SheetId } from '../../model/sheets.js';
import { POS_SHEETS } from '../shared.js';
import type { RowRule } from '../types.js';

/** Sheets whose place-of-supply drop-down offers 96 (Foreign Country). */
export const FOREIGN_OK: ReadonlySet<SheetId> = new Set<SheetId>(['b2b', 'b2ba', 'cdnr', 'cdnra']);
export const OLD_ANDHRA_PRADESH = '28';

const rule: RowRule = {
  kind: 'row',
  code: 'POS_UNLISTED',
  severity: 'warning',
  sections: [...POS_SHEETS],
  source: 'Offline Tool 3.2.4 `public/data/state.json` and POS drop-down (`returns1.ctrl.js`) against its Excel import (`validatePattern(…, isPos)`: 1-38, 96, 97)',
  confidence: 'stricter than the Offline Tool\'s import, portal verdict unknown: a warning',
  description: 'Place of supply 28 (old Andhra Pradesh), or 96 (Foreign Country) outside b2b, b2ba, cdnr, cdnra: accepted by the Offline Tool\'s import, not in its lists.',
  variants: [{ reason: 'old-ap' }, { reason: 'foreign-sheet' }],
  check(row, _ctx, report) {
    const field = row.ctx.spec.id === 'b2cla' ? 'opos' : 'pos';
    const pos = row.values[field];
    if (pos === OLD_ANDHRA_PRADESH) report(row, field, { reason: 'old-ap' });
    else if (pos === '96' && !FOREIGN_OK.has(row.ctx.spec.id)) report(row, field, { reason: 'foreign-sheet' });
  },
};
export default rule;
