/**
 * HSN_TAX_ROUNDING (warning): an HSN row's tax is more than Rs 10 from taxable value × rate, but
 * within what per-invoice rounding can explain: Rs 0.50 × the documents its tab summarises (the
 * document rows of b2b and cdnr for the B2B tab; b2cl, exp, cdnur for the B2C tab; Table 13's
 * count when larger; any amount when B2C (small) rows and no Table 13 leave the count open). No
 * GSTR-1 source gives the portal's tolerance for HSN rows, so a warning; beyond it, RET91708.
 *   pass: IGST Rs 10 off; warn: Rs 15 off with 40 invoices; (error: Rs 25 off with 40 invoices)
 */
import type { PassRule } from '../types.js';
import { HSN_TAX_SHEETS, hsnTaxPass, roundingExplains } from '../hsn-tax.js';

const rule: PassRule = {
  kind: 'pass',
  code: 'HSN_TAX_ROUNDING',
  severity: 'warning',
  sections: HSN_TAX_SHEETS,
  source: 'per-invoice rounding (Rs 0.50 a document); RET91708 has no GSTR-1 source for its Rs 10 tolerance',
  confidence: 'the portal\'s verdict on such a row is unknown: a warning',
  description: 'HSN tax amounts more than Rs 10 off taxable value × rate, within what per-invoice rounding can explain (Rs 0.50 × documents summarised).',
  variants: [
    { head: 'iamt', expected: '1800.00', difference: '15.00', documents: 40, rounding: '20.00' },
    { head: 'iamt', expected: '1800.00', difference: '15.00' },
  ],
  check(ctx, report) {
    return hsnTaxPass(ctx, report, roundingExplains);
  },
};
export default rule;
