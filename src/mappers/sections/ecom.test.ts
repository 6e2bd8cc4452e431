import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../../model/fields.js';
import { mapRows, p, roundTrip } from '../test-helpers.js';
import type { SheetRow } from '../types.js';

// the filer (an e-commerce operator) is in Maharashtra (27); the supplier in Karnataka (29)
const STIN = '29AAACS1234A1Z5';
const RTIN = '27AAACR5055K1Z7';

const row = (sheet: SheetRow['sheet'], v: Partial<FieldValues>): SheetRow => ({ sheet, values: v });
const doc = (v: Partial<FieldValues>): Partial<FieldValues> => ({
  ctin: RTIN, inum: 'RST/1', idt: '2025-03-05', val: p('1611'), pos: '27', docTyp: 'R', rt: 5, txval: p('1000'), ...v,
});

describe('ecom (Table 15)', () => {
  it('b2b: one document per supplier and number, lines of a rate summed, IGST when the supplier\'s State is not the POS', () => {
    const { json, findings, accepted } = mapRows('ecom', [
      row('ecob2b', doc({ stin: STIN })),
      row('ecob2b', doc({ stin: STIN, txval: p('500') })),
      row('ecob2b', doc({ stin: STIN, rt: 18, txval: p('200'), csamt: p('1.50') })),
    ]);
    expect(findings.items).toEqual([]);
    expect(accepted).toEqual([true, true, true]);
    expect(json).toEqual({
      b2b: [{
        stin: STIN, rtin: RTIN,
        inv: [{
          inum: 'RST/1', idt: '05-03-2025', val: 1611, pos: '27', inv_typ: 'R', sply_ty: 'INTER',
          itms: [
            { num: 1, itm_det: { rt: 5, txval: 1500, iamt: 75, csamt: 0 } },
            { num: 2, itm_det: { rt: 18, txval: 200, iamt: 36, csamt: 1.5 } },
          ],
        }],
      }],
    });
  });

  it('the same number from two suppliers is two documents; SEZ without payment carries no tax', () => {
    const { json } = mapRows('ecom', [
      row('ecob2b', doc({ stin: STIN })),
      row('ecob2b', doc({ stin: '27AAACS1234A1Z1', docTyp: 'SEWOP' })),
    ]);
    const b2b = (json as { b2b: { stin: string; inv: { sply_ty: string; itms: unknown[] }[] }[] }).b2b;
    expect(b2b.map((g) => g.stin)).toEqual([STIN, '27AAACS1234A1Z1']);
    expect(b2b[1]!.inv[0]!.sply_ty).toBe('INTER');
    expect(b2b[1]!.inv[0]!.itms).toEqual([{ num: 1, itm_det: { rt: 5, txval: 1000, iamt: 0, csamt: 0 } }]);
  });

  it('urp2b: an unregistered supplier is taken to be in the operator\'s State', () => {
    const { json } = mapRows('ecom', [row('ecourp2b', doc({}))]);
    expect(json).toEqual({
      urp2b: [{
        rtin: RTIN,
        inv: [{ inum: 'RST/1', idt: '05-03-2025', val: 1611, pos: '27', inv_typ: 'R', sply_ty: 'INTRA', itms: [{ num: 1, itm_det: { rt: 5, txval: 1000, camt: 25, samt: 25, csamt: 0 } }] }],
      }],
    });
  });

  it('b2c and urp2c: summed per supplier × POS × rate, flat records', () => {
    const { json } = mapRows('ecom', [
      row('ecob2c', { stin: STIN, pos: '29', rt: 5, txval: p('1200') }),
      row('ecob2c', { stin: STIN, pos: '29', rt: 5, txval: p('800') }),
      row('ecourp2c', { pos: '07', rt: 5, txval: p('1000'), csamt: p('2') }),
    ]);
    expect(json).toEqual({
      b2c: [{ stin: STIN, pos: '29', sply_ty: 'INTRA', rt: 5, txval: 2000, camt: 50, samt: 50, csamt: 0 }],
      urp2c: [{ pos: '07', sply_ty: 'INTER', rt: 5, txval: 1000, iamt: 50, csamt: 2 }],
    });
  });

  it('a line that disagrees with its document\'s first line is rejected at its cell', () => {
    const { findings, accepted } = mapRows('ecom', [row('ecob2b', doc({ stin: STIN })), row('ecob2b', doc({ stin: STIN, val: p('99') }))]);
    expect(accepted).toEqual([true, false]);
    expect(findings.items).toMatchObject([{ code: 'DOC_FIELD_MISMATCH', row: 6, column: 'Value of supplies made', params: { document: 'RST/1', firstRow: 5, expected: '1611.00' } }]);
  });

  it('round-trips through template rows', () => {
    const first = mapRows('ecom', [
      row('ecob2b', doc({ stin: STIN, csamt: p('3') })),
      row('ecourp2b', doc({ inum: 'R2' })),
      row('ecob2c', { stin: STIN, pos: '29', rt: 18, txval: p('100') }),
      row('ecourp2c', { pos: '07', rt: 5, txval: p('1000') }),
    ]);
    const { mapped } = roundTrip('ecom', first.json);
    expect(mapped.json).toEqual(first.json);
  });

  it('keeps tax amounts given on the rows, summed per line, heads as given; SEZ without payment keeps them at 0', () => {
    const { json, findings } = mapRows('ecom', [
      row('ecob2b', doc({ stin: STIN, pos: '29', camt: p('12.51'), samt: p('12.51') })),
      row('ecob2b', doc({ stin: STIN, pos: '29', camt: p('12.50'), samt: p('12.50') })),
      row('ecob2b', doc({ stin: STIN, inum: 'RST/2', docTyp: 'SEWOP', iamt: p('50') })),
      row('ecob2c', { stin: STIN, pos: '29', rt: 5, txval: p('48000.50'), camt: p('1200.02'), samt: p('1200.02') }),
      row('ecourp2c', { pos: '29', rt: 18, txval: p('100'), iamt: p('18.01') }),
    ]);
    expect(findings.items).toEqual([]);
    const ecom = json as { b2b: { inv: { itms: { itm_det: unknown }[] }[] }[]; b2c: unknown[]; urp2c: unknown[] };
    expect(ecom.b2b[0]!.inv.map((d) => d.itms[0]!.itm_det)).toEqual([
      { rt: 5, txval: 2000, camt: 25.01, samt: 25.01, csamt: 0 },
      { rt: 5, txval: 1000, iamt: 0, csamt: 0 },
    ]);
    expect(ecom.b2c).toEqual([{ stin: STIN, pos: '29', sply_ty: 'INTRA', rt: 5, txval: 48000.5, camt: 1200.02, samt: 1200.02, csamt: 0 }]);
    expect(ecom.urp2c).toEqual([{ pos: '29', sply_ty: 'INTER', rt: 18, txval: 100, iamt: 18.01, csamt: 0 }]);
    // and back: the rows carry the amounts as given
    expect(roundTrip('ecom', json).mapped.json).toEqual(json);
  });

  it('a row that gives tax amounts where another of its line does not (or the reverse) is rejected at its tax cell', () => {
    const { findings, accepted } = mapRows('ecom', [
      row('ecob2b', doc({ stin: STIN, iamt: p('50') })),
      row('ecob2b', doc({ stin: STIN })),
      row('ecob2c', { stin: STIN, pos: '29', rt: 5, txval: p('1000') }),
      row('ecob2c', { stin: STIN, pos: '29', rt: 5, txval: p('1000'), camt: p('25'), samt: p('25') }),
      row('ecob2c', { stin: STIN, pos: '29', rt: 18, txval: p('1000'), camt: p('90'), samt: p('90') }),
      // SEZ without payment writes 0 whatever is given (RET191150 reports a given amount): no mix to speak of
      row('ecob2b', doc({ stin: STIN, inum: 'RST/2', docTyp: 'SEWOP', iamt: p('50') })),
      row('ecob2b', doc({ stin: STIN, inum: 'RST/2', docTyp: 'SEWOP' })),
    ]);
    expect(accepted).toEqual([true, false, true, false, true, true, true]);
    expect(findings.items.map((f) => [f.code, f.row, f.column, f.params])).toEqual([
      ['ECOM_TAX_PARTLY_GIVEN', 6, 'Integrated Tax Amount', { firstRow: 5, rate: 5, given: 'first', document: 'RST/1' }],
      ['ECOM_TAX_PARTLY_GIVEN', 8, 'Central Tax Amount', { firstRow: 7, rate: 5, given: 'this' }],
    ]);
  });
});
