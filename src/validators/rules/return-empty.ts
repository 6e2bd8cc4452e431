/**
 * RETURN_EMPTY (warning): sheets were read and not one row of them holds a supply, a document or
 * a Table 13 line (the blank template, or the wrong workbook chosen). "0 errors" alone would read as
 * a return checked and ready, and the JSON would carry only the GSTIN and the period: a nil return.
 * A warning, not an error: a nil return is a real return, and this is the way to make one.
 *   pass: a sheet with one row read; warn: every sheet read with no row
 */
import { SHEET_IDS } from '../../model/sheets.js';
import type { PassRule } from '../types.js';

const rule: PassRule = {
  kind: 'pass',
  code: 'RETURN_EMPTY',
  severity: 'warning',
  sections: SHEET_IDS,
  source: 'this toolkit: a return with nothing in it is a nil return, which the user should mean',
  confidence: 'certain: counts the rows read',
  description: 'Sheets were read and none of them holds a row: the return would be empty (a nil return).',
  variants: [{ sheets: 3 }],
  check(_ctx, report) {
    return {
      finish(result) {
        // rows refused by other findings were there: those findings say what to fix
        if (result.stats.length === 0 || result.stats.some((s) => s.read > 0 || s.rejected > 0)) return;
        report.raw({ params: { sheets: result.stats.length } });
      },
    };
  },
};
export default rule;
