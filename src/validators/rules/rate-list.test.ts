import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './rate-list.js';

describe('rule: RET191175', () => {
  it('flags a rate outside the period\'s list, not a listed one', async () => {
    const f = await runRules(rule, [
      makeRow('b2b', { inum: 'A', rt: 18 }, 5),
      makeRow('b2b', { inum: 'B', rt: 9 }, 6),
      makeRow('hsnb2c', { hsn: '2402', rt: 40 }, 7),
      makeRow('at', { pos: '27', rt: 0.25 }, 8),
    ]);
    expect(f.map((x) => brief(x))).toEqual([
      { code: 'RET191175', severity: 'error', row: 6, column: 'Rate' },
      { code: 'RET191175', severity: 'error', row: 7, column: 'Rate' },
    ]);
    expect(f[0]!.params?.rates).toBe('0, 0.1, 0.25, 1, 1.5, 3, 5, 6, 7.5, 12, 18, 28');
  });

  it('takes 40 from the September 2025 period', async () => {
    expect(await runRules(rule, [makeRow('hsnb2c', { hsn: '2402', rt: 40 })], { period: '092025' })).toEqual([]);
  });
});
