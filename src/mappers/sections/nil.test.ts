import { describe, expect, it } from 'vitest';
import { mapRows, p, roundTrip } from '../test-helpers.js';

describe('nil (sheet exemp)', () => {
  it('writes one line per supply type, summing repeated descriptions; blank amounts are 0', () => {
    const { json, findings } = mapRows('nil', [
      { sheet: 'exemp', values: { nilDesc: 'INTRAB2C', nilAmt: p('1000'), exptAmt: p('250.50') } },
      { sheet: 'exemp', values: { nilDesc: 'INTRB2B', ngsupAmt: p('75') } },
      { sheet: 'exemp', values: { nilDesc: 'INTRAB2C', nilAmt: p('500.05'), ngsupAmt: p('0.95') } },
    ]);
    expect(findings.items).toEqual([]);
    expect(json).toEqual({
      inv: [
        { sply_ty: 'INTRAB2C', nil_amt: 1500.05, expt_amt: 250.5, ngsup_amt: 0.95 },
        { sply_ty: 'INTRB2B', nil_amt: 0, expt_amt: 0, ngsup_amt: 75 },
      ],
    });
  });

  it('writes nothing without rows', () => {
    expect(mapRows('nil', []).payload).not.toHaveProperty('nil');
  });

  it('round-trips through template rows', () => {
    const first = mapRows('nil', [
      { sheet: 'exemp', values: { nilDesc: 'INTRB2C', exptAmt: p('12.34') } },
      { sheet: 'exemp', values: { nilDesc: 'INTRAB2B', nilAmt: -p('1'), ngsupAmt: p('99999.99') } },
    ]);
    const { rows, mapped } = roundTrip('nil', first.json);
    expect(rows[0]).toEqual({ sheet: 'exemp', values: { nilDesc: 'INTRB2C', nilAmt: 0, exptAmt: p('12.34'), ngsupAmt: 0 } });
    expect(mapped.json).toEqual(first.json);
  });
});
