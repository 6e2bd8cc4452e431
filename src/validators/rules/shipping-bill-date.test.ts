import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './shipping-bill-date.js';

describe('rule: RET191176', () => {
  it('flags a shipping bill dated before the invoice or after today', async () => {
    const f = await runRules(
      rule,
      [
        makeRow('exp', { inum: 'E1', idt: '2025-03-05', sbnum: '1234567', sbdt: '2025-03-05' }, 5),
        makeRow('exp', { inum: 'E2', idt: '2025-03-05', sbnum: '1234568', sbdt: '2025-03-04' }, 6),
        makeRow('expa', { inum: 'E3', idt: '2025-03-05', sbnum: '1234569', sbdt: '2025-04-11' }, 7),
        makeRow('exp', { inum: 'E4', idt: '2025-03-25', sbnum: '1234570', sbdt: '2025-04-10' }, 8),
      ],
      { today: '2025-04-10' },
    );
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RET191176', severity: 'error', row: 6, column: 'Shipping Bill Date', params: { reason: 'before-invoice', limit: '05-03-2025' } },
      { code: 'RET191176', severity: 'error', row: 7, column: 'Shipping Bill Date', params: { reason: 'future', limit: '10-04-2025' } },
    ]);
  });
});
