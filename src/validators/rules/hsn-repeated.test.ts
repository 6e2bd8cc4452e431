import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './hsn-repeated.js';

const row = { uqc: 'NOS', qty: '1', txval: 100 };

describe('rule: RET191117', () => {
  it('flags a repeated HSN + UQC + rate in one table, not another rate or the other table', async () => {
    const f = await runRules(rule, [
      makeRow('hsnb2b', { ...row, hsn: '8471', rt: 18 }, 5),
      makeRow('hsnb2b', { ...row, hsn: '8471', rt: 12 }, 6),
      makeRow('hsnb2c', { ...row, hsn: '8471', rt: 18 }, 5),
      makeRow('hsnb2b', { ...row, hsn: '8471', rt: 18 }, 7),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      {
        code: 'RET191117', severity: 'error', row: 7, column: 'HSN',
        params: { hsn: '8471', uqc: 'NOS', rate: 18, firstSheet: 'hsn(b2b)', firstFile: 'gstr1.xlsx', firstRow: 5 },
      },
    ]);
  });

  it('compares across files', async () => {
    const f = await runRules(rule, [
      makeRow('hsnb2c', { ...row, hsn: '998314', uqc: 'NA', rt: 18 }, 5, 'a.xlsx'),
      makeRow('hsnb2c', { ...row, hsn: '998314', uqc: 'NA', rt: 18 }, 9, 'b.xlsx'),
    ]);
    expect(f.map((x) => [x.file, x.row])).toEqual([['b.xlsx', 9]]);
  });
});
