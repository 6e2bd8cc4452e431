import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../../model/fields.js';
import { mapRows, p, roundTrip } from '../test-helpers.js';
import type { SheetRow } from '../types.js';

const line = (v: Partial<FieldValues>): SheetRow => ({ sheet: 'atadja', values: { fy: 2024, omonth: 3, pos: '27', rt: 18, adAmt: p('2000'), ...v } });

describe('txpda (sheet atadja)', () => {
  it('makes one object per original month and POS, with summed rate items', () => {
    const { json, findings } = mapRows('txpda', [line({ adAmt: p('500') }), line({ adAmt: p('1500') }), line({ omonth: 7, pos: '29', rt: 5, adAmt: p('10.10') })]);
    expect(findings.items).toEqual([]);
    expect(json).toEqual([
      { omon: '032025', pos: '27', sply_ty: 'INTRA', itms: [{ rt: 18, ad_amt: 2000, camt: 180, samt: 180, csamt: 0 }] },
      { omon: '072024', pos: '29', sply_ty: 'INTER', itms: [{ rt: 5, ad_amt: 10.1, iamt: 0.51, csamt: 0 }] },
    ]);
  });

  it('round-trips through template rows of sheet atadja', () => {
    const first = mapRows('txpda', [line({}), line({ rt: 5, diffPercent: 65 }), line({ rt: 5, diffPercent: 65, csamt: p('2') })]);
    const { rows, mapped } = roundTrip('txpda', first.json);
    expect(rows.map((r) => r.sheet)).toEqual(['atadja', 'atadja']);
    expect(mapped.json).toEqual(first.json);
  });
});
