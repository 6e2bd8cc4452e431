import { describe, expect, it } from 'vitest';
import { defaultValidatePayload } from './validate.js';

/** A return with one HSN row (Table 12, B2B tab) of taxable value Rs 1,000.20 at 5 %: Rs 50.01 of tax expected. */
function withHsn(camt: number, samt: number) {
  return {
    gstin: '27AAACR5055K1Z7', fp: '102025',
    hsn: { hsn_b2b: [{ num: 1, hsn_sc: '19053100', uqc: 'KGS', qty: 1, rt: 5, txval: 1000.2, iamt: 0, camt, samt, csamt: 0 }] },
  };
}

describe('the emulator\'s own checks (defaultValidatePayload)', () => {
  it('RET91708: an HSN row exactly Rs 10 off its taxable value × rate passes, one paisa more fails, counted in paise', () => {
    // 0.92 + 59.09 is 60.010000000000005 in binary floats, which a float comparison took for more than Rs 10 off
    expect(defaultValidatePayload(withHsn(0.92, 59.09)).map((e) => e.code)).toEqual([]);
    expect(defaultValidatePayload(withHsn(0.92, 59.1)).map((e) => e.code)).toEqual(['RET91708']);
    // below the expected tax as well: Rs 40.01 is Rs 10 short, Rs 40.00 more
    expect(defaultValidatePayload(withHsn(0, 40.01)).map((e) => e.code)).toEqual([]);
    expect(defaultValidatePayload(withHsn(20, 20)).map((e) => e.code)).toEqual(['RET91708']);
  });
});
