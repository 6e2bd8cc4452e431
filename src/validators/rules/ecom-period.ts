/**
 * ECOM_PERIOD: Table 15 (ecob2b, ecourp2b, ecob2c, ecourp2c) exists from the January 2024
 * period and Table 15A (the ecoa… sheets) from February 2024 (dated-rules.ts TABLE15, TABLE15A);
 * an earlier return has no place for them. Reported once per sheet, on its first row (a sales
 * register's rows: once per Table 15 part they went to).
 *   pass: ecob2b in the 012024 return; fail: ecob2b in 122023, ecoab2b in 012024
 */
import { table15 } from '../../model/dated-rules.js';
import { periodParams, TABLE15_SHEETS } from '../shared.js';
import type { PassRule } from '../types.js';

const rule: PassRule = {
  kind: 'pass',
  code: 'ECOM_PERIOD',
  severity: 'error',
  sections: TABLE15_SHEETS,
  source: 'Offline Tool 3.2.4 `R1_NEW_ECO_STRT_PRD = "012024"`, `R1_NEW_ECOA_STRT_PRD = "022024"`',
  description: 'Table 15 only from the January 2024 period, Table 15A only from February 2024.',
  variants: [{ table: '15', from: '012024', period: '122023' }, { table: '15A', from: '022024', period: '012024' }],
  check(ctx, report) {
    const has15 = table15(ctx.period, false);
    const has15A = table15(ctx.period, true);
    const seen = new Set<string>();
    return {
      row(row) {
        const amended = row.ctx.spec.section === 'ecoma';
        if (amended ? has15A : has15) return;
        const key = `${row.ctx.file}\u0000${row.ctx.sheet}\u0000${row.ctx.spec.id}`;
        if (seen.has(key)) return;
        seen.add(key);
        report(row, undefined, { table: amended ? '15A' : '15', from: amended ? '022024' : '012024', ...periodParams(ctx) });
      },
    };
  },
};
export default rule;
