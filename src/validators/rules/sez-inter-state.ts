/**
 * RET191189: every supply of an SEZ unit/developer is inter-State, so its Table 8 (exemp) rows
 * for intra-State supplies must be zero.
 *   pass: SEZ supplier, "Inter-State supplies to registered persons" 5000; fail: "Intra-State …" 5000
 */
import type { Field } from '../../model/fields.js';
import type { RowRule } from '../types.js';

const AMOUNTS: readonly Field[] = ['nilAmt', 'exptAmt', 'ngsupAmt'];

const rule: RowRule = {
  kind: 'row',
  code: 'RET191189',
  severity: 'error',
  sections: ['exemp'],
  source: 'Offline Tool 3.2.4 `isInterStateRow` (nil branch); portal RET191189',
  description: 'SEZ supplier: nil-rated, exempt and non-GST supplies are all inter-State; intra-State rows must be zero.',
  check(row, ctx, report) {
    if (!ctx.sez) return;
    const v = row.values;
    if (v.nilDesc !== 'INTRAB2B' && v.nilDesc !== 'INTRAB2C') return;
    const field = AMOUNTS.find((f) => (v[f] as number | undefined) ?? 0);
    if (field) report(row, field);
  },
};
export default rule;
