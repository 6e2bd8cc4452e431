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
      { code: 'RET191150', severity: 'error', row: 6, column: 'Cess Amount', params: { reason: 'sewop' } },
    ]);
  });
});
