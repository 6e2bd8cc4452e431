import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../../model/fields.js';
import { mapRows, p, roundTrip } from '../test-helpers.js';
import type { SheetRow } from '../types.js';

const TCS = '27AAACF0000A1CZ';
const ECO2 = '29AAACG0000B1ZA';

const eco = (v: Partial<FieldValues>): SheetRow => ({ sheet: 'eco', values: { ecoNature: 'clttx', etin: TCS, ecoName: 'Shop Co', suppval: p('10000'), ...v } });

describe('supeco (sheet eco)', () => {
  it('splits by nature of supply, carries amounts as given (blank = 0) and sums an operator\'s rows', () => {
    const { json, findings } = mapRows('supeco', [
      eco({ camt: p('450'), samt: p('450') }),
      eco({ suppval: p('2000.50'), iamt: p('360.09') }),
      eco({ ecoNature: 'paytx', etin: ECO2, suppval: -p('500'), iamt: -p('90'), csamt: -p('1') }),
    ]);
    expect(findings.items).toEqual([]);
    expect(json).toEqual({
      clttx: [{ etin: TCS, suppval: 12000.5, igst: 360.09, cgst: 450, sgst: 450, cess: 0 }],
      paytx: [{ etin: ECO2, suppval: -500, igst: -90, cgst: 0, sgst: 0, cess: -1 }],
    });
  });

  it('round-trips through template rows', () => {
    const first = mapRows('supeco', [eco({ iamt: p('1800') }), eco({ etin: ECO2, ecoNature: 'paytx', camt: p('1'), samt: p('1'), csamt: p('0.5') })]);
    const { rows, mapped } = roundTrip('supeco', first.json);
    expect(rows[0]).toEqual({ sheet: 'eco', values: { ecoNature: 'clttx', etin: TCS, suppval: p('10000'), iamt: p('1800'), camt: 0, samt: 0, csamt: 0 } });
    expect(mapped.json).toEqual(first.json);
  });
});
