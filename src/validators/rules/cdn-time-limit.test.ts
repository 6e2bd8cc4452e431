import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './cdn-time-limit.js';

const rows = [
  makeRow('cdnr', { ntNum: 'C1', ntty: 'C', ntDt: '2023-05-10' }, 5),
  makeRow('cdnr', { ntNum: 'D1', ntty: 'D', ntDt: '2023-05-10' }, 6),
  makeRow('cdnur', { ntNum: 'C2', ntty: 'C', ntDt: '2024-04-01' }, 7),
];

describe('rule: CDN_TIME_LIMIT', () => {
  it('accepts a FY 2023-24 credit note up to the November 2024 return', async () => {
    expect(await runRules(rule, rows, { period: '112024' })).toEqual([]);
  });

  it('flags it from the December 2024 return; debit notes have no limit', async () => {
    const f = await runRules(rule, rows, { period: '122024' });
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'CDN_TIME_LIMIT', severity: 'error', row: 5, column: 'Note Date', params: { deadline: '30-11-2024' } },
    ]);
  });
});
