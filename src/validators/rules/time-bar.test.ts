import { describe, expect, it } from 'vitest';
import { gstr1DueDate, timeBarred } from '../../model/dated-rules.js';
import { hintOf, messageOf } from '../../report/messages/index.js';
import { brief, runRules } from '../test-helpers.js';
import rule from './time-bar.js';

describe('rule: RETURN_TIME_BARRED', () => {
  it('issue 16 (s.37(5)): the December 2022 return may be filed up to 11-01-2026, three years after its due date', async () => {
    expect(await runRules(rule, [], { period: '122022', today: '2026-01-11' })).toEqual([]);
    const f = await runRules(rule, [], { period: '122022', today: '2026-01-12' });
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RETURN_TIME_BARRED', severity: 'error', params: { period: '122022', due: '11-01-2023', bar: '11-01-2026' } },
    ]);
    expect(messageOf(f[0]!)).toMatch(/^The GSTR-1 for December 2022 was due on 11-01-2023;/);
  });

  it('on a GSTR-1A run the message says the GSTR-1A cannot be furnished either, not that a GSTR-1 is being filed', async () => {
    const f = await runRules(rule, [], { period: '082024', today: '2027-09-12', form: 'gstr1a' });
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RETURN_TIME_BARRED', severity: 'error', params: { period: '082024', due: '11-09-2024', bar: '11-09-2027', form: 'gstr1a' } },
    ]);
    expect(messageOf(f[0]!)).toMatch(/^The GSTR-1 for August 2024 was due on 11-09-2024; its details, a GSTR-1A included, cannot be furnished after 11-09-2027/);
    expect(hintOf(f[0]!)).toMatch(/no longer accepts a GSTR-1A/);
  });

  it('issue 16: not before the portal enforces it (November 2025, GSTN advisories)', async () => {
    expect(await runRules(rule, [], { period: '012019', today: '2025-10-31' })).toEqual([]);
    expect((await runRules(rule, [], { period: '012019', today: '2025-11-01' })).length).toBe(1);
  });

  it('due dates: 10th before 2021, 11th (monthly) or 13th (quarterly, IFF) from 2021', () => {
    expect(gstr1DueDate({ month: 12, year: 2020 }, false)).toBe('2021-01-10');
    expect(gstr1DueDate({ month: 1, year: 2021 }, false)).toBe('2021-02-11');
    expect(gstr1DueDate({ month: 12, year: 2022 }, true)).toBe('2023-01-13');
    expect(gstr1DueDate({ month: 9, year: 2020 }, true)).toBe('2020-10-31');
  });

  it('a quarterly filer\'s bar is two days later', () => {
    expect(timeBarred({ month: 12, year: 2022 }, true, '2026-01-13')).toBeUndefined();
    expect(timeBarred({ month: 12, year: 2022 }, false, '2026-01-13')).toEqual({ due: '2023-01-11', bar: '2026-01-11' });
  });
});
