import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './amend-time-limit.js';

const rows = [
  makeRow('b2ba', { oinum: 'A', oidt: '2023-05-10', inum: 'A1', idt: '2024-10-05' }, 5),
  makeRow('b2ba', { oinum: 'B', oidt: '2024-04-10', inum: 'B1', idt: '2024-10-05' }, 6),
  makeRow('b2csa', { fy: 2023, omonth: 3, pos: '27' }, 7),
  makeRow('cdnura', { ontNum: 'C', ontDt: '2023-06-01', ntNum: 'C1', ntDt: '2024-10-01' }, 8),
];

describe('rule: AMEND_TIME_LIMIT', () => {
  it('issue 16 (s.37(3) proviso): accepts FY 2023-24 amendments up to the October 2024 return', async () => {
    expect(await runRules(rule, rows, { period: '102024', today: '2024-11-10' })).toEqual([]);
  });

  it('issue 16: flags them from the November 2024 return, by original date or financial year', async () => {
    const f = await runRules(rule, rows, { period: '112024', today: '2024-12-05' });
    const params = { reason: 'november', deadline: '30-11-2024', lastReturn: '102024' };
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'AMEND_TIME_LIMIT', severity: 'error', row: 5, column: 'Original Invoice date', params },
      { code: 'AMEND_TIME_LIMIT', severity: 'error', row: 7, column: 'Financial Year', params },
      { code: 'AMEND_TIME_LIMIT', severity: 'error', row: 8, column: 'Original Note Date', params },
    ]);
  });

  it('issue 16: an annual return filed before 30 November ends the time earlier', async () => {
    const f = await runRules(rule, rows, { period: '102024', today: '2024-11-10', annualReturnFiled: '2024-10-20' });
    expect(f.map((x) => [x.row, x.params?.reason])).toEqual([[5, 'annual-return'], [7, 'annual-return'], [8, 'annual-return']]);
  });
});
