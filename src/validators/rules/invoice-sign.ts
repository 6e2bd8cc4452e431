/**
 * INVOICE_SIGN: invoices (b2b, b2cl, exp and their amendments) have no negative amounts;
 * reductions are reported as credit notes. Only b2cs, advances, HSN and Table 14 figures are net.
 *   pass: value 11800, taxable 10000; fail: taxable -500
 */
import type { RowRule } from '../types.js';
import { INVOICE_SHEETS, TABLE15_DOCUMENT_SHEETS } from '../shared.js';

const rule: RowRule = {
  kind: 'row',
  code: 'INVOICE_SIGN',
  severity: 'error',
  sections: [...INVOICE_SHEETS, ...TABLE15_DOCUMENT_SHEETS],
  source: 'Offline Tool 3.2.4 import (invoice amounts not negative)',
  description: 'Invoices: invoice value, taxable value and cess must not be negative (use a credit note).',
  check(row, _ctx, report) {
    // each amount read by its name: read by a name in a variable, a fractional amount is boxed (a new object per row)
    const v = row.values;
    if (v.val !== undefined && v.val < 0) report(row, 'val');
    if (v.txval !== undefined && v.txval < 0) report(row, 'txval');
    if (v.csamt !== undefined && v.csamt < 0) report(row, 'csamt');
  },
};
export default rule;
