import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../../model/fields.js';
import { mapRows, p, roundTrip } from '../test-helpers.js';
import type { SheetRow } from '../types.js';

const line = (v: Partial<FieldValues>): SheetRow => ({
  sheet: 'exp',
  values: { expTyp: 'WPAY', inum: 'EX/1', idt: '2025-03-05', val: p('105000'), rt: 5, txval: p('100000'), ...v },
});

describe('exp', () => {
  it('groups by export type, with flat IGST items; WOPAY carries no tax', () => {
    const { json, findings } = mapRows('exp', [
      line({ sbpcode: 'INNSA1', sbnum: '1234567', sbdt: '2025-03-08', rt: 5, txval: p('10.10') }),
      line({ sbpcode: 'INNSA1', sbnum: '1234567', sbdt: '2025-03-08', rt: 5, txval: p('10.10'), csamt: p('2') }),
      line({ expTyp: 'WOPAY', inum: 'EX/2', rt: 18, txval: p('5000'), csamt: p('7') }),
    ]);
    expect(findings.items).toEqual([]);
    expect(json).toEqual([
      {
        exp_typ: 'WPAY',
        inv: [{
          inum: 'EX/1', idt: '05-03-2025', val: 105000, sbpcode: 'INNSA1', sbnum: '1234567', sbdt: '08-03-2025',
          itms: [{ txval: 20.2, rt: 5, iamt: 1.01, csamt: 2 }],
        }],
      },
      { exp_typ: 'WOPAY', inv: [{ inum: 'EX/2', idt: '05-03-2025', val: 105000, itms: [{ txval: 5000, rt: 18, iamt: 0, csamt: 0 }] }] },
    ]);
  });

  it('rejects a line with another shipping bill', () => {
    const { accepted, findings } = mapRows('exp', [line({ sbnum: '1234567' }), line({ sbnum: '7654321', rt: 18 })]);
    expect(accepted).toEqual([true, false]);
    expect(findings.items[0]).toMatchObject({ code: 'DOC_FIELD_MISMATCH', column: 'Shipping Bill Number', params: { expected: '1234567' } });
  });

  it('round-trips through template rows', () => {
    const first = mapRows('exp', [
      line({ sbpcode: 'INMAA1', sbnum: '998877', sbdt: '2025-04-02' }),
      line({ sbpcode: 'INMAA1', sbnum: '998877', sbdt: '2025-04-02', rt: 12, txval: p('1.01'), csamt: p('0.01') }),
      line({ expTyp: 'WOPAY', inum: 'EX/2' }),
    ]);
    const { rows, mapped } = roundTrip('exp', first.json);
    expect(rows[2]).toEqual({ sheet: 'exp', values: { expTyp: 'WOPAY', inum: 'EX/2', idt: '2025-03-05', val: p('105000'), rt: 5, txval: p('100000'), iamt: 0 } });
    expect(mapped.json).toEqual(first.json);
  });
});
