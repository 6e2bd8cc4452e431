import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../../model/fields.js';
import { mapRows, p, roundTrip } from '../test-helpers.js';
import type { SheetRow } from '../types.js';

const line = (v: Partial<FieldValues>): SheetRow => ({ sheet: 'atadj', values: { pos: '29', rt: 18, adAmt: p('2000'), ...v } });

describe('txpd (sheet atadj)', () => {
  it('sums adjusted advances per POS and rate, with tax on the sum', () => {
    const { json, findings } = mapRows('txpd', [
      line({ rt: 5, adAmt: p('10.10') }),
      line({ rt: 5, adAmt: p('10.10'), csamt: p('0.05') }),
      line({}),
      line({ pos: '27', rt: 5, adAmt: p('10.10') }),
    ]);
    expect(findings.items).toEqual([]);
    expect(json).toEqual([
      {
        pos: '29', sply_ty: 'INTER',
        itms: [
          { rt: 5, ad_amt: 20.2, iamt: 1.01, csamt: 0.05 },
          { rt: 18, ad_amt: 2000, iamt: 360, csamt: 0 },
        ],
      },
      { pos: '27', sply_ty: 'INTRA', itms: [{ rt: 5, ad_amt: 10.1, camt: 0.25, samt: 0.25, csamt: 0 }] },
    ]);
  });

  it('round-trips through template rows of sheet atadj', () => {
    const first = mapRows('txpd', [line({}), line({ pos: '27', diffPercent: 65, csamt: p('1') })]);
    const { rows, mapped } = roundTrip('txpd', first.json);
    expect(rows.map((r) => r.sheet)).toEqual(['atadj', 'atadj']);
    expect(mapped.json).toEqual(first.json);
  });
});
