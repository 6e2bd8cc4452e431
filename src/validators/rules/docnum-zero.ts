/**
 * DOCNUM_ZERO: a document number needs at least one letter or non-zero digit; "0", "000" or
 * "0/0" pass the character check but the offline tool and the portal refuse them.
 *   pass: INV/0001; fail: 0000
 */
import type { SheetId } from '../../model/sheets.js';
import type { RowRule } from '../types.js';
import { NUMBER_FIELDS } from './docnum-format.js';

const rule: RowRule = {
  kind: 'row',
  code: 'DOCNUM_ZERO',
  severity: 'error',
  sections: Object.keys(NUMBER_FIELDS) as SheetId[],
  source: 'Offline Tool 3.2.4 import (a document number must not be numerically zero)',
  description: 'Document numbers must not be zero ("0", "000"): at least one letter or non-zero digit.',
  check(row, _ctx, report) {
    for (const f of NUMBER_FIELDS[row.ctx.spec.id] ?? []) {
      const n = row.values[f];
      // the cheap test first: a letter or non-zero digit settles it
      if (typeof n === 'string' && !/[A-Za-z1-9]/.test(n) && /^[A-Za-z0-9/-]+$/.test(n)) report(row, f);
    }
  },
};
export default rule;
