/**
 * INVOICE_SIGN: invoices (b2b, b2cl, exp and their amendments) have no negative amounts;
 * reductions are reported as credit notes. Only b2cs, advances, HSN and Table 14 figures are net.
 *   pass: value 11800, taxable 10000; fail: taxable -500
 */
import type { Field } from '../../model/fields.js';
import type { RowRule } from '../types.js';
import { INVOICE_SHEETS, TABLE15_DOCUMENT_SHEETS } from '../shared.js';

const AMOUNTS: readonly Field[] = ['val', 'txval', 'csamt'];

const rule: RowRule = {
  kind: 'row',
  code: 'INVOICE_SIGN',
  severity: 'error',
  sections: [...INVOICE_SHEETS, ...TABLE15_DOCUMENT_SHEETS],
  source: 'Offline Tool 3.2.4 import (invoice amounts not negative)',
  description: 'Invoices: invoice value, taxable value and cess must not be negative (use a credit note).',
  check(row, _ctx, report) {
    for (const f of AMOUNTS) {
      const n = row.values[f] as number | undefined;
      if (n !== undefined && n < 0) report(row, f);
    }
  },
};
export default rule;
