import { describe, expect, it } from 'vitest';
import { brief, IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './revised-date.js';

const amend = { ctin: IDS.recipient, oinum: 'INV/1', inum: 'INV/1A' };

describe('rule: RET191120', () => {
  it('issue 16: refuses a revised date in this return period (after the original\'s period), accepts one before it', async () => {
    const f = await runRules(rule, [
      makeRow('b2ba', { ...amend, oidt: '2025-01-10', idt: '2025-01-20' }, 5),
      makeRow('b2ba', { ...amend, oidt: '2025-01-10', idt: '2025-03-05' }, 6),
      makeRow('expa', { oinum: 'E1', inum: 'E1A', oidt: '2024-12-10', idt: '2025-03-01' }, 7),
      // an original of this period, and a revised date after it: other rules' findings
      makeRow('b2cla', { oinum: 'L1', inum: 'L1A', oidt: '2025-03-02', idt: '2025-03-05' }, 8),
      makeRow('b2ba', { ...amend, oidt: '2025-01-10', idt: '2025-04-02' }, 9),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RET191120', severity: 'error', row: 6, column: 'Revised Invoice date', params: { limit: '28-02-2025' } },
      { code: 'RET191120', severity: 'error', row: 7, column: 'Revised Invoice date', params: { limit: '28-02-2025' } },
    ]);
  });
});
