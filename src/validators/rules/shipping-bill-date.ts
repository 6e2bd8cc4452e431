/**
 * RET191176: the shipping bill date may be after the return period but not before the invoice
 * date, and not after today.
 *   pass: invoice 05-03-2025, shipping bill 08-03-2025; fail: shipping bill 01-03-2025
 */
import type { RowRule } from '../types.js';
import { showDate } from '../shared.js';

const rule: RowRule = {
  kind: 'row',
  code: 'RET191176',
  severity: 'error',
  sections: ['exp', 'expa'],
  source: 'portal RET191176 (GSTN error-code list)',
  description: 'Shipping bill date: on or after the invoice date and not after today.',
  variants: [{ reason: 'before-invoice', limit: '05-03-2025' }, { reason: 'future', limit: '20-11-2025' }],
  check(row, ctx, report) {
    const { sbdt, idt } = row.values;
    if (!sbdt) return;
    if (idt && sbdt < idt) report(row, 'sbdt', { reason: 'before-invoice', limit: showDate(idt) });
    else if (sbdt > ctx.today) report(row, 'sbdt', { reason: 'future', limit: showDate(ctx.today) });
  },
};
export default rule;
