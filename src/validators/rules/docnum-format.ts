/**
 * DOCNUM_FORMAT: invoice and note numbers (Rule 46(b)): at most 16 characters, letters, digits,
 * hyphen and slash only. The same for original numbers in amendments, and for the "Sr. No.
 * From/To" of Table 13 (docs).
 * A number is reported where it was typed. A Table 13 row derived from a sales register has no
 * cells: its From/To are the numbers of the register's documents, so a number already reported
 * at a document's cell is not reported again there (nor by RET191106 on the JSON); one that was
 * not (a cancelled voucher's) is reported on the derived row.
 *   pass: INV/2025-26/001; fail: INV 001 (space), INV_001, 17 characters
 */
import type { Field } from '../../model/fields.js';
import type { SheetId } from '../../model/sheets.js';
import type { PassRule } from '../types.js';

const FORMAT = /^[A-Za-z0-9/-]{1,16}$/;

/** Number fields by sheet. */
export const NUMBER_FIELDS: Partial<Record<SheetId, readonly Field[]>> = {
  b2b: ['inum'], b2ba: ['oinum', 'inum'], b2cl: ['inum'], b2cla: ['oinum', 'inum'],
  exp: ['inum'], expa: ['oinum', 'inum'],
  cdnr: ['ntNum'], cdnra: ['ontNum', 'ntNum'], cdnur: ['ntNum'], cdnura: ['ontNum', 'ntNum'],
  docs: ['docFrom', 'docTo'],
  ecob2b: ['inum'], ecourp2b: ['inum'], ecoab2b: ['oinum', 'inum'], ecoaurp2b: ['oinum', 'inum'],
};

/**
 * Whether a number has a letter or a non-zero digit, which settles DOCNUM_ZERO and DOCNUM_ZERO_LIKE
 * for it: usually its first character does ("INV/…"), read in place; a regular expression's test was
 * a tenth of each rule's time on every line of a return.
 */
export function hasLetterOrNonZeroDigit(n: string): boolean {
  for (let i = 0; i < n.length; i++) {
    const c = n.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x31 && c <= 0x39)) return true;
  }
  return false;
}

const rule: PassRule = {
  kind: 'pass',
  code: 'DOCNUM_FORMAT',
  rowsOnly: true,
  severity: 'error',
  sections: Object.keys(NUMBER_FIELDS) as SheetId[],
  source: 'CGST Rule 46(b); Offline Tool 3.2.4 document-number pattern `^[a-zA-Z0-9-/]{1,16}$`',
  description: 'Document numbers: at most 16 characters of letters, digits, "-" and "/" (Rule 46(b)); also Table 13 serial numbers.',
  variants: [{ reason: 'length', length: 17 }, { reason: 'characters' }],
  check(_ctx, report) {
    let lastGood = '';
    /** bad numbers reported at a cell (few: only the bad ones) */
    const reported = new Set<string>();
    return {
      row(row) {
        for (const f of NUMBER_FIELDS[row.ctx.spec.id] ?? []) {
          const n = row.values[f];
          // the lines of one invoice repeat its number: the last number found good is not tested again
          if (typeof n !== 'string' || n === '' || n === lastGood) continue;
          if (FORMAT.test(n)) {
            lastGood = n;
            continue;
          }
          const atCell = row.ctx.columns[f] !== undefined;
          if (!atCell && reported.has(n)) continue;
          if (atCell) reported.add(n);
          if (n.length > 16) report(row, f, { reason: 'length', length: n.length });
          else report(row, f, { reason: 'characters' });
        }
      },
    };
  },
};
export default rule;
