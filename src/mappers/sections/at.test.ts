import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../../model/fields.js';
import { mapRows, p, returnCtx, roundTrip } from '../test-helpers.js';
import type { SheetRow } from '../types.js';

const line = (v: Partial<FieldValues>): SheetRow => ({ sheet: 'at', values: { pos: '27', rt: 18, adAmt: p('5000'), ...v } });

describe('at', () => {
  it('makes one object per POS with one item per rate, advances of a rate summed', () => {
    const { json, findings } = mapRows('at', [
      line({ adAmt: p('3000') }),
      line({ adAmt: p('2000'), csamt: p('10') }),
      line({ rt: 5, adAmt: p('10.10') }),
      line({ pos: '29', rt: 5, adAmt: p('10.10') }),
      line({ pos: '29', rt: 5, adAmt: p('10.10') }),
    ]);
    expect(findings.items).toEqual([]);
    expect(json).toEqual([
      {
        pos: '27', sply_ty: 'INTRA',
        itms: [
          { rt: 18, ad_amt: 5000, camt: 450, samt: 450, csamt: 10 },
          { rt: 5, ad_amt: 10.1, camt: 0.25, samt: 0.25, csamt: 0 },
        ],
      },
      { pos: '29', sply_ty: 'INTER', itms: [{ rt: 5, ad_amt: 20.2, iamt: 1.01, csamt: 0 }] },
    ]);
  });

  it('keeps 65 % advances apart, with diff_percent', () => {
    const { json } = mapRows('at', [line({ pos: '29', rt: 5, adAmt: p('10000') }), line({ pos: '29', rt: 5, adAmt: p('10000'), diffPercent: 65 })]);
    expect(json).toEqual([
      { pos: '29', sply_ty: 'INTER', itms: [{ rt: 5, ad_amt: 10000, iamt: 500, csamt: 0 }] },
      { pos: '29', sply_ty: 'INTER', diff_percent: 0.65, itms: [{ rt: 5, ad_amt: 10000, iamt: 325, csamt: 0 }] },
    ]);
  });

  it('allows negative advances and uses IGST for an SEZ supplier', () => {
    const { json } = mapRows('at', [line({ adAmt: -p('1000'), csamt: -p('1') })], returnCtx({ sez: true }));
    expect(json).toEqual([{ pos: '27', sply_ty: 'INTER', itms: [{ rt: 18, ad_amt: -1000, iamt: -180, csamt: -1 }] }]);
  });

  it('round-trips through template rows', () => {
    const first = mapRows('at', [line({}), line({ rt: 5, csamt: p('2') }), line({ pos: '07', diffPercent: 65 })]);
    const { rows, mapped } = roundTrip('at', first.json);
    expect(rows[1]).toEqual({ sheet: 'at', values: { pos: '27', diffPercent: 100, rt: 5, adAmt: p('5000'), csamt: p('2'), camt: 12500, samt: 12500 } });
    expect(mapped.json).toEqual(first.json);
  });
});
