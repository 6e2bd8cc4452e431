import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../model/fields.js';
import type { RegisterLine } from './line.js';
import { lineTaxFindings, returnTax } from './line-tax.js';

const cols = {
  iamt: { header: 'IGST Amount', col: 11 },
  camt: { header: 'CGST Amount', col: 12 },
  samt: { header: 'SGST Amount', col: 13 },
};
const place = { file: 'sales.csv', sheet: 'sales', row: 4 };
/** Taxable Rs 10,000 at 18 %, with the tax cells given (paise). */
const line = (tax: Pick<RegisterLine, 'iamt' | 'camt' | 'samt'>, more: Partial<RegisterLine> = {}): RegisterLine => ({
  row: 4, kind: 'INV', docNum: 'PR/1', rchrg: 'N', rate: 18, diffPercent: 100, txval: 1_000_000, category: 'taxable', cancelled: false, ...tax, ...more,
});
const inter = { inter: true, noTax: false, target: 'b2b' as const };
const intra = { inter: false, noTax: false, target: 'b2b' as const };
const cells = (l: RegisterLine) => [...Array(10).fill(''), l.iamt ?? '', l.camt ?? '', l.samt ?? ''].map((x) => (typeof x === 'number' ? x / 100 : x));
/** the line's template values: what decides whether its row keeps the given tax (only the types matter here) */
const check = (l: RegisterLine, d: Parameters<typeof lineTaxFindings>[1], values: Partial<FieldValues> = {}) =>
  lineTaxFindings(l, d, place, cols, cells(l), values);

describe('register line tax against taxable value × rate', () => {
  it('an amount off by more than Rs 1 is an error on its own cell, with both amounts', () => {
    const l = line({ iamt: 170_000 });
    expect(check(l, inter)).toEqual([{
      code: 'REGISTER_TAX_MISMATCH', severity: 'error', file: 'sales.csv', sheet: 'sales', row: 4, column: 'IGST Amount', col: 11, value: '1700',
      params: { reason: 'amount', head: 'iamt', given: '1700.00', expected: '1800.00', rate: 18, headRate: 18, txval: '10000.00' },
    }]);
    // Rs 10 off is not rounding either (the portal would take it; the books and the return would still differ)
    expect(check(line({ iamt: 179_000 }), inter)).toHaveLength(1);
    expect(check(line({ iamt: 180_999 }), inter)).toHaveLength(1);
  });

  it('rounding is no error: up to Rs 1 a head, CGST and SGST each', () => {
    expect(check(line({ iamt: 180_100 }), inter)).toEqual([]);
    expect(check(line({ iamt: 179_900 }), inter)).toEqual([]);
    expect(check(line({ camt: 90_006, samt: 89_994 }), intra)).toEqual([]);
    const off = check(line({ camt: 90_000, samt: 80_000 }), intra);
    expect(off.map((f) => [f.column, f.params?.reason, f.params?.expected, f.params?.headRate])).toEqual([['SGST Amount', 'amount', '900.00', 9]]);
  });

  it('the wrong head is said once, where it was given', () => {
    expect(check(line({ iamt: 180_000 }), intra).map((f) => [f.column, f.params?.reason])).toEqual([['IGST Amount', 'intra']]);
    expect(check(line({ camt: 90_000, samt: 90_000 }), inter).map((f) => [f.column, f.params?.reason])).toEqual([['CGST Amount', 'inter']]);
  });

  it('tax on a supply that carries none (an export under LUT), at 65 %, on a credit note', () => {
    // an export under LUT keeps its tax on the exp row, where RET191150 refuses it: not said twice
    expect(check(line({ iamt: 180_000 }), { inter: true, noTax: true, target: 'exp' }, { expTyp: 'WOPAY' })).toEqual([]);
    expect(check(line({ iamt: 180_000 }), { inter: true, noTax: true, target: 'exemp' }).map((f) => f.params?.reason)).toEqual(['no-tax']);
    // so does a Table 15 supply to an SEZ without payment (docTyp SEWOP on the ecob2b row)
    expect(check(line({ iamt: 180_000 }), { inter: false, noTax: true, target: 'ecob2b' }, { docTyp: 'SEWOP' })).toEqual([]);
    expect(check(line({ iamt: 117_000 }, { diffPercent: 65 }), inter)).toEqual([]);
    expect(check(line({ iamt: 180_000 }, { diffPercent: 65 }), inter).map((f) => [f.params?.expected, f.params?.diffPercent])).toEqual([['1170.00', 65]]);
    expect(check(line({ iamt: -180_000 }, { kind: 'C', txval: -1_000_000 }), { ...inter, target: 'cdnr' })).toEqual([]);
  });

  it('blank tax cells and cancelled documents say nothing', () => {
    expect(check(line({}), inter)).toEqual([]);
    expect(check(line({ iamt: 5 }, { cancelled: true }), { ...inter, target: 'cancelled' })).toEqual([]);
  });

  it('the tax the return carries: IGST, or CGST and SGST at half the rate each; none without tax', () => {
    expect(returnTax(line({}), inter)).toEqual({ iamt: 180_000, camt: 0, samt: 0 });
    expect(returnTax(line({}, { txval: -1_000_005 }), intra)).toEqual({ iamt: 0, camt: 90_000, samt: 90_000 });
    expect(returnTax(line({}), { inter: true, noTax: true })).toEqual({ iamt: 0, camt: 0, samt: 0 });
  });
});
