/**
 * DOCNUM_FORMAT: invoice and note numbers (Rule 46(b)): at most 16 characters, letters, digits,
 * hyphen and slash only. The same for original numbers in amendments, and for the "Sr. No.
 * From/To" of Table 13 (docs).
 *   pass: INV/2025-26/001; fail: INV 001 (space), INV_001, 17 characters
 */
import type { Field } from '../../model/fields.js';
import type { SheetId } from '../../model/sheets.js';
import type { RowRule } from '../types.js';

const FORMAT = /^[A-Za-z0-9/-]{1,16}$/;

/** Number fields by sheet. */
export const NUMBER_FIELDS: Partial<Record<SheetId, readonly Field[]>> = {
  b2b: ['inum'], b2ba: ['oinum', 'inum'], b2cl: ['inum'], b2cla: ['oinum', 'inum'],
  exp: ['inum'], expa: ['oinum', 'inum'],
  cdnr: ['ntNum'], cdnra: ['ontNum', 'ntNum'], cdnur: ['ntNum'], cdnura: ['ontNum', 'ntNum'],
  docs: ['docFrom', 'docTo'],
  ecob2b: ['inum'], ecourp2b: ['inum'], ecoab2b: ['oinum', 'inum'], ecoaurp2b: ['oinum', 'inum'],
};

let lastGood = '';

const rule: RowRule = {
  kind: 'row',
  code: 'DOCNUM_FORMAT',
  severity: 'error',
  sections: Object.keys(NUMBER_FIELDS) as SheetId[],
  source: 'CGST Rule 46(b); Offline Tool 3.2.4 document-number pattern `^[a-zA-Z0-9-/]{1,16}$`',
  description: 'Document numbers: at most 16 characters of letters, digits, "-" and "/" (Rule 46(b)); also Table 13 serial numbers.',
  variants: [{ reason: 'length', length: 17 }, { reason: 'characters' }],
  check(row, _ctx, report) {
    for (const f of NUMBER_FIELDS[row.ctx.spec.id] ?? []) {
      const n = row.values[f];
      // the lines of one invoice repeat its number: the last number found good is not tested again
      if (typeof n !== 'string' || n === '' || n === lastGood) continue;
      if (FORMAT.test(n)) {
        lastGood = n;
        continue;
      }
      if (n.length > 16) report(row, f, { reason: 'length', length: n.length });
      else report(row, f, { reason: 'characters' });
    }
  },
};
export default rule;
