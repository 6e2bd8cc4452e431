import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../../model/fields.js';
import { mapRows, p, returnCtx, roundTrip } from '../test-helpers.js';
import type { SheetRow } from '../types.js';

const BUYER = '27AAACR5055K1Z7';
const BUYER2 = '29AAACR5055K1ZX';

/** One line of invoice INV/1 (intra-State, Regular) unless told otherwise. */
const line = (v: Partial<FieldValues>): SheetRow => ({
  sheet: 'b2b',
  values: { ctin: BUYER, inum: 'INV/1', idt: '2025-03-05', val: p('11800'), pos: '27', invTyp: 'R', rt: 18, txval: p('10000'), ...v },
});

describe('b2b', () => {
  it('sums lines with the same rate into one item and computes tax on the sum', () => {
    const { json, findings } = mapRows('b2b', [
      line({ rt: 5, txval: p('10.10') }),
      line({ rt: 18, txval: p('100') }),
      line({ rt: 5, txval: p('20.00'), csamt: p('1.00') }),
    ]);
    expect(findings.items).toEqual([]);
    expect(json).toEqual([
      {
        ctin: BUYER,
        inv: [{
          inum: 'INV/1', idt: '05-03-2025', val: 11800, pos: '27', rchrg: 'N', inv_typ: 'R',
          itms: [
            // 30.10 × 5 % = 1.505 → 0.7525 each half → 0.75
            { num: 1, itm_det: { rt: 5, txval: 30.1, camt: 0.75, samt: 0.75, csamt: 1 } },
            { num: 2, itm_det: { rt: 18, txval: 100, camt: 9, samt: 9, csamt: 0 } },
          ],
        }],
      },
    ]);
  });

  it('splits intra-State tax in halves and rounds each half-up; inter-State is one IGST figure', () => {
    const { json } = mapRows('b2b', [
      line({ rt: 5, txval: p('10.10') }),
      line({ ctin: BUYER2, inum: 'INV/2', pos: '29', rt: 5, txval: p('10.10') }),
    ]);
    const items = (json as { inv: { itms: { itm_det: unknown }[] }[] }[]).map((g) => g.inv[0]!.itms[0]!.itm_det);
    expect(items).toEqual([
      { rt: 5, txval: 10.1, camt: 0.25, samt: 0.25, csamt: 0 },
      { rt: 5, txval: 10.1, iamt: 0.51, csamt: 0 },
    ]);
  });

  it('writes diff_percent 0.65 and taxes at 65 % of the rate', () => {
    const { json } = mapRows('b2b', [
      line({ pos: '29', diffPercent: 65, rt: 5, txval: p('10000') }),
      line({ inum: 'INV/2', diffPercent: 65, rt: 5, txval: p('10000') }),
    ]);
    const [inter, intra] = (json as { inv: Record<string, unknown>[] }[])[0]!.inv;
    expect(inter).toMatchObject({ diff_percent: 0.65, itms: [{ num: 1, itm_det: { rt: 5, txval: 10000, iamt: 325, csamt: 0 } }] });
    expect(intra).toMatchObject({ diff_percent: 0.65, itms: [{ num: 1, itm_det: { rt: 5, txval: 10000, camt: 162.5, samt: 162.5, csamt: 0 } }] });
    expect(mapRows('b2b', [line({})]).json).not.toHaveProperty('0.inv.0.diff_percent');
  });

  it('rejects a line whose invoice-level fields differ from the first line, with DOC_FIELD_MISMATCH', () => {
    const { json, findings, accepted } = mapRows('b2b', [
      line({ rt: 18, txval: p('10000') }),
      line({ rt: 5, txval: p('500'), val: p('11900') }),
    ]);
    expect(accepted).toEqual([true, false]);
    expect(findings.items).toEqual([
      expect.objectContaining({
        code: 'DOC_FIELD_MISMATCH', severity: 'error', row: 6, column: 'Invoice Value',
        params: { document: 'INV/1', firstRow: 5, expected: '11800.00' },
      }),
    ]);
    // the rejected line added nothing
    expect((json as { inv: { itms: unknown[] }[] }[])[0]!.inv[0]!.itms).toHaveLength(1);
  });

  it('treats invoice numbers case-insensitively and keeps the first spelling', () => {
    const { json } = mapRows('b2b', [line({ inum: 'inv/1', rt: 18 }), line({ inum: 'INV/1', rt: 18 })]);
    const inv = (json as { inv: { inum: string; itms: { itm_det: { txval: number } }[] }[] }[])[0]!.inv;
    expect(inv).toHaveLength(1);
    expect(inv[0]!.inum).toBe('inv/1');
    expect(inv[0]!.itms[0]!.itm_det.txval).toBe(20000);
  });

  it('charges IGST for an SEZ supplier even inside its own state', () => {
    const { json } = mapRows('b2b', [line({})], returnCtx({ sez: true }));
    expect(json).toMatchObject([{ inv: [{ pos: '27', itms: [{ itm_det: { rt: 18, txval: 10000, iamt: 1800, csamt: 0 } }] }] }]);
    expect(json).not.toHaveProperty('0.inv.0.itms.0.itm_det.camt');
  });

  it('taxes by invoice type: SEWP and CBW IGST, SEWOP no tax, DE by place of supply', () => {
    const { json } = mapRows('b2b', [
      line({ inum: 'A', invTyp: 'SEWP', csamt: p('5') }),
      line({ inum: 'B', invTyp: 'CBW', rchrg: 'Y' }),
      line({ inum: 'C', invTyp: 'SEWOP', csamt: p('5') }),
      line({ inum: 'D', invTyp: 'DE' }),
    ]);
    const dets = (json as { inv: { inum: string; itms: { itm_det: unknown }[] }[] }[])[0]!.inv.map((i) => [i.inum, i.itms[0]!.itm_det]);
    expect(dets).toEqual([
      ['A', { rt: 18, txval: 10000, iamt: 1800, csamt: 5 }],
      ['B', { rt: 18, txval: 10000, iamt: 1800, csamt: 0 }],
      ['C', { rt: 18, txval: 10000, iamt: 0, csamt: 0 }],
      ['D', { rt: 18, txval: 10000, camt: 900, samt: 900, csamt: 0 }],
    ]);
  });

  it('groups invoices by recipient and round-trips through template rows', () => {
    const first = mapRows('b2b', [
      line({ rt: 5, txval: p('10.10') }),
      line({ rt: 12, txval: p('250.55'), csamt: p('3.10') }),
      line({ ctin: BUYER2, inum: 'INV/2', pos: '29', diffPercent: 65, invTyp: 'SEWP', rchrg: 'N' }),
      line({ inum: 'INV/3', idt: '2025-03-31', val: p('1'), rt: 0, txval: p('1'), etin: '27AAACF0000A1CZ' }),
    ]);
    expect(first.findings.items).toEqual([]);
    expect((first.json as unknown[]).map((g) => (g as { ctin: string }).ctin)).toEqual([BUYER, BUYER2]);
    const { rows, mapped } = roundTrip('b2b', first.json);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({
      sheet: 'b2b',
      values: { ctin: BUYER, inum: 'INV/1', idt: '2025-03-05', val: p('11800'), pos: '27', rchrg: 'N', invTyp: 'R', diffPercent: 100, rt: 5, txval: p('10.10'), camt: 25, samt: 25 },
    });
    expect(mapped.json).toEqual(first.json);
    expect(mapped.findings.items).toEqual([]);
  });

  it('refuses a line that leaves the tax blank where another line of the item gave it, or the reverse (DOC_TAX_PARTLY_GIVEN)', () => {
    const other = { ctin: BUYER2, pos: '29' };
    const given = mapRows('b2b', [
      line({ ...other, txval: p('10000'), iamt: p('1800') }),
      line({ ...other, txval: p('10000') }),
      // another rate of the same invoice is its own item: nothing to compare
      line({ ...other, rt: 5, txval: p('1000') }),
    ]);
    expect(given.accepted).toEqual([true, false, true]);
    expect(given.findings.items).toEqual([
      expect.objectContaining({ code: 'DOC_TAX_PARTLY_GIVEN', row: 6, column: 'Integrated Tax Amount', params: { document: 'INV/1', rate: 18, given: 'other' } }),
    ]);
    const blankFirst = mapRows('b2b', [line({ ...other, txval: p('10000') }), line({ ...other, txval: p('10000'), iamt: p('1800') })]);
    expect(blankFirst.findings.items.map((f) => [f.code, f.row, f.params?.given])).toEqual([['DOC_TAX_PARTLY_GIVEN', 6, 'this']]);
    // given on every line, or on none: summed as before
    const all = mapRows('b2b', [line({ ...other, txval: p('10000'), iamt: p('1800') }), line({ ...other, txval: p('10000'), iamt: p('1800') })]);
    expect(all.findings.items).toEqual([]);
    expect(all.json).toMatchObject([{ inv: [{ itms: [{ itm_det: { txval: 20000, iamt: 3600 } }] }] }]);
    const none = mapRows('b2b', [line({ ...other, txval: p('10000') }), line({ ...other, txval: p('10000') })]);
    expect(none.findings.items).toEqual([]);
    expect(none.json).toMatchObject([{ inv: [{ itms: [{ itm_det: { txval: 20000, iamt: 3600 } }] }] }]);
  });
});
