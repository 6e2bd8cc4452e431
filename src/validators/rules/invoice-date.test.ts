import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './invoice-date.js';

describe('rule: RET191114', () => {
  it('flags a date after the period\'s last day, not the last day itself', async () => {
    const f = await runRules(rule, [makeRow('b2b', { inum: 'A', idt: '2025-03-31' }, 5), makeRow('b2cl', { inum: 'B', idt: '2025-04-01' }, 6)]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RET191114', severity: 'error', row: 6, column: 'Invoice date', params: { reason: 'after-period', limit: '31-03-2025' } },
    ]);
  });

  it('flags dates before GST and before registration, original dates included', async () => {
    const f = await runRules(
      rule,
      [
        makeRow('exp', { inum: 'A', idt: '2017-06-30' }, 5),
        makeRow('b2b', { inum: 'B', idt: '2020-03-31' }, 6),
        makeRow('b2b', { inum: 'C', idt: '2020-04-01' }, 7),
        makeRow('b2ba', { oinum: 'D', oidt: '2020-03-01', inum: 'D1', idt: '2025-03-01' }, 8),
      ],
      { registrationDate: '2020-04-01' },
    );
    expect(f.map((x) => [x.row, x.column, x.params?.reason])).toEqual([
      [5, 'Invoice date', 'before-gst'],
      [6, 'Invoice date', 'before-registration'],
      [8, 'Original Invoice date', 'before-registration'],
    ]);
  });
});
