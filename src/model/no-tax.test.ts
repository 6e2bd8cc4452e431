import { describe, expect, it } from 'vitest';
import { noTaxType } from './no-tax.js';

describe('noTaxType', () => {
  it('names SEZ supplies without payment, exports under LUT and notes on them', () => {
    expect(noTaxType({ invTyp: 'SEWOP' })).toBe('SEWOP');
    expect(noTaxType({ docTyp: 'SEWOP' })).toBe('SEWOP');
    expect(noTaxType({ expTyp: 'WOPAY' })).toBe('WOPAY');
    expect(noTaxType({ urType: 'EXPWOP' })).toBe('EXPWOP');
  });

  it('leaves taxed supplies alone', () => {
    for (const v of [{ invTyp: 'SEWP' }, { invTyp: 'R' }, { expTyp: 'WPAY' }, { urType: 'EXPWP' }, { urType: 'B2CL' }, {}]) {
      expect(noTaxType(v)).toBeUndefined();
    }
  });
});
