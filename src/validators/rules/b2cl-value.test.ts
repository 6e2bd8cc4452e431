import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './b2cl-value.js';

describe('rule: RET191180', () => {
  it('from August 2024 needs more than Rs 1 lakh (strictly)', async () => {
    const f = await runRules(rule, [makeRow('b2cl', { inum: 'A', val: 10000001 }, 5), makeRow('b2cl', { inum: 'B', val: 10000000 }, 6)], {
      period: '082024',
    });
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RET191180', severity: 'error', row: 6, column: 'Invoice Value', params: { limit: '100000.00' } },
    ]);
  });

  it('up to July 2024 needs more than Rs 2.5 lakh', async () => {
    const f = await runRules(rule, [makeRow('b2cla', { inum: 'A', val: 25000001 }, 5), makeRow('b2cla', { inum: 'B', val: 20000000 }, 6)], {
      period: '072024',
    });
    expect(f.map((x) => [x.row, x.params?.limit])).toEqual([[6, '250000.00']]);
  });
});
