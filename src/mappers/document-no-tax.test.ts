/**
 * givenItem on supplies without payment of tax: the tax amounts a JSON gave (through to-excel's
 * tax columns) are written as 0 on SEWOP, WOPAY and EXPWOP items, as the computed item is; taxed
 * supplies keep theirs as given. RET191150 reports the amounts that were not 0.
 */
import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../model/fields.js';
import { mapRows, p } from './test-helpers.js';
import type { SheetRow } from './types.js';

const RECIPIENT = '29AAACR5055K1Z3';
const b2b = (v: Partial<FieldValues>): SheetRow => ({
  sheet: 'b2b',
  values: { ctin: RECIPIENT, inum: 'S/1', idt: '2025-03-05', val: p('10000'), pos: '29', rchrg: 'N', invTyp: 'SEWOP', rt: 18, txval: p('10000'), ...v },
});

describe('givenItem: no tax on supplies without payment', () => {
  it('writes a SEWOP item given IGST 1800 and cess 50 with IGST 0 and cess 0', () => {
    const { json } = mapRows('b2b', [b2b({ iamt: p('1800'), csamt: p('50') })]);
    expect(json).toMatchObject([{ inv: [{ inv_typ: 'SEWOP', itms: [{ num: 1, itm_det: { rt: 18, txval: 10000, iamt: 0, csamt: 0 } }] }] }]);
  });

  it('keeps the given heads of a SEZ supply with payment as they are', () => {
    const { json } = mapRows('b2b', [b2b({ invTyp: 'SEWP', iamt: p('1800.40') })]);
    expect(json).toMatchObject([{ inv: [{ itms: [{ itm_det: { iamt: 1800.4 } }] }] }]);
  });

  it('writes IGST 0 on an export under LUT and on a note on one', () => {
    const exp = mapRows('exp', [
      { sheet: 'exp', values: { expTyp: 'WOPAY', inum: 'X/1', idt: '2025-03-09', val: p('5000'), rt: 18, txval: p('5000'), iamt: p('900') } },
    ]);
    expect(exp.json).toEqual([{ exp_typ: 'WOPAY', inv: [{ inum: 'X/1', idt: '09-03-2025', val: 5000, itms: [{ txval: 5000, rt: 18, iamt: 0, csamt: 0 }] }] }]);
    const note = mapRows('cdnur', [
      {
        sheet: 'cdnur',
        values: { urType: 'EXPWOP', ntNum: 'N/1', ntDt: '2025-03-10', ntty: 'C', val: p('1000'), rt: 18, txval: p('1000'), iamt: p('180') },
      },
    ]);
    expect(note.json).toMatchObject([{ typ: 'EXPWOP', itms: [{ itm_det: { rt: 18, txval: 1000, iamt: 0, csamt: 0 } }] }]);
  });
});
