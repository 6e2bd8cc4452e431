import { describe, expect, it } from 'vitest';
import { IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './hsn-totals.js';

const b2b = (inum: string, txval: number, row: number) => makeRow('b2b', { ctin: IDS.recipient, inum, rt: 18, txval }, row);
const hsn = (sheet: 'hsnb2b' | 'hsnb2c' | 'hsn', txval: number, row: number) => makeRow(sheet, { hsn: '8471', uqc: 'NOS', rt: 18, txval }, row);

describe('rule: HSN_TOTALS', () => {
  it('passes when the B2B tab adds up to b2b less credit notes plus Table 8 (nil, exempt and non-GST) to registered persons', async () => {
    const rows = (hsnTotal: number) => [
      b2b('A', 1000000, 5),
      b2b('B', 500000, 6),
      makeRow('cdnr', { ctin: IDS.recipient, ntNum: 'C', ntty: 'C', rt: 18, txval: 100000 }, 5),
      makeRow('exemp', { nilDesc: 'INTRAB2B', nilAmt: 20000, exptAmt: 5000, ngsupAmt: 30000 }, 5),
      hsn('hsnb2b', hsnTotal, 5),
    ];
    // issue 11 item 8: non-GST supplies are in Table 12 (GSTN's Phase-III advisory checks it against all of Table 8)
    expect(await runRules(rule, rows(1455000), { period: '052025' })).toEqual([]);
    const without = await runRules(rule, rows(1425000), { period: '052025' });
    expect(without.map((x) => x.params?.docTotal)).toEqual(['14550.00']);
  });

  it('warns beyond Rs 1 per HSN row, on the HSN sheet', async () => {
    const rows = [b2b('A', 1000000, 5), hsn('hsnb2b', 1000101, 5)];
    const f = await runRules(rule, rows, { period: '052025' });
    expect(f.map((x) => ({ code: x.code, severity: x.severity, sheet: x.sheet, row: x.row, params: x.params }))).toEqual([
      {
        code: 'HSN_TOTALS', severity: 'warning', sheet: 'hsn(b2b)', row: undefined,
        params: { reason: 'mismatch', tab: 'B2B', hsnTotal: '10001.01', docTotal: '10000.00', difference: '1.01', tolerance: '1.00' },
      },
    ]);
    expect(await runRules(rule, [b2b('A', 1000000, 5), hsn('hsnb2b', 1000100, 5)], { period: '052025' })).toEqual([]);
  });

  it('compares the B2C tab with b2cl, b2cs, exp and cdnur; an empty tab counts as 0', async () => {
    const rows = [
      makeRow('b2cs', { typ: 'OE', pos: '27', rt: 18, txval: 300000 }, 5),
      makeRow('exp', { expTyp: 'WPAY', inum: 'E', rt: 18, txval: 200000 }, 5),
      makeRow('cdnur', { urType: 'B2CL', ntNum: 'N', ntty: 'D', rt: 18, txval: 10000 }, 5),
      b2b('A', 1000000, 5),
    ];
    const hsnb2c = makeRow('hsnb2c', { hsn: '8471', uqc: 'NOS', rt: 18, txval: 1 }, 5).ctx.stats;
    const f = await runRules(rule, rows, { period: '052025', stats: [...new Set(rows.map((r) => r.ctx.stats)), hsnb2c] });
    expect(f.map((x) => [x.sheet, x.params?.reason, x.params?.tab, x.params?.docTotal])).toEqual([['hsn(b2c)', 'missing', 'B2C', '5100.00']]);
  });

  it('skips a tab whose HSN sheet is not in the input, and uses the single hsn sheet before May 2025', async () => {
    expect(await runRules(rule, [b2b('A', 1000000, 5)], { period: '052025' })).toEqual([]);
    const f = await runRules(rule, [b2b('A', 1000000, 5), makeRow('b2cs', { typ: 'OE', txval: 500000 }, 5), hsn('hsn', 1000000, 5)], {
      period: '042025',
    });
    expect(f.map((x) => [x.sheet, x.params?.tab, x.params?.difference])).toEqual([['hsn', 'all', '5000.00']]);
  });

  it('issue 16: leaves an empty B2B tab from May 2025 to HSN_B2B_EMPTY (an error), still warns on an empty B2C tab', async () => {
    const rows = [b2b('A', 1000000, 5), makeRow('b2cs', { typ: 'OE', pos: '27', rt: 18, txval: 300000 }, 5)];
    const tabs = ['hsnb2b', 'hsnb2c'].map((s) => makeRow(s as 'hsnb2b', { hsn: '8471', uqc: 'NOS', rt: 18, txval: 1 }, 5).ctx.stats);
    const f = await runRules(rule, rows, { period: '052025', stats: [...new Set(rows.map((r) => r.ctx.stats)), ...tabs] });
    expect(f.map((x) => [x.sheet, x.params?.reason, x.params?.tab])).toEqual([['hsn(b2c)', 'missing', 'B2C']]);
  });

  it('issue 13: counts Table 15 as the advisory lists it — b2b and urp2b in the B2B tab, b2c and urp2c in the B2C tab; 15A not', async () => {
    const rows = (b2bTab: number, b2cTab: number) => [
      makeRow('ecob2b', { stin: IDS.recipient, ctin: IDS.recipient, inum: 'K/1', rt: 5, txval: 400000 }, 5),
      makeRow('ecourp2b', { ctin: IDS.recipient, inum: 'H/1', rt: 5, txval: 150000 }, 5),
      makeRow('ecob2c', { stin: IDS.recipient, pos: '27', rt: 5, txval: 3000000 }, 5),
      makeRow('ecourp2c', { pos: '29', rt: 5, txval: 1200000 }, 5),
      // an amendment's revised value is not this period's supply
      makeRow('ecoab2b', { stin: IDS.recipient, ctin: IDS.recipient, oinum: 'K/0', inum: 'K/0', rt: 5, txval: 999900 }, 5),
      hsn('hsnb2b', b2bTab, 5),
      hsn('hsnb2c', b2cTab, 6),
    ];
    expect(await runRules(rule, rows(550000, 4200000), { period: '052025' })).toEqual([]);
    const f = await runRules(rule, rows(400000, 3000000), { period: '052025' });
    expect(f.map((x) => [x.params?.tab, x.params?.docTotal, x.params?.hsnTotal])).toEqual([['B2B', '5500.00', '4000.00'], ['B2C', '42000.00', '30000.00']]);
  });
});
