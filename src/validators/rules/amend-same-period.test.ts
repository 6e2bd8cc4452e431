import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './amend-same-period.js';

describe('rule: RET191198', () => {
  it('flags an original document dated in (or after) this period', async () => {
    const f = await runRules(rule, [
      makeRow('b2ba', { oinum: 'A', oidt: '2025-02-28', inum: 'A1', idt: '2025-03-05' }, 5),
      makeRow('expa', { oinum: 'B', oidt: '2025-03-01', inum: 'B1', idt: '2025-03-05' }, 6),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RET191198', severity: 'error', row: 6, column: 'Original Invoice date', params: { reason: 'date', limit: '01-03-2025' } },
    ]);
  });

  it('flags an original month that is this period or before July 2017', async () => {
    const f = await runRules(rule, [
      makeRow('b2csa', { fy: 2024, omonth: 2 }, 5),
      makeRow('ata', { fy: 2024, omonth: 3 }, 6),
      makeRow('atadja', { fy: 2017, omonth: 6 }, 7),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RET191198', severity: 'error', row: 6, column: 'Original Month', params: { reason: 'month' } },
      { code: 'RET191198', severity: 'error', row: 7, column: 'Original Month', params: { reason: 'before-gst' } },
    ]);
  });

  it('not in a GSTR-1A: it amends documents of its own period', async () => {
    const rows = [makeRow('b2ba', { oinum: 'B', oidt: '2025-03-01', inum: 'B1', idt: '2025-03-05' }, 6)];
    expect((await runRules(rule, rows)).length).toBe(1);
    expect(await runRules(rule, rows, { form: 'gstr1a' })).toEqual([]);
  });
});
