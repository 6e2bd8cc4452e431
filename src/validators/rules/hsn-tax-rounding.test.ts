import { describe, expect, it } from 'vitest';
import { brief, IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './hsn-tax-rounding.js';

const hsn = { hsn: '8471', uqc: 'NOS', qty: '1', rt: 18, txval: 1000000 };
const invoices = Array.from({ length: 40 }, (_, i) => makeRow('b2b', { ctin: IDS.recipient, inum: `I${i}`, rt: 18, txval: 25000 }, 5 + i));

describe('rule: HSN_TAX_ROUNDING', () => {
  it('issue 16: warns past Rs 10 within Rs 0.50 × the documents summarised, not at Rs 10 or beyond the bound', async () => {
    const f = await runRules(rule, [
      ...invoices,
      makeRow('hsnb2b', { ...hsn, iamt: 181000 }, 5), // Rs 10: nothing
      makeRow('hsnb2b', { ...hsn, iamt: 181500 }, 6), // Rs 15: rounding over 40 invoices (Rs 20)
      makeRow('hsnb2b', { ...hsn, iamt: 182001 }, 7), // Rs 20.01: RET91708's error
    ], { period: '052025' });
    expect(f.map((x) => brief(x, true))).toEqual([
      {
        code: 'HSN_TAX_ROUNDING', severity: 'warning', row: 6, column: 'Integrated Tax Amount',
        params: { head: 'iamt', expected: '1800.00', difference: '15.00', documents: 40, rounding: '20.00' },
      },
    ]);
  });

  it('the B2C tab with B2C (small) rows and no Table 13: any difference may be rounding', async () => {
    const f = await runRules(rule, [
      makeRow('b2cs', { typ: 'OE', pos: '27', rt: 18, txval: 1000000 }, 5),
      makeRow('hsnb2c', { ...hsn, iamt: 190000 }, 5),
    ], { period: '052025' });
    expect(f.map((x) => [x.code, x.params?.difference, x.params?.documents])).toEqual([['HSN_TAX_ROUNDING', '100.00', undefined]]);
  });
});
