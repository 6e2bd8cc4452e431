import { describe, expect, it } from 'vitest';
import { brief, IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './revised-date-late.js';

const amend = { ctin: IDS.recipient, oinum: 'INV/1', inum: 'INV/1A' };

describe('rule: REVISED_DATE_LATE', () => {
  it('issue 16 (RET191120): warns on a revised date after the original date\'s month, not on one within it', async () => {
    const f = await runRules(rule, [
      makeRow('b2ba', { ...amend, oidt: '2025-01-10', idt: '2025-01-31' }, 5),
      makeRow('b2ba', { ...amend, oidt: '2025-01-10', idt: '2025-02-01' }, 6),
      // in this return period: RET191120's error
      makeRow('b2ba', { ...amend, oidt: '2025-01-10', idt: '2025-03-01' }, 7),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'REVISED_DATE_LATE', severity: 'warning', row: 6, column: 'Revised Invoice date', params: { limit: '31-01-2025' } },
    ]);
  });

  it('a quarterly filer\'s original period is its quarter', async () => {
    const rows = [makeRow('b2cla', { oinum: 'L1', inum: 'L1A', oidt: '2024-10-10', idt: '2024-12-20' }, 5)];
    expect(await runRules(rule, rows, { period: '032025', quarterly: true })).toEqual([]);
    expect((await runRules(rule, rows, { period: '032025' })).map((x) => x.params)).toEqual([{ limit: '31-10-2024' }]);
  });
});
