import { describe, expect, it } from 'vitest';
import { brief, IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './gstr1a-original-period.js';

const PARAMS = { from: '01-08-2024', to: '31-08-2024', period: '082024' };

describe('rule: GSTR1A_ORIGINAL_PERIOD', () => {
  it('a GSTR-1A amends documents of its own period only', async () => {
    const f = await runRules(rule, [
      makeRow('b2ba', { ctin: IDS.recipient, oinum: 'A', oidt: '2024-08-05', inum: 'A', idt: '2024-08-05' }, 5),
      makeRow('b2ba', { ctin: IDS.recipient, oinum: 'B', oidt: '2024-07-20', inum: 'B', idt: '2024-07-20' }, 6),
      makeRow('cdnra', { ctin: IDS.recipient, ontNum: 'C', ontDt: '2024-09-01', ntNum: 'C', ntDt: '2024-08-02' }, 7),
    ], { period: '082024', form: 'gstr1a' });
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'GSTR1A_ORIGINAL_PERIOD', severity: 'error', row: 6, column: 'Original Invoice date', params: PARAMS },
      { code: 'GSTR1A_ORIGINAL_PERIOD', severity: 'error', row: 7, column: 'Original Note Date', params: PARAMS },
    ]);
  });

  it('an original month must be the period (b2csa)', async () => {
    const f = await runRules(rule, [
      makeRow('b2csa', { fy: 2024, omonth: 8 }, 5),
      makeRow('b2csa', { fy: 2024, omonth: 7 }, 6),
    ], { period: '082024', form: 'gstr1a' });
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'GSTR1A_ORIGINAL_PERIOD', severity: 'error', row: 6, column: 'Original Month', params: PARAMS },
    ]);
  });

  it('a quarterly filer\'s GSTR-1A amends the quarter, IFF months included', async () => {
    const rows = [
      makeRow('b2ba', { ctin: IDS.recipient, oinum: 'A', oidt: '2024-07-05', inum: 'A', idt: '2024-07-05' }, 5),
      makeRow('b2ba', { ctin: IDS.recipient, oinum: 'B', oidt: '2024-06-30', inum: 'B', idt: '2024-06-30' }, 6),
    ];
    const f = await runRules(rule, rows, { period: '092024', form: 'gstr1a', quarterly: true });
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'GSTR1A_ORIGINAL_PERIOD', severity: 'error', row: 6, column: 'Original Invoice date', params: { from: '01-07-2024', to: '30-09-2024', period: '092024' } },
    ]);
  });

  it('says nothing of a GSTR-1 (RET191198 checks its amendments)', async () => {
    expect(await runRules(rule, [makeRow('b2ba', { oinum: 'B', oidt: '2024-07-20', inum: 'B', idt: '2024-07-20' })], { period: '082024' })).toEqual([]);
  });
});
