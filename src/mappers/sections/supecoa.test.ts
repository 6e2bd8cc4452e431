import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../../model/fields.js';
import { mapRows, p, roundTrip } from '../test-helpers.js';
import type { SheetRow } from '../types.js';

const OLD = '27AAACF0000A1CZ';
const NEW = '27AAACG0000B1CZ';

const ecoa = (v: Partial<FieldValues>): SheetRow => ({
  sheet: 'ecoa',
  values: { ecoNature: 'paytx', fy: 2024, omonth: 1, oetin: OLD, etin: NEW, ecoName: 'Shop Co', suppval: p('5000'), ...v },
});

describe('supecoa (sheet ecoa)', () => {
  it('writes clttxa / paytxa with the original month and operator, summing repeated keys', () => {
    const { json, findings } = mapRows('supecoa', [
      ecoa({ camt: p('225'), samt: p('225') }),
      ecoa({ camt: p('225'), samt: p('225') }),
      ecoa({ omonth: 5, camt: p('1'), samt: p('1') }),
      ecoa({ ecoNature: 'clttx', oetin: NEW, etin: OLD, iamt: p('900') }),
    ]);
    expect(findings.items).toEqual([]);
    expect(json).toEqual({
      clttxa: [{ omon: '012025', oetin: NEW, etin: OLD, suppval: 5000, igst: 900, cgst: 0, sgst: 0, cess: 0 }],
      paytxa: [
        { omon: '012025', oetin: OLD, etin: NEW, suppval: 10000, igst: 0, cgst: 450, sgst: 450, cess: 0 },
        { omon: '052024', oetin: OLD, etin: NEW, suppval: 5000, igst: 0, cgst: 1, sgst: 1, cess: 0 },
      ],
    });
  });

  it('round-trips through template rows', () => {
    const first = mapRows('supecoa', [ecoa({}), ecoa({ ecoNature: 'clttx', fy: 2023, omonth: 12, csamt: p('3') })]);
    const { rows, mapped } = roundTrip('supecoa', first.json);
    expect(rows[0]!.values).toEqual({ ecoNature: 'clttx', fy: 2023, omonth: 12, oetin: OLD, etin: NEW, suppval: p('5000'), iamt: 0, camt: 0, samt: 0, csamt: p('3') });
    expect(mapped.json).toEqual(first.json);
  });
});
