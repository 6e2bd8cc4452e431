/**
 * EXP_SHIPPING_BILL: export shipping-bill details as the offline tool accepts them: port code
 * of 1-6 letters/digits; shipping bill number of 3-7 digits, not zero; number and date given
 * together or not at all.
 *   pass: INNSA1 / 1234567 / 08-03-2025; fail: port INNSA12, number 12A, number without a date
 */
import type { RowRule } from '../types.js';

const rule: RowRule = {
  kind: 'row',
  code: 'EXP_SHIPPING_BILL',
  severity: 'error',
  sections: ['exp', 'expa'],
  source: 'Offline Tool 3.2.4 exp import (`ERR_INVALID_SHIP`)',
  description:
    'Export shipping bill: port code 1-6 letters/digits; bill number 3-7 digits, not zero; number and date both given or both blank.',
  variants: [{ reason: 'port' }, { reason: 'number' }, { reason: 'date-missing' }, { reason: 'number-missing' }],
  check(row, _ctx, report) {
    const { sbpcode, sbnum, sbdt } = row.values;
    if (sbpcode && !/^[A-Za-z0-9]{1,6}$/.test(sbpcode)) report(row, 'sbpcode', { reason: 'port' });
    if (sbnum && (!/^[0-9]{3,7}$/.test(sbnum) || /^0+$/.test(sbnum))) report(row, 'sbnum', { reason: 'number' });
    if (sbnum && !sbdt) report(row, 'sbdt', { reason: 'date-missing' });
    else if (sbdt && !sbnum) report(row, 'sbnum', { reason: 'number-missing' });
  },
};
export default rule;
