import { describe, expect, it } from 'vitest';
import { brief, IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './iff-value-limit.js';

// two lines of one Rs 30 lakh invoice (counted once), then a Rs 25 lakh amended invoice
const rows = [
  makeRow('b2b', { ctin: IDS.recipient, inum: 'A/1', val: 30_00_000_00, rt: 18 }, 5),
  makeRow('b2b', { ctin: IDS.recipient, inum: 'A/1', val: 30_00_000_00, rt: 5 }, 6),
  makeRow('b2ba', { ctin: IDS.recipient, inum: 'B/1', oinum: 'B/0', val: 25_00_000_00 }, 5),
];

describe('rule: IFF_VALUE_LIMIT (dated: from the January 2021 period)', () => {
  it('in an IFF month flags the invoice that takes the month over Rs 50 lakh', async () => {
    const f = await runRules(rule, rows, { period: '042025', quarterly: true });
    expect(f.map((x) => ({ ...brief(x, true), sheet: x.sheet }))).toEqual([
      { code: 'IFF_VALUE_LIMIT', severity: 'error', row: 5, column: 'Invoice Value', sheet: 'b2ba', params: { limit: '5000000.00', total: '5500000.00', period: '042025' } },
    ]);
  });

  it('a document\'s lines count once; monthly filers, the quarter\'s last month and periods before the IFF are not limited', async () => {
    expect(await runRules(rule, rows.slice(0, 2), { period: '042025', quarterly: true })).toEqual([]);
    expect(await runRules(rule, rows, { period: '042025' })).toEqual([]);
    expect(await runRules(rule, rows, { period: '062025', quarterly: true })).toEqual([]);
    expect(await runRules(rule, rows, { period: '112020', quarterly: true })).toEqual([]);
    expect(await runRules(rule, rows, { period: '022021', quarterly: true })).toHaveLength(1);
  });
});
