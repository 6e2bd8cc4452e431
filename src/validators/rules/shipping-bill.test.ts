import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './shipping-bill.js';

describe('rule: EXP_SHIPPING_BILL', () => {
  it('checks port code, bill number and that number and date come together', async () => {
    const f = await runRules(rule, [
      makeRow('exp', { inum: 'E1', sbpcode: 'INNSA1', sbnum: '1234567', sbdt: '2025-03-08' }, 5),
      makeRow('exp', { inum: 'E2', sbpcode: 'INNSA12' }, 6),
      makeRow('exp', { inum: 'E3', sbnum: '12A', sbdt: '2025-03-08' }, 7),
      makeRow('exp', { inum: 'E4', sbnum: '0000', sbdt: '2025-03-08' }, 8),
      makeRow('expa', { inum: 'E5', sbnum: '1234567' }, 9),
      makeRow('expa', { inum: 'E6', sbdt: '2025-03-08' }, 10),
      makeRow('exp', { inum: 'E7' }, 11),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'EXP_SHIPPING_BILL', severity: 'error', row: 6, column: 'Port Code', params: { reason: 'port' } },
      { code: 'EXP_SHIPPING_BILL', severity: 'error', row: 7, column: 'Shipping Bill Number', params: { reason: 'number' } },
      { code: 'EXP_SHIPPING_BILL', severity: 'error', row: 8, column: 'Shipping Bill Number', params: { reason: 'number' } },
      { code: 'EXP_SHIPPING_BILL', severity: 'error', row: 9, column: 'Shipping Bill Date', params: { reason: 'date-missing' } },
      { code: 'EXP_SHIPPING_BILL', severity: 'error', row: 10, column: 'Shipping Bill Number', params: { reason: 'number-missing' } },
    ]);
  });
});
