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

  it('checks the date a sales register gives rows of sheets without one (b2cs, advances, Table 15 B2C, Table 8)', async () => {
    const f = await runRules(rule, [
      makeRow('b2cs', { pos: '27', rt: 18, txval: 100, idt: '2025-03-31' }, 5),
      makeRow('b2cs', { pos: '27', rt: 18, txval: 100, idt: '2025-04-05' }, 6),
      makeRow('b2cs', { pos: '07', rt: 18, txval: 100, idt: '2016-01-05' }, 7),
      makeRow('at', { pos: '27', rt: 18, adAmt: 100, idt: '2025-04-01' }, 8),
      makeRow('atadj', { pos: '27', rt: 18, adAmt: 100, idt: '2025-04-01' }, 9),
      makeRow('ecob2c', { pos: '27', rt: 18, txval: 100, idt: '2025-04-01' }, 10),
      makeRow('ecourp2c', { pos: '27', rt: 18, txval: 100, idt: '2025-04-01' }, 11),
      // a row of the template's own b2cs sheet has no date: nothing to check
      makeRow('b2cs', { pos: '27', rt: 18, txval: 100 }, 12),
      makeRow('exemp', { nilDesc: 'INTRAB2C', nilAmt: 100, idt: '2025-03-31' }, 13),
      makeRow('exemp', { nilDesc: 'INTRAB2C', nilAmt: 100, idt: '2025-04-01' }, 14),
      makeRow('exemp', { nilDesc: 'INTRB2B', exptAmt: 100, idt: '2017-06-30' }, 15),
      makeRow('exemp', { nilDesc: 'INTRAB2C', ngsupAmt: 100 }, 16),
    ]);
    expect(f.map((x) => [x.row, x.params?.reason])).toEqual([
      [6, 'after-period'], [7, 'before-gst'], [8, 'after-period'], [9, 'after-period'], [10, 'after-period'], [11, 'after-period'],
      [14, 'after-period'], [15, 'before-gst'],
    ]);
  });
});
