/**
 * RET91708: where a row reports tax amounts (the HSN sheets), each head must be within Rs 10 of
 * the tax the taxable value and rate give (× 0.65 at 65 %): IGST against the full tax, Central
 * and State/UT tax each against half of it; a row with both on its total (see
 * validators/hsn-tax.ts). An HSN row has no Applicable % column: its tax may go down to the 65 %
 * tax only when a document of its tab is at 65 % of the rate (or the input has none of the tab).
 * The Rs 10 rests only on a GSP's GSTR-9 sample; an HSN row summing many
 * invoices drifts further through per-invoice rounding alone. So a difference over Rs 10 is an
 * error only beyond what rounding can explain (Rs 0.50 × the documents the row's tab summarises);
 * within it, HSN_TAX_ROUNDING warns instead (issue 16). A document row whose tax amounts were
 * given as they are (a JSON through to-excel's tax columns) is one document: over Rs 10 is an error.
 * So is an advance row's (at, ata, atadj, atadja: Table 11A/11B), whose tax is on the gross advance:
 * the portal's check that tax amounts are in line with the amount and the declared rate (from
 * 23-02-2018) is stated for GSTR-1's tax amounts, not for some tables only. Supplies without
 * payment of tax (SEWOP, WOPAY, EXPWOP) owe 0 at any rate: not this rule's (RET191150's), and an
 * HSN row may fall short by their value × rate at its rate in its tab.
 *   pass: taxable 10000, rate 18, IGST 1810; fail: IGST 1810.01 with one invoice in the return
 */
import type { PassRule } from '../types.js';
import { HSN_TAX_SHEETS, hsnTaxPass, roundingExplains } from '../hsn-tax.js';
import { GIVEN_TAX_SHEETS } from '../shared.js';

export { TAX_TOLERANCE_PAISE } from '../hsn-tax.js';

const rule: PassRule = {
  kind: 'pass',
  code: 'RET91708',
  severity: 'error',
  // and document rows whose tax amounts were given as they are (a JSON's, through to-excel's tax columns)
  sections: [...new Set([...HSN_TAX_SHEETS, ...GIVEN_TAX_SHEETS])],
  source: "a GSP's GSTR-9 sample (RET91708, Rs 10); no GSTR-1 text found",
  confidence: 'secondary: the Rs 10 tolerance is not documented for GSTR-1 HSN rows; an error only beyond what per-invoice rounding can explain',
  description:
    'HSN tax amounts within Rs 10 of taxable value × rate (IGST against the full tax, Central and State/UT tax each against half; a row may mix supplies at 65 % of the rate in when the return has such a supply in its tab, and supplies without payment of tax at 0), or beyond Rs 10 by more than per-invoice rounding explains (Rs 0.50 × documents).',
  variants: [
    { head: 'iamt', expected: '1800.00', difference: '10.01', documents: 1, rounding: '0.50' },
    { head: 'total', expected: '1800.00', difference: '10.01' },
    { head: 'iamt', expected: '1170.00', expectedTo: '1800.00', difference: '10.01' },
    { head: 'iamt', expected: '1800.00', difference: '540.00', documents: 1, rounding: '0.50', unmarked65: 'b2b' },
    { head: 'iamt', expected: '1800.00', difference: '540.00', unmarked65: 'all' },
    { head: 'iamt', expected: '1800.00', difference: '10.01', base: 'advance' },
  ],
  check(ctx, report) {
    return hsnTaxPass(ctx, report, (difference, documents) => !roundingExplains(difference, documents));
  },
};
export default rule;
