import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './hsn-length.js';

describe('rule: RET191350', () => {
  it('needs 4 to 8 digits up to Rs 5 crore turnover (and when turnover is not given)', async () => {
    const f = await runRules(rule, [
      makeRow('hsnb2b', { hsn: '8471' }, 5),
      makeRow('hsnb2b', { hsn: '84' }, 6),
      makeRow('hsnb2c', { hsn: '847130100' }, 7),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RET191350', severity: 'error', row: 6, column: 'HSN', params: { min: 4, max: 8 } },
      { code: 'RET191350', severity: 'error', row: 7, column: 'HSN', params: { min: 4, max: 8 } },
    ]);
  });

  it('needs 6 digits above Rs 5 crore', async () => {
    const rows = [makeRow('hsnb2b', { hsn: '847130' }, 5), makeRow('hsnb2b', { hsn: '8471' }, 6)];
    expect((await runRules(rule, rows, { turnover: 50_000_000 })).map((x) => x.row)).toEqual([]);
    expect((await runRules(rule, rows, { turnover: 50_000_001 })).map((x) => [x.row, x.params?.min])).toEqual([[6, 6]]);
  });

  it('issue 16: takes 2 digits up to the April 2021 period, 4 from May 2021 (Offline Tool, Notification 78/2020-CT)', async () => {
    expect(await runRules(rule, [makeRow('hsn', { hsn: '84' })], { period: '032021' })).toEqual([]);
    expect(await runRules(rule, [makeRow('hsn', { hsn: '84' })], { period: '042021' })).toEqual([]);
    expect((await runRules(rule, [makeRow('hsn', { hsn: '84' })], { period: '052021' })).map((x) => x.params?.min)).toEqual([4]);
  });
});
