import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../../model/fields.js';
import { mapRows, p, returnCtx, roundTrip } from '../test-helpers.js';
import type { SheetRow } from '../types.js';

const ECO = '27AAACF0000A1CZ';

const line = (v: Partial<FieldValues>): SheetRow => ({ sheet: 'b2cs', values: { typ: 'OE', pos: '27', rt: 5, txval: p('10.10'), ...v } });

describe('b2cs', () => {
  it('sums rows with the same POS, rate, applicable % and e-commerce GSTIN, and computes tax on the sum', () => {
    const { json, findings } = mapRows('b2cs', [
      line({}),
      line({ csamt: p('0.40') }),
      line({ pos: '29' }),
      line({ pos: '29' }),
      line({ rt: 18, txval: p('100') }),
      line({ etin: ECO }),
      line({ pos: '29', diffPercent: 65, txval: p('10000') }),
    ]);
    expect(findings.items).toEqual([]);
    expect(json).toEqual([
      // 20.20 × 5 % = 1.01 → 0.505 each → 0.51; per row it would have been 0.25 + 0.25
      { sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 5, txval: 20.2, camt: 0.51, samt: 0.51, csamt: 0.4 },
      { sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 18, txval: 100, camt: 9, samt: 9, csamt: 0 },
      { sply_ty: 'INTER', pos: '29', typ: 'OE', rt: 5, txval: 20.2, iamt: 1.01, csamt: 0 },
      { sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 5, txval: 10.1, camt: 0.25, samt: 0.25, csamt: 0, etin: ECO },
      { sply_ty: 'INTER', pos: '29', typ: 'OE', rt: 5, txval: 10000, iamt: 325, csamt: 0, diff_percent: 0.65 },
    ]);
  });

  it('allows a negative net taxable value (B2C credit notes netted off)', () => {
    const { json } = mapRows('b2cs', [line({ pos: '29', rt: 18, txval: p('100') }), line({ pos: '29', rt: 18, txval: -p('150') })]);
    expect(json).toEqual([{ sply_ty: 'INTER', pos: '29', typ: 'OE', rt: 18, txval: -50, iamt: -9, csamt: 0 }]);
  });

  it('is always INTER for an SEZ supplier', () => {
    const { json } = mapRows('b2cs', [line({})], returnCtx({ sez: true }));
    expect(json).toEqual([{ sply_ty: 'INTER', pos: '27', typ: 'OE', rt: 5, txval: 10.1, iamt: 0.51, csamt: 0 }]);
  });

  it('round-trips through template rows', () => {
    const first = mapRows('b2cs', [line({}), line({ rt: 18, csamt: p('1') }), line({ pos: '07', diffPercent: 65, etin: ECO }), line({ pos: '07', txval: -p('3') })]);
    const { rows, mapped } = roundTrip('b2cs', first.json);
    expect(rows[2]).toEqual({ sheet: 'b2cs', values: { typ: 'OE', pos: '07', diffPercent: 65, etin: ECO, rt: 5, txval: p('10.10'), iamt: 33 } });
    expect(mapped.json).toEqual(first.json);
  });
});
