import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../../model/fields.js';
import { mapRows, p, returnCtx, roundTrip } from '../test-helpers.js';
import type { SheetRow } from '../types.js';

const line = (v: Partial<FieldValues>): SheetRow => ({
  sheet: 'b2csa',
  values: { fy: 2024, omonth: 1, pos: '29', typ: 'OE', rt: 5, txval: p('10.10'), ...v },
});

describe('b2csa', () => {
  it('makes one record per original month and POS, one item per rate, rates summed', () => {
    const { json, findings } = mapRows('b2csa', [
      line({}),
      line({ rt: 18, txval: p('200'), csamt: p('1.50') }),
      line({ csamt: p('0.10') }),
      line({ omonth: 4, pos: '27' }),
    ]);
    expect(findings.items).toEqual([]);
    expect(json).toEqual([
      {
        omon: '012025', sply_ty: 'INTER', typ: 'OE', pos: '29',
        itms: [
          { rt: 5, txval: 20.2, iamt: 1.01, csamt: 0.1 },
          { rt: 18, txval: 200, iamt: 36, csamt: 1.5 },
        ],
      },
      // April of FY 2024-25 is 042024
      { omon: '042024', sply_ty: 'INTRA', typ: 'OE', pos: '27', itms: [{ rt: 5, txval: 10.1, camt: 0.25, samt: 0.25, csamt: 0 }] },
    ]);
  });

  it('keeps records with another applicable % or e-commerce GSTIN apart', () => {
    const { json } = mapRows('b2csa', [line({ txval: p('10000') }), line({ txval: p('10000'), diffPercent: 65 }), line({ etin: '29AAACF0000A1CZ' })]);
    expect(json).toEqual([
      { omon: '012025', sply_ty: 'INTER', typ: 'OE', pos: '29', itms: [{ rt: 5, txval: 10000, iamt: 500, csamt: 0 }] },
      { omon: '012025', sply_ty: 'INTER', typ: 'OE', pos: '29', diff_percent: 0.65, itms: [{ rt: 5, txval: 10000, iamt: 325, csamt: 0 }] },
      { omon: '012025', sply_ty: 'INTER', typ: 'OE', pos: '29', etin: '29AAACF0000A1CZ', itms: [{ rt: 5, txval: 10.1, iamt: 0.51, csamt: 0 }] },
    ]);
  });

  it('is INTER for an SEZ supplier in its own state', () => {
    const { json } = mapRows('b2csa', [line({ pos: '27' })], returnCtx({ sez: true }));
    expect(json).toMatchObject([{ sply_ty: 'INTER', itms: [{ iamt: 0.51 }] }]);
  });

  it('round-trips through template rows', () => {
    const first = mapRows('b2csa', [line({}), line({ rt: 12, txval: -p('5') }), line({ fy: 2023, omonth: 12, pos: '27', diffPercent: 65 })]);
    const { rows, mapped } = roundTrip('b2csa', first.json);
    expect(rows[2]).toEqual({ sheet: 'b2csa', values: { fy: 2023, omonth: 12, pos: '27', typ: 'OE', diffPercent: 65, rt: 5, txval: p('10.10'), camt: 16, samt: 16 } });
    expect(mapped.json).toEqual(first.json);
  });
});
