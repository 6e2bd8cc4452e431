import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../../model/fields.js';
import { mapRows, p, roundTrip } from '../test-helpers.js';
import type { SheetRow } from '../types.js';

const line = (v: Partial<FieldValues>): SheetRow => ({ sheet: 'ata', values: { fy: 2024, omonth: 2, pos: '29', rt: 5, adAmt: p('10000'), ...v } });

describe('ata', () => {
  it('makes one object per original month and POS, with summed rate items', () => {
    const { json, findings } = mapRows('ata', [
      line({ diffPercent: 65 }),
      line({ adAmt: p('6000') }),
      line({ adAmt: p('4000') }),
      line({ omonth: 11, pos: '27', rt: 18, adAmt: p('100') }),
    ]);
    expect(findings.items).toEqual([]);
    expect(json).toEqual([
      { omon: '022025', pos: '29', sply_ty: 'INTER', diff_percent: 0.65, itms: [{ rt: 5, ad_amt: 10000, iamt: 325, csamt: 0 }] },
      { omon: '022025', pos: '29', sply_ty: 'INTER', itms: [{ rt: 5, ad_amt: 10000, iamt: 500, csamt: 0 }] },
      { omon: '112024', pos: '27', sply_ty: 'INTRA', itms: [{ rt: 18, ad_amt: 100, camt: 9, samt: 9, csamt: 0 }] },
    ]);
  });

  it('round-trips through template rows', () => {
    const first = mapRows('ata', [line({}), line({ rt: 12, csamt: p('3') }), line({ fy: 2023, omonth: 3, pos: '27' })]);
    const { rows, mapped } = roundTrip('ata', first.json);
    expect(rows[2]!.values).toEqual({ fy: 2023, omonth: 3, pos: '27', diffPercent: 100, rt: 5, adAmt: p('10000'), camt: 25000, samt: 25000 });
    expect(mapped.json).toEqual(first.json);
  });
});
