import { describe, expect, it } from 'vitest';
import type { ReturnContext } from '../model/return.js';
import type { SheetStats } from '../parsers/rows.js';
import type { Decision, TargetSheet } from './classify.js';
import { RowSources } from './derive.js';
import type { RegisterLine } from './line.js';
import { ContextCache, derivedSheetName, templateColumns, templateValues } from './rows.js';

const ctx: ReturnContext = { gstin: '27AAACR5055K1Z7', supplierState: '27', period: { month: 9, year: 2025 }, sez: false } as ReturnContext;
const line: RegisterLine = {
  row: 3, kind: 'INV', docNum: 'PR/2', docDate: '2026-10-05', pos: '27', rchrg: 'N', rate: 18, diffPercent: 100, txval: 500_000,
  category: 'taxable', cancelled: false,
};
const decide = (target: TargetSheet, more: Partial<Decision> = {}) =>
  ({ target, reason: 'b2cs-intra', params: {}, registered: false, inter: false, noTax: false, sign: 1, ...more }) as Decision & { target: TargetSheet };
const register = { docNum: { header: 'Invoice Number', col: 1 }, docDate: { header: 'Invoice Date', col: 2 }, txval: { header: 'Taxable Value', col: 6 } };

describe('register rows as template rows', () => {
  it('b2cs, advances, Table 15 B2C and Table 8 (nil-rated, exempt, non-GST) rows keep the register\'s date, at its date column', () => {
    for (const target of ['b2cs', 'at', 'atadj', 'ecob2c', 'ecourp2c', 'exemp'] as const) {
      const d = target === 'exemp' ? decide(target, { nilType: 'INTRAB2C' }) : decide(target);
      expect(templateValues(target === 'exemp' ? { ...line, category: 'nil', rate: 0 } : line, d, undefined, ctx).idt, target).toBe('2026-10-05');
      expect(templateColumns(target, register).idt, target).toEqual({ header: 'Invoice Date', col: 2 });
    }
    // their amendments name the original month instead
    const amended = templateValues(line, decide('b2csa', { original: { month: { fy: 2024, month: 1 } } }), undefined, ctx);
    expect(amended.idt).toBeUndefined();
    expect(templateColumns('b2csa', register).idt).toBeUndefined();
  });

  it('a derived row is named after the register rows it comes from, and located at the first', () => {
    const from = new RowSources();
    for (const row of [5, 9]) from.add({ file: '/in/sales.xlsx', sheet: 'Sales', row });
    expect(derivedSheetName('hsnb2b', from, '/in/sales.xlsx')).toBe('hsn(b2b) of Sales rows 5, 9 (derived)');
    from.add({ file: '/in/more.xlsx', sheet: 'Sales', row: 2 });
    for (const row of [3, 4, 6]) from.add({ file: '/in/more.xlsx', sheet: 'Sales', row });
    expect(derivedSheetName('hsnb2b', from, '/in/sales.xlsx')).toBe('hsn(b2b) of Sales rows 5, 9; more.xlsx Sales rows 2, 3, 4 and 1 more (derived)');
    expect(derivedSheetName('docs')).toBe('docs (derived)');

    const stats: SheetStats[] = [];
    const cache = new ContextCache(stats);
    const one = new RowSources();
    one.add({ file: '/in/sales.xlsx', sheet: 'Sales', row: 5 });
    const r = cache.derivedRow('/in/sales.xlsx', 'xlsx', 'hsnb2b', { hsn: '8471' }, one);
    expect([r.ctx.sheet, r.row, r.ctx.spec.id]).toEqual(['hsn(b2b) of Sales row 5 (derived)', 5, 'hsnb2b']);
    cache.derivedRow('/in/sales.xlsx', 'xlsx', 'hsnb2b', { hsn: '8472' }, from);
    // the table's counts are one line per derived row, under the table's own name
    expect(stats.map((s) => [s.sheet, s.read])).toEqual([['hsn(b2b) (derived)', 2]]);
  });
});
