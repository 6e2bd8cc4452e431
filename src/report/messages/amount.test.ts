import { describe, expect, it } from 'vitest';
import { messageOf } from './index.js';
import { rupeeAmount } from './amount.js';

describe('rupeeAmount', () => {
  it('groups thousands, then lakhs and crores in pairs', () => {
    expect(rupeeAmount('3060251.00')).toBe('30,60,251.00');
    expect(rupeeAmount('123456789012.5')).toBe('1,23,45,67,89,012.5');
    expect(rupeeAmount('100000')).toBe('1,00,000');
    expect(rupeeAmount('99999')).toBe('99,999');
    expect(rupeeAmount('1000')).toBe('1,000');
    expect(rupeeAmount('999.99')).toBe('999.99');
    expect(rupeeAmount('0.50')).toBe('0.50');
    expect(rupeeAmount('-250000.00')).toBe('-2,50,000.00');
  });

  it('prints anything that is not a plain decimal as it came', () => {
    for (const v of ['', 'abc', '1,00,000', '1e6', '12.', ' ']) expect(rupeeAmount(v)).toBe(v);
    expect(rupeeAmount(undefined)).toBe('');
  });

  it('is what the catalogue prints for amounts', () => {
    const m = messageOf({ code: 'RET191180', params: { limit: '100000.00' }, value: '99000' });
    expect(m).toBe('Invoice value 99,000 is not more than the B2CL limit (Rs 1,00,000.00) for this period');
    const hsn = messageOf({ code: 'HSN_TOTALS', params: { table: 'B2B', hsnTotal: '3060251.00', docTotal: '3160251.00', difference: '100000.00' } });
    expect(hsn).toContain('Rs 30,60,251.00');
    expect(hsn).toContain('Rs 31,60,251.00: Rs 1,00,000.00 apart');
  });
});
