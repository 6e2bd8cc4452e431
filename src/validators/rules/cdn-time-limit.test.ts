import { describe, expect, it } from 'vitest';
import { messageOf } from '../../report/messages/index.js';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './cdn-time-limit.js';

const rows = [
  makeRow('cdnr', { ntNum: 'C1', ntty: 'C', ntDt: '2023-05-10' }, 5),
  makeRow('cdnr', { ntNum: 'D1', ntty: 'D', ntDt: '2023-05-10' }, 6),
  makeRow('cdnur', { ntNum: 'C2', ntty: 'C', ntDt: '2024-04-01' }, 7),
];

describe('rule: CDN_TIME_LIMIT', () => {
  it('issue 16 (s.34(2), Finance Act 2022): accepts a FY 2023-24 credit note up to the October 2024 return, filed by 30 November', async () => {
    expect(await runRules(rule, rows, { period: '102024', today: '2024-11-10' })).toEqual([]);
  });

  it('issue 16: flags it from the November 2024 return (filed in December, after 30 November); debit notes have no limit', async () => {
    const f = await runRules(rule, rows, { period: '112024', today: '2024-12-05' });
    expect(f.map((x) => brief(x, true))).toEqual([
      {
        code: 'CDN_TIME_LIMIT', severity: 'error', row: 5, column: 'Note Date',
        params: { reason: 'november', deadline: '30-11-2024', lastReturn: '102024' },
      },
    ]);
    // the last return is data (its period); the catalogue names it
    expect(messageOf(f[0]!)).toMatch(/; the October 2024 return was the last one filed by then$/);
  });

  it('before FY 2021-22 (s.34(2) as enacted): the September return after the year is the last', async () => {
    const old = [makeRow('cdnr', { ntNum: 'C9', ntty: 'C', ntDt: '2020-06-10' }, 5)];
    expect(await runRules(rule, old, { period: '092021' })).toEqual([]);
    expect((await runRules(rule, old, { period: '102021' })).map((x) => x.params)).toEqual([
      { reason: 'september', deadline: '30-09-2021', lastReturn: '092021' },
    ]);
  });

  it('issue 16: the annual return filed earlier ends the time (--annual-return-filed), for the year before the period only', async () => {
    const opts = { period: '092024', annualReturnFiled: '2024-09-15' };
    // the September 2024 return ends after the annual return was filed
    expect((await runRules(rule, rows, { ...opts, today: '2024-10-05' })).map((x) => [x.row, x.params?.reason, x.params?.deadline])).toEqual([
      [5, 'annual-return', '15-09-2024'],
    ]);
    // the August return filed before it is in time; filed after it, it is late
    expect(await runRules(rule, rows, { ...opts, period: '082024', today: '2024-09-10' })).toEqual([]);
    expect((await runRules(rule, rows, { ...opts, period: '082024', today: '2024-09-20' })).map((x) => x.row)).toEqual([5]);
  });
});
