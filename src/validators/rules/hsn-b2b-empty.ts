/**
 * HSN_B2B_EMPTY: from the May 2025 period the B2B tab of Table 12 may not be empty when the
 * return reports B2B supplies (b2b invoices, cdnr notes, and Table 15's supplies to registered
 * recipients, ecom b2b and urp2b, which the advisory puts in the same tab): the portal is reported to block filing
 * (`HSN_B2B_REQUIRED`). Checked when the input holds Table 12 (an hsn(b2b) or hsn(b2c) sheet),
 * since Table 12 may otherwise come from another file; HSN_TOTALS compares the amounts.
 *   pass: b2b rows and an hsn(b2b) row; fail: b2b rows, hsn(b2c) rows and no hsn(b2b) row
 */
import { hsnB2bRequired } from '../../model/dated-rules.js';
import { HSN_B2B_TAB_SHEETS } from '../shared.js';
import type { PassRule } from '../types.js';

const B2B_SUPPLIES: ReadonlySet<string> = new Set(HSN_B2B_TAB_SHEETS);

const rule: PassRule = {
  kind: 'pass',
  code: 'HSN_B2B_EMPTY',
  severity: 'error',
  sections: [...HSN_B2B_TAB_SHEETS, 'hsnb2b', 'hsnb2c'],
  source: 'GSTN advisory on Tables 12 and 13 of GSTR-1/1A (Phase III, from the May 2025 period): "B2B tab cannot be left empty if B2B supplies are reported"',
  confidence: 'the advisory as tax sites report it (GSTN\'s text not read); they report the portal blocks filing, so an error',
  description: 'Table 12\'s B2B tab is empty while the return reports B2B supplies (from the May 2025 period).',
  variants: [{ documents: 3 }],
  check(ctx, report) {
    let documents = 0;
    let hsnRows = 0;
    return {
      row(row) {
        const id = row.ctx.spec.id;
        if (id === 'hsnb2b') hsnRows++;
        else if (B2B_SUPPLIES.has(id)) documents++;
      },
      finish(result) {
        if (!hsnB2bRequired(ctx.period) || documents === 0 || hsnRows > 0) return;
        const sheet = result.stats.find((s) => s.sheetId === 'hsnb2b') ?? result.stats.find((s) => s.sheetId === 'hsnb2c');
        if (!sheet) return;
        report.raw({ file: sheet.file, ...(sheet.sheetId === 'hsnb2b' ? { sheet: sheet.sheet } : {}), params: { documents } });
      },
    };
  },
};
export default rule;
