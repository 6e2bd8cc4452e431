/**
 * RET191180: Table 5 (B2CL) takes inter-State invoices to unregistered persons whose value is
 * strictly above the limit for the return period (Rs 2,50,000 up to July 2024, Rs 1,00,000
 * from the August 2024 period); smaller ones belong in b2cs.
 *   pass: 100000.01 in the 082024 return; fail: 100000.00
 */
import { b2clLimitPaise } from '../../model/dated-rules.js';
import { formatPaise } from '../../model/money.js';
import type { RowRule } from '../types.js';

const rule: RowRule = {
  kind: 'row',
  code: 'RET191180',
  severity: 'error',
  sections: ['b2cl', 'b2cla'],
  source: 'CGST Rule 59(4); Notification 12/2024-CT; Offline Tool 3.2.4 `B2CL_MIN_VAL`, `B2CL_MIN_VAL_STR_PRD`; portal RET191180',
  description: 'B2CL invoice value must be more than the B2CL limit of the period (Rs 2.5 lakh; Rs 1 lakh from August 2024).',
  variants: [{ limit: '100000.00' }],
  check(row, ctx, report) {
    const val = row.values.val;
    const limit = b2clLimitPaise(ctx.period);
    if (val !== undefined && val <= limit) report(row, 'val', { limit: formatPaise(limit) });
  },
};
export default rule;
