/**
 * ECOM_PERIOD: Tables 14 (eco) and 15 (ecob2b, ecourp2b, ecob2c, ecourp2c) exist from the January
 * 2024 period, their amendments 14A (ecoa) and 15A (the ecoa… sheets) from February 2024
 * (dated-rules.ts TABLE15, TABLE15A: the tables came together); an earlier return has no place for
 * them. Reported once per sheet, on its first row (a sales register's rows: once per part they went to).
 *   pass: ecob2b or eco in the 012024 return; fail: ecob2b or eco in 122023, ecoab2b or ecoa in 012024
 */
import { table15 } from '../../model/dated-rules.js';
import { periodParams, TABLE15_SHEETS } from '../shared.js';
import type { SectionKey } from '../../model/sheets.js';
import type { PassRule } from '../types.js';

const TABLE_OF: Partial<Record<SectionKey, string>> = { ecom: '15', ecoma: '15A', supeco: '14', supecoa: '14A' };

const rule: PassRule = {
  kind: 'pass',
  code: 'ECOM_PERIOD',
  severity: 'error',
  sections: [...TABLE15_SHEETS, 'eco', 'ecoa'],
  source: 'Offline Tool 3.2.4 `R1_NEW_ECO_STRT_PRD = "012024"`, `R1_NEW_ECOA_STRT_PRD = "022024"`',
  description: 'Tables 14 and 15 only from the January 2024 period, Tables 14A and 15A only from February 2024.',
  variants: [
    { table: '15', from: '012024', period: '122023' },
    { table: '15A', from: '022024', period: '012024' },
    { table: '14', from: '012024', period: '122023' },
    { table: '14A', from: '022024', period: '012024' },
  ],
  check(ctx, report) {
    const has15 = table15(ctx.period, false);
    const has15A = table15(ctx.period, true);
    const seen = new Set<string>();
    return {
      row(row) {
        const table = TABLE_OF[row.ctx.spec.section]!;
        const amended = table.endsWith('A');
        if (amended ? has15A : has15) return;
        const key = `${row.ctx.file}\u0000${row.ctx.sheet}\u0000${row.ctx.spec.id}`;
        if (seen.has(key)) return;
        seen.add(key);
        report(row, undefined, { table, from: amended ? '022024' : '012024', ...periodParams(ctx) });
      },
    };
  },
};
export default rule;
