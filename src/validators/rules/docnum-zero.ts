/**
 * DOCNUM_ZERO: a document number that is numerically zero ("0", "000") is refused by the Offline
 * Tool's import; so is a Table 13 serial number without a letter or non-zero digit ("0", "0/0":
 * the tool's doc_issue pattern needs one). A document number made of zeros and separators ("0/0",
 * "0-0") passes the tool: DOCNUM_ZERO_LIKE warns about it instead.
 *   pass: INV/0001, 0/0 in b2b (a warning elsewhere); fail: 0000, Table 13 "0/0"
 */
import type { SheetId } from '../../model/sheets.js';
import type { RowRule } from '../types.js';
import { hasLetterOrNonZeroDigit, NUMBER_FIELDS } from './docnum-format.js';

// compiled once: a regular expression literal in a function is a new object each time it runs
const SERIAL_ZERO = /^[0-9/-]+$/;
const ALL_ZEROS = /^0+$/;

const rule: RowRule = {
  kind: 'row',
  code: 'DOCNUM_ZERO',
  severity: 'error',
  sections: Object.keys(NUMBER_FIELDS) as SheetId[],
  source: 'Offline Tool 3.2.4 import (a document number must not be numerically zero; the doc_issue serial pattern needs a letter or non-zero digit)',
  description: 'Document numbers must not be zero ("0", "000"); Table 13 serial numbers need a letter or non-zero digit.',
  check(row, _ctx, report) {
    const docs = row.ctx.spec.id === 'docs';
    for (const f of NUMBER_FIELDS[row.ctx.spec.id] ?? []) {
      const n = row.values[f];
      // the cheap test first: a letter or non-zero digit settles it
      if (typeof n !== 'string' || hasLetterOrNonZeroDigit(n)) continue;
      if (docs ? SERIAL_ZERO.test(n) : ALL_ZEROS.test(n)) report(row, f);
    }
  },
};
export default rule;
