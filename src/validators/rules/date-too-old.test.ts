import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './date-too-old.js';

describe('rule: DATE_TOO_OLD_18M', () => {
  it('warns about documents dated before the 18-month limit, not on the limit itself', async () => {
    const f = await runRules(rule, [
      makeRow('b2b', { inum: 'A', idt: '2023-09-01' }, 5),
      makeRow('b2b', { inum: 'B', idt: '2023-08-31' }, 6),
      makeRow('cdnr', { ntNum: 'C', ntDt: '2023-01-15' }, 7),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'DATE_TOO_OLD_18M', severity: 'warning', row: 6, column: 'Invoice date', params: { limit: '01-09-2023' } },
      { code: 'DATE_TOO_OLD_18M', severity: 'warning', row: 7, column: 'Note Date', params: { limit: '01-09-2023' } },
    ]);
  });
});
