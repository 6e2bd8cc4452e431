/**
 * DOCNUM_ZERO_LIKE (warning): an invoice or note number made only of zeros and separators ("0/0",
 * "0-0", "/0") is no real number, but the Offline Tool's import accepts it (its check is for a
 * numerically zero number) and the portal's verdict is unknown: a warning, not an error.
 * Table 13 serial numbers are DOCNUM_ZERO's business (the tool refuses them there).
 *   pass: INV/0001, 000 (DOCNUM_ZERO's error); warn: 0/0
 */
import type { SheetId } from '../../model/sheets.js';
import type { RowRule } from '../types.js';
import { hasLetterOrNonZeroDigit, NUMBER_FIELDS } from './docnum-format.js';

const SHEETS = (Object.keys(NUMBER_FIELDS) as SheetId[]).filter((s) => s !== 'docs');
// compiled once: a regular expression literal in a function is a new object each time it runs
const ZEROS_AND_SEPARATORS = /^[0/-]+$/;
const SEPARATOR = /[/-]/;

const rule: RowRule = {
  kind: 'row',
  code: 'DOCNUM_ZERO_LIKE',
  severity: 'warning',
  sections: SHEETS,
  source: 'Offline Tool 3.2.4 import accepts it (only a numerically zero number is refused); CGST Rule 46(b) (a consecutive serial number)',
  confidence: 'stricter than the Offline Tool, portal verdict unknown: a warning',
  description: 'Document number made only of zeros and "/" or "-" (e.g. "0/0"): the Offline Tool accepts it, the portal may not.',
  check(row, _ctx, report) {
    for (const f of NUMBER_FIELDS[row.ctx.spec.id] ?? []) {
      const n = row.values[f];
      if (typeof n !== 'string' || hasLetterOrNonZeroDigit(n)) continue;
      if (ZEROS_AND_SEPARATORS.test(n) && SEPARATOR.test(n) && n.includes('0')) report(row, f);
    }
  },
};
export default rule;
