import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../../model/fields.js';
import { mapRows, p, returnCtx, roundTrip } from '../test-helpers.js';
import type { SheetRow } from '../types.js';

const line = (v: Partial<FieldValues>): SheetRow => ({
  sheet: 'b2cl',
  values: { inum: 'B/1', idt: '2025-03-05', val: p('236000'), pos: '29', rt: 18, txval: p('200000'), ...v },
});

describe('b2cl', () => {
  it('groups invoices by place of supply, always with IGST and never an invoice type', () => {
    const { json, findings } = mapRows('b2cl', [
      line({ rt: 5, txval: p('10.10') }),
      line({ rt: 5, txval: p('10.10') }),
      line({ inum: 'B/2', pos: '33', rt: 18, txval: p('150000'), csamt: p('100') }),
      line({ inum: 'B/3', rt: 18, txval: p('200000'), diffPercent: 65 }),
    ]);
    expect(findings.items).toEqual([]);
    expect(json).toEqual([
      {
        pos: '29',
        inv: [
          // 20.20 × 5 % = 1.01 (per line it would be 0.51 + 0.51)
          { inum: 'B/1', idt: '05-03-2025', val: 236000, itms: [{ num: 1, itm_det: { rt: 5, txval: 20.2, iamt: 1.01, csamt: 0 } }] },
          { inum: 'B/3', idt: '05-03-2025', val: 236000, diff_percent: 0.65, itms: [{ num: 1, itm_det: { rt: 18, txval: 200000, iamt: 23400, csamt: 0 } }] },
        ],
      },
      { pos: '33', inv: [{ inum: 'B/2', idt: '05-03-2025', val: 236000, itms: [{ num: 1, itm_det: { rt: 18, txval: 150000, iamt: 27000, csamt: 100 } }] }] },
    ]);
  });

  it('keeps IGST even when the place of supply is the supplier state (a validator reports it)', () => {
    const { json } = mapRows('b2cl', [line({ pos: '27' })], returnCtx());
    expect(json).toMatchObject([{ pos: '27', inv: [{ itms: [{ itm_det: { iamt: 36000 } }] }] }]);
  });

  it('rejects a second line with another place of supply', () => {
    const { accepted, findings } = mapRows('b2cl', [line({}), line({ pos: '33', rt: 5 })]);
    expect(accepted).toEqual([true, false]);
    expect(findings.items[0]).toMatchObject({ code: 'DOC_FIELD_MISMATCH', column: 'Place Of Supply', params: { expected: '29' } });
  });

  it('round-trips through template rows', () => {
    const first = mapRows('b2cl', [
      line({ rt: 5, txval: p('10.10') }),
      line({ rt: 12, txval: p('5000.05'), csamt: p('1.25') }),
      line({ inum: 'B/9', pos: '07', diffPercent: 65, etin: '07AAACF0000A1CZ' }),
    ]);
    const { rows, mapped } = roundTrip('b2cl', first.json);
    expect(rows[1]).toEqual({
      sheet: 'b2cl',
      values: { inum: 'B/1', idt: '2025-03-05', val: p('236000'), pos: '29', diffPercent: 100, rt: 12, txval: p('5000.05'), csamt: p('1.25'), iamt: 60001 },
    });
    expect(mapped.json).toEqual(first.json);
  });
});
