import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../../model/fields.js';
import { mapRows, p, returnCtx, roundTrip } from '../test-helpers.js';
import type { SheetRow } from '../types.js';

const BUYER = '29AAACR5055K1ZX';

const line = (v: Partial<FieldValues>): SheetRow => ({
  sheet: 'b2ba',
  values: {
    ctin: BUYER, oinum: 'INV/7', oidt: '2025-01-20', inum: 'INV/7R', idt: '2025-02-02', val: p('1180'),
    pos: '29', invTyp: 'R', rt: 18, txval: p('1000'), ...v,
  },
});

describe('b2ba', () => {
  it('writes the original number and date beside the revised ones, and sums repeated rates', () => {
    const { json, findings } = mapRows('b2ba', [line({ txval: p('600') }), line({ txval: p('400'), csamt: p('2.50') })]);
    expect(findings.items).toEqual([]);
    expect(json).toEqual([
      {
        ctin: BUYER,
        inv: [{
          oinum: 'INV/7', oidt: '20-01-2025', inum: 'INV/7R', idt: '02-02-2025', val: 1180, pos: '29', rchrg: 'N', inv_typ: 'R',
          itms: [{ num: 1, itm_det: { rt: 18, txval: 1000, iamt: 180, csamt: 2.5 } }],
        }],
      },
    ]);
  });

  it('rejects a line naming another original invoice for the same revised number', () => {
    const { accepted, findings } = mapRows('b2ba', [line({}), line({ oinum: 'INV/8' })]);
    expect(accepted).toEqual([true, false]);
    expect(findings.items).toEqual([
      expect.objectContaining({ code: 'DOC_FIELD_MISMATCH', row: 6, column: 'Original Invoice Number', params: { document: 'INV/7R', firstRow: 5, expected: 'INV/7' } }),
    ]);
  });

  it('uses IGST for an SEZ supplier and none for SEZ supplies without payment', () => {
    const sez = mapRows('b2ba', [line({ pos: '27' })], returnCtx({ sez: true }));
    expect(sez.json).toMatchObject([{ inv: [{ itms: [{ itm_det: { iamt: 180 } }] }] }]);
    const sewop = mapRows('b2ba', [line({ pos: '27', invTyp: 'SEWOP', csamt: p('9') })]);
    expect(sewop.json).toMatchObject([{ inv: [{ inv_typ: 'SEWOP', itms: [{ itm_det: { rt: 18, txval: 1000, iamt: 0, csamt: 0 } }] }] }]);
  });

  it('round-trips through template rows', () => {
    const first = mapRows('b2ba', [
      line({ rt: 5, txval: p('10.10'), pos: '27' }),
      line({ rt: 18, txval: p('99.99'), pos: '27' }),
      line({ inum: 'INV/9R', oinum: 'INV/9', diffPercent: 65, etin: '29AAACF0000A1CZ' }),
    ]);
    expect(first.findings.items).toEqual([]);
    const { mapped } = roundTrip('b2ba', first.json);
    expect(mapped.findings.items).toEqual([]);
    expect(mapped.json).toEqual(first.json);
  });
});
