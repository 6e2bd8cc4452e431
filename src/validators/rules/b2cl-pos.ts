/**
 * RET191160: B2CL invoices (Table 5) and B2CL notes are inter-State supplies, so the place of
 * supply cannot be the supplier's own state, unless the supplier is an SEZ unit/developer
 * (all its supplies are inter-State).
 *   pass: POS 29 for a 27… supplier; fail: POS 27 for a 27… supplier
 */
import type { RowRule } from '../types.js';

const rule: RowRule = {
  kind: 'row',
  code: 'RET191160',
  severity: 'error',
  sections: ['b2cl', 'b2cla', 'cdnur', 'cdnura'],
  source: 'Offline Tool 3.2.4 `isInterStateRow`; portal RET191160',
  description: 'B2CL invoices and B2CL notes: place of supply must differ from the supplier\'s state (except for an SEZ supplier).',
  check(row, ctx, report) {
    if (ctx.sez) return;
    const v = row.values;
    const sheet = row.ctx.spec.id;
    if ((sheet === 'cdnur' || sheet === 'cdnura') && v.urType !== 'B2CL') return;
    const field = sheet === 'b2cla' ? 'opos' : 'pos';
    if (v[field] && v[field] === ctx.supplierState) report(row, field, { state: ctx.supplierState });
  },
};
export default rule;
