/**
 * RET191355: HSN quantity is a number with at most 13 digits before and 2 after the decimal
 * point (it may be negative, net of returns); from the May 2025 period services (SAC 99…)
 * report quantity 0.
 *   pass: 12.5, 0 for 998314; fail: 1.125, 3 for 998314
 */
import { hsnMasterRequired } from '../../model/dated-rules.js';
import type { RowRule } from '../types.js';
import { HSN_SHEETS, isService } from '../shared.js';

const QTY = /^-?\d{1,13}(\.\d{0,2})?$/;

const rule: RowRule = {
  kind: 'row',
  code: 'RET191355',
  severity: 'error',
  sections: HSN_SHEETS,
  source: 'Offline Tool 3.2.4 quantity pattern; GSTN advisory on Table 12 (Phase III, May 2025 period); portal RET191355',
  description: 'Quantity: at most 13 digits and 2 decimals; 0 for services (HSN 99…, from the May 2025 period).',
  variants: [{ reason: 'format' }, { reason: 'service' }],
  check(row, ctx, report) {
    const { qty, hsn } = row.values;
    if (qty === undefined || qty === '') return;
    if (!QTY.test(qty)) {
      report(row, 'qty', { reason: 'format' });
      return;
    }
    if (hsn && isService(hsn) && hsnMasterRequired(ctx.period) && !/^-?0*(\.0*)?$/.test(qty)) {
      report(row, 'qty', { reason: 'service' });
    }
  },
};
export default rule;
