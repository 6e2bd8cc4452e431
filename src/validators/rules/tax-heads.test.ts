import { describe, expect, it } from 'vitest';
import { brief, IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './tax-heads.js';

const hsn = { hsn: '8471', uqc: 'NOS', qty: '1', rt: 18, txval: 1000000 };

describe('rule: RET191150', () => {
  it('flags unequal Central and State/UT tax on an HSN row, not equal halves', async () => {
    const f = await runRules(rule, [
      makeRow('hsnb2b', { ...hsn, camt: 90000, samt: 90000 }, 5),
      makeRow('hsnb2b', { ...hsn, hsn: '8472', camt: 90000, samt: 80000 }, 6),
      makeRow('eco', { ecoNature: 'paytx', etin: IDS.tcs, suppval: 100000, camt: 900 }, 7),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RET191150', severity: 'error', row: 6, column: 'State/UT Tax Amount', params: { reason: 'halves' } },
      { code: 'RET191150', severity: 'error', row: 7, column: 'State/UT tax', params: { reason: 'halves' } },
    ]);
  });

  it('flags Central/State tax for an SEZ supplier', async () => {
    const f = await runRules(
      rule,
      [makeRow('hsnb2c', { ...hsn, iamt: 180000 }, 5), makeRow('hsnb2c', { ...hsn, camt: 90000, samt: 90000 }, 6)],
      { sez: true },
    );
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RET191150', severity: 'error', row: 6, column: 'Central Tax Amount', params: { reason: 'sez' } },
    ]);
  });

  it('flags cess on SEZ supplies without payment', async () => {
    const f = await runRules(rule, [
      makeRow('b2b', { ctin: IDS.recipient, inum: 'S1', invTyp: 'SEWOP', rt: 18, txval: 100 }, 5),
      makeRow('b2b', { ctin: IDS.recipient, inum: 'S2', invTyp: 'SEWOP', rt: 18, txval: 100, csamt: 500 }, 6),
      makeRow('b2b', { ctin: IDS.recipient, inum: 'S3', invTyp: 'SEWP', rt: 18, txval: 100, csamt: 500 }, 7),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RET191150', severity: 'error', row: 6, column: 'Cess Amount', params: { reason: 'notax', type: 'SEWOP' } },
    ]);
  });

  it('flags any tax given on a supply without payment of tax, at its cell, whatever the rate', async () => {
    const sewop = { ctin: IDS.recipient, invTyp: 'SEWOP', pos: '29', rchrg: 'N', rt: 18, txval: 1000000 };
    const f = await runRules(rule, [
      makeRow('b2b', { ...sewop, inum: 'S1', iamt: 0 }, 5),
      makeRow('b2b', { ...sewop, inum: 'S2', iamt: 180000 }, 6),
      makeRow('b2ba', { ...sewop, oinum: 'S0', oidt: '2025-09-01', inum: 'S3', camt: 90000, samt: 90000 }, 7),
      makeRow('cdnr', { ...sewop, ntNum: 'N1', ntty: 'C', iamt: 18000 }, 8),
      makeRow('exp', { expTyp: 'WOPAY', inum: 'X1', rt: 18, txval: 500000, iamt: 90000 }, 9),
      makeRow('exp', { expTyp: 'WOPAY', inum: 'X2', rt: 18, txval: 500000, iamt: 0 }, 10),
      makeRow('cdnur', { urType: 'EXPWOP', ntNum: 'N2', ntty: 'C', rt: 18, txval: 100000, iamt: 18000 }, 11),
      makeRow('cdnura', { urType: 'EXPWOP', ontNum: 'N0', ontDt: '2025-09-01', ntNum: 'N3', ntty: 'C', rt: 1, txval: 100000, iamt: 1000 }, 12),
      // with payment: the tax is due, as the place of supply says
      makeRow('exp', { expTyp: 'WPAY', inum: 'X3', rt: 18, txval: 500000, iamt: 90000 }, 13),
      makeRow('b2b', { ...sewop, invTyp: 'SEWP', inum: 'S4', iamt: 180000 }, 14),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RET191150', severity: 'error', row: 6, column: 'Integrated Tax Amount', params: { reason: 'notax', type: 'SEWOP' } },
      { code: 'RET191150', severity: 'error', row: 7, column: 'Central Tax Amount', params: { reason: 'notax', type: 'SEWOP' } },
      { code: 'RET191150', severity: 'error', row: 7, column: 'State/UT Tax Amount', params: { reason: 'notax', type: 'SEWOP' } },
      { code: 'RET191150', severity: 'error', row: 8, column: 'Integrated Tax Amount', params: { reason: 'notax', type: 'SEWOP' } },
      { code: 'RET191150', severity: 'error', row: 9, column: 'Integrated Tax Amount', params: { reason: 'notax', type: 'WOPAY' } },
      { code: 'RET191150', severity: 'error', row: 11, column: 'Integrated Tax Amount', params: { reason: 'notax', type: 'EXPWOP' } },
      { code: 'RET191150', severity: 'error', row: 12, column: 'Integrated Tax Amount', params: { reason: 'notax', type: 'EXPWOP' } },
    ]);
  });

  it('flags cess on a Table 15 SEZ supply without payment (the JSON would drop it)', async () => {
    const doc = { stin: IDS.recipient, ctin: IDS.recipient, inum: 'E1', idt: '2025-09-05', val: 100000, pos: '29', rt: 18, txval: 100000 };
    const f = await runRules(rule, [
      makeRow('ecob2b', { ...doc, docTyp: 'SEWOP', csamt: 500 }, 5),
      makeRow('ecob2b', { ...doc, inum: 'E2', docTyp: 'SEWP', csamt: 500 }, 6),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RET191150', severity: 'error', row: 5, column: 'Cess Amount', params: { reason: 'notax', type: 'SEWOP' } },
    ]);
  });

  it('judges Table 15 heads by the supplier\'s State (the operator\'s for an unregistered supplier), naming both', async () => {
    // operator in Maharashtra (27), registered supplier in Karnataka (29)
    const f = await runRules(rule, [
      makeRow('ecob2c', { stin: IDS.recipient, pos: '29', rt: 5, txval: 100000, camt: 2500, samt: 2500 }, 5),
      makeRow('ecob2c', { stin: IDS.recipient, pos: '29', rt: 5, txval: 100000, iamt: 5000 }, 6),
      makeRow('ecourp2c', { pos: '29', rt: 18, txval: 10000, iamt: 1800 }, 7),
      makeRow('ecourp2c', { pos: '29', rt: 18, txval: 10000, camt: 900, samt: 900 }, 8),
      makeRow('ecoab2b', { stin: IDS.recipient, ctin: IDS.recipientSameState, oinum: 'R0', oidt: '2025-01-10', inum: 'R1', idt: '2025-03-05', val: 105000, pos: '29', docTyp: 'SEWP', rt: 5, txval: 100000, camt: 2500, samt: 2500 }, 9),
      makeRow('ecoaurp2c', { fy: 2024, omonth: 1, pos: '27', rt: 5, txval: 100000, camt: 2500, samt: 2400 }, 10),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RET191150', severity: 'error', row: 6, column: 'Integrated Tax Amount', params: { reason: 'intra', state: '29', whose: 'supplier', pos: '29' } },
      { code: 'RET191150', severity: 'error', row: 8, column: 'Central Tax Amount', params: { reason: 'inter', state: '27', whose: 'operator', pos: '29' } },
      { code: 'RET191150', severity: 'error', row: 9, column: 'Central Tax Amount', params: { reason: 'inter' } },
      { code: 'RET191150', severity: 'error', row: 10, column: 'State/UT Tax Amount', params: { reason: 'halves' } },
    ]);
  });
});
