import { describe, expect, it } from 'vitest';
import { hintOf, messageOf } from '../../report/messages/index.js';
import { brief, IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './tax-tolerance.js';

const hsn = { hsn: '8471', uqc: 'NOS', qty: '1', rt: 18, txval: 1000000 };

describe('rule: RET91708', () => {
  it('passes IGST exactly Rs 10 off and flags Rs 10.01 off', async () => {
    const f = await runRules(rule, [
      makeRow('hsnb2b', { ...hsn, iamt: 181000 }, 5),
      makeRow('hsnb2b', { ...hsn, iamt: 179000 }, 6),
      makeRow('hsnb2b', { ...hsn, iamt: 181001 }, 7),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RET91708', severity: 'error', row: 7, column: 'Integrated Tax Amount', params: { head: 'iamt', expected: '1170.00', expectedTo: '1800.00', difference: '10.01' } },
    ]);
  });

  it('checks Central and State/UT tax each against half the tax', async () => {
    const f = await runRules(rule, [
      makeRow('hsnb2c', { ...hsn, camt: 91000, samt: 89000 }, 5),
      makeRow('hsnb2c', { ...hsn, camt: 90000, samt: 50000 }, 6),
    ]);
    // an HSN row may hold 65 % supplies: half the tax may lie between 585 and 900
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RET91708', severity: 'error', row: 6, column: 'State/UT Tax Amount', params: { head: 'samt', expected: '585.00', expectedTo: '900.00', difference: '85.00' } },
    ]);
  });

  it('checks a row with both IGST and Central/State tax on its total, and zero tax at a positive rate', async () => {
    const f = await runRules(rule, [
      makeRow('hsn', { ...hsn, iamt: 90000, camt: 45000, samt: 45000 }, 5),
      makeRow('hsn', { ...hsn, iamt: 90000, camt: 10000, samt: 10000 }, 6),
      makeRow('hsn', { ...hsn, iamt: 0 }, 7),
      makeRow('hsn', { ...hsn, rt: 0, iamt: 0 }, 8),
      makeRow('hsn', { ...hsn }, 9),
    ]);
    expect(f.map((x) => [x.row, x.column, x.params?.head, x.params?.difference])).toEqual([
      [6, 'Integrated Tax Amount', 'total', '70.00'],
      [7, 'Integrated Tax Amount', 'iamt', '1170.00'],
    ]);
  });

  it('accepts an HSN row that mixes supplies at 65 % of the rate, down to the 65 % tax', async () => {
    const f = await runRules(rule, [
      makeRow('hsnb2b', { ...hsn, iamt: 150000 }, 5), // part at 65 %
      makeRow('hsnb2b', { ...hsn, iamt: 116000 }, 6), // 65 % tax (1170) less Rs 10: passes
      makeRow('hsnb2b', { ...hsn, iamt: 115999 }, 7),
    ]);
    expect(f.map((x) => [x.row, x.params?.expected, x.params?.difference])).toEqual([[7, '1170.00', '10.01']]);
  });

  it('accepts the 65 % band only when a document of the row\'s tab is at 65 % of the rate (or the tab has none in the input)', async () => {
    const seventy = makeRow('hsnb2b', { ...hsn, iamt: 126000 }, 5); // 70 % of Rs 1,800
    const invoice = (diffPercent?: number, sheet: 'b2b' | 'b2ba' = 'b2b') =>
      makeRow(sheet, { ctin: IDS.recipient, inum: 'I1', ...(sheet === 'b2ba' ? { oinum: 'I0', oidt: '2025-04-02' } : {}), rt: 18, txval: 1000000, diffPercent }, 5);
    const found = async (rows: Parameters<typeof runRules>[1], period = '052025') =>
      (await runRules(rule, rows, { period })).map((x) => [x.sheet, x.params?.expected, x.params?.expectedTo, x.params?.difference]);
    // no 65 % invoice: the full tax, Rs 540 short
    expect(await found([invoice(100), seventy])).toEqual([['hsn(b2b)', '1800.00', undefined, '540.00']]);
    expect(await found([invoice(undefined), seventy])).toEqual([['hsn(b2b)', '1800.00', undefined, '540.00']]);
    // a 65 % invoice, or a 65 % amendment (its difference goes into this period's Table 12), in the tab: the band
    expect(await found([invoice(100), invoice(65), seventy])).toEqual([]);
    expect(await found([invoice(100), invoice(65, 'b2ba'), seventy])).toEqual([]);
    // a 65 % B2C supply does not open the B2B tab's band (from May 2025), but does the one table's before
    const b2cs65 = makeRow('b2cs', { typ: 'OE', pos: '27', rt: 18, txval: 1000000, diffPercent: 65 }, 5);
    expect(await found([invoice(100), b2cs65, seventy])).toEqual([['hsn(b2b)', '1800.00', undefined, '540.00']]);
    const oneTable = makeRow('hsn', { ...hsn, iamt: 126000 }, 5);
    expect(await found([invoice(100), b2cs65, oneTable], '032025')).toEqual([]);
    expect(await found([invoice(100), oneTable], '032025')).toEqual([['hsn', '1800.00', undefined, '540.00']]);
    // the hint says where 65 % is marked, only where a 65 % supply could explain the row
    const [short] = await runRules(rule, [invoice(100), seventy], { period: '052025' });
    expect(short!.params).toMatchObject({ unmarked65: 'b2b', documents: 1 });
    expect(hintOf(short!)).toBe(
      'Check the taxable value, the rate and the tax amounts of this row; Central and State/UT tax are each half the tax. ' +
        'No B2B invoice or note in this return has Applicable % of Tax Rate 65, so the full tax is expected; ' +
        'if some supplies in this row are taxed at 65 % of the rate, put 65 in that column on their invoices.',
    );
    const [over] = await runRules(rule, [invoice(100), makeRow('hsn', { ...hsn, iamt: 190000 }, 5)]);
    expect(over!.params).not.toHaveProperty('unmarked65');
    expect(hintOf(over!)).not.toMatch(/65/);
    // no document of the tab in the input (they may be in another file): the band, as before
    expect(await found([seventy])).toEqual([]);
    expect(await found([makeRow('hsnb2b', { ...hsn, iamt: 115999 }, 5)])).toEqual([['hsn(b2b)', '1170.00', '1800.00', '10.01']]);
  });

  it('judges a document row\'s given tax without an Applicable % column (an export) against the full tax', async () => {
    const f = await runRules(rule, [makeRow('exp', { expTyp: 'WPAY', inum: 'X1', rt: 18, txval: 1000000, iamt: 126000 }, 5)]);
    expect(f.map((x) => [x.sheet, x.params])).toEqual([['exp', { head: 'iamt', expected: '1800.00', difference: '540.00' }]]);
  });

  it('words the band of the tax expected in the catalogue, from its two amounts', async () => {
    const [band] = await runRules(rule, [makeRow('hsnb2b', { ...hsn, iamt: 115999 }, 7)]);
    expect(messageOf(band!)).toBe(
      'Integrated Tax Amount is Rs 10.01 away from the tax the taxable value and rate give (Rs 1,170.00 to Rs 1,800.00); at most Rs 10 is allowed',
    );
    // a row with Applicable % given has one amount, not a band
    const [one] = await runRules(rule, [makeRow('b2b', { ctin: IDS.recipient, inum: 'I1', rt: 18, txval: 1000000, diffPercent: 100, iamt: 181001 }, 5)]);
    expect(one!.params).toEqual({ head: 'iamt', expected: '1800.00', difference: '10.01' });
    expect(messageOf(one!)).toMatch(/rate give \(Rs 1,800.00\); /);
  });

  it('issue 16: beyond Rs 10, an error only past Rs 0.50 per document the tab summarises (40 invoices: Rs 20)', async () => {
    const invoices = Array.from({ length: 40 }, (_, i) => makeRow('b2b', { ctin: IDS.recipient, inum: `I${i}`, rt: 18, txval: 25000 }, 5 + i));
    const f = await runRules(rule, [
      ...invoices,
      makeRow('hsnb2b', { ...hsn, iamt: 182000 }, 5), // Rs 20 off: rounding can explain it
      makeRow('hsnb2b', { ...hsn, iamt: 182001 }, 6), // Rs 20.01 off
    ], { period: '052025' });
    expect(f.map((x) => brief(x, true))).toEqual([
      {
        code: 'RET91708', severity: 'error', row: 6, column: 'Integrated Tax Amount',
        params: { head: 'iamt', expected: '1800.00', difference: '20.01', documents: 40, rounding: '20.00' },
      },
    ]);
  });

  it('issue 16: Table 13 counts the documents when larger; B2C (small) rows without it leave the B2C tab unbounded', async () => {
    const docs = makeRow('docs', { docNature: 'Invoices for outward supply', docFrom: '1', docTo: '100', totnum: 100, cancel: 0 }, 5);
    const off30 = makeRow('hsnb2c', { ...hsn, iamt: 183000 }, 5);
    const b2cs = makeRow('b2cs', { typ: 'OE', pos: '27', rt: 18, txval: 1000000 }, 5);
    expect(await runRules(rule, [docs, off30], { period: '052025' })).toEqual([]);
    expect(await runRules(rule, [b2cs, off30], { period: '052025' })).toEqual([]);
    expect((await runRules(rule, [off30], { period: '052025' })).map((x) => x.params?.difference)).toEqual(['30.00']);
  });

  it('checks an advance row\'s given tax on its gross advance (Table 11A/11B), one document: Rs 10 at most', async () => {
    const f = await runRules(rule, [
      makeRow('at', { pos: '29', diffPercent: 100, rt: 18, adAmt: 1000000, iamt: 180000 }, 5),
      makeRow('at', { pos: '29', diffPercent: 100, rt: 18, adAmt: 1000000, iamt: 181001 }, 6),
      // advances received may be negative (net of refunds): the tax goes the same way
      makeRow('at', { pos: '29', diffPercent: 100, rt: 18, adAmt: -1000000, iamt: -180000 }, 7),
      makeRow('atadj', { pos: '27', diffPercent: 100, rt: 18, adAmt: 1000000, camt: 90000, samt: 80000 }, 5),
      makeRow('ata', { fy: 2024, omonth: 4, pos: '29', diffPercent: 100, rt: 18, adAmt: 500000, iamt: 90000 }, 5),
    ], { period: '102025' });
    expect(f.map((x) => [x.sheet, x.row, x.column, x.params])).toEqual([
      ['at', 6, 'Integrated Tax Amount', { head: 'iamt', expected: '1800.00', difference: '10.01', base: 'advance' }],
      ['atadj', 5, 'State/UT Tax Amount', { head: 'samt', expected: '900.00', difference: '100.00', base: 'advance' }],
    ]);
    expect(messageOf(f[0]!)).toBe(
      'Integrated Tax Amount is Rs 10.01 away from the tax the gross advance and rate give (Rs 1,800.00); at most Rs 10 is allowed',
    );
    // an advance row without tax amounts (the template's) has its tax computed: nothing to check
    expect(await runRules(rule, [makeRow('at', { pos: '29', rt: 18, adAmt: 1000000 }, 5)])).toEqual([]);
  });

  it('leaves the tax given on a supply without payment of tax to RET191150: it owes 0, not value × rate', async () => {
    const sewop = { ctin: IDS.recipient, invTyp: 'SEWOP', pos: '29', rchrg: 'N', diffPercent: 100, txval: 1000000 };
    const f = await runRules(rule, [
      makeRow('b2b', { ...sewop, inum: 'S1', rt: 18, iamt: 0 }, 5),
      makeRow('b2b', { ...sewop, inum: 'S2', rt: 0.1, iamt: 0 }, 6),
      makeRow('cdnr', { ...sewop, ntNum: 'N1', ntty: 'C', rt: 18, iamt: 0 }, 7),
      makeRow('exp', { expTyp: 'WOPAY', inum: 'X1', rt: 18, txval: 500000, iamt: 0 }, 8),
      makeRow('cdnur', { urType: 'EXPWOP', ntNum: 'N2', ntty: 'C', rt: 18, txval: 100000, iamt: 0 }, 9),
      // with payment the tax is value × rate: IGST 0 is Rs 1,800 off
      makeRow('b2b', { ...sewop, invTyp: 'SEWP', inum: 'S3', rt: 18, iamt: 0 }, 10),
    ]);
    expect(f.map((x) => [x.sheet, x.row, x.column, x.params?.difference])).toEqual([['b2b,sez,de', 10, 'Integrated Tax Amount', '1800.00']]);
  });

  it('lets an HSN row fall short of value × rate by the tax of its tab\'s supplies without payment at that rate', async () => {
    const sewop = { ctin: IDS.recipient, invTyp: 'SEWOP', pos: '29', rchrg: 'N', rt: 18, txval: 1000000 };
    const b2b = makeRow('b2b', { ...sewop, inum: 'S1' }, 5);
    const taxed = makeRow('b2b', { ...sewop, invTyp: 'R', inum: 'R1' }, 6);
    const exp = makeRow('exp', { expTyp: 'WOPAY', inum: 'X1', rt: 18, txval: 500000 }, 5);
    const row = (sheet: 'hsnb2b' | 'hsnb2c', txval: number, iamt: number) => makeRow(sheet, { ...hsn, txval, iamt }, 5);
    const findings = async (rows: Parameters<typeof runRules>[1]) =>
      (await runRules(rule, rows, { period: '102025' })).map((x) => [x.sheet, x.params?.difference]);
    // Rs 10,000 SEZ without payment and Rs 10,000 taxed at 18 %: IGST Rs 1,800 on Rs 20,000
    expect(await findings([b2b, taxed, row('hsnb2b', 2000000, 180000), exp, row('hsnb2c', 500000, 0)])).toEqual([]);
    // without payment explains Rs 1,800 of the Rs 3,600 missing, not the rest
    expect(await findings([b2b, taxed, row('hsnb2b', 2000000, 0)])).toEqual([['hsn(b2b)', '3600.00']]);
    // a supply without payment explains nothing in the other tab, or more tax than value × rate
    expect(await findings([b2b, taxed, row('hsnb2c', 1000000, 0), row('hsnb2b', 1000000, 360000)])).toEqual([
      ['hsn(b2c)', '1170.00'],
      ['hsn(b2b)', '1800.00'],
    ]);
  });
});
