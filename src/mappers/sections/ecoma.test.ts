import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../../model/fields.js';
import { mapRows, p, roundTrip } from '../test-helpers.js';
import type { SheetRow } from '../types.js';

const STIN = '29AAACS1234A1Z5';
const RTIN = '27AAACR5055K1Z7';
const row = (sheet: SheetRow['sheet'], v: Partial<FieldValues>): SheetRow => ({ sheet, values: v });

describe('ecoma (Table 15A)', () => {
  it('b2ba and urp2ba keep the original number and date before the revised ones', () => {
    const base = { ctin: RTIN, oinum: 'RST/1', oidt: '2025-01-05', inum: 'RST/1A', idt: '2025-03-05', val: p('1050'), pos: '27', docTyp: 'R', rt: 5, txval: p('1000') };
    const { json, findings } = mapRows('ecoma', [row('ecoab2b', { stin: STIN, ...base }), row('ecoaurp2b', base)]);
    expect(findings.items).toEqual([]);
    const inv = { oinum: 'RST/1', oidt: '05-01-2025', inum: 'RST/1A', idt: '05-03-2025', val: 1050, pos: '27', inv_typ: 'R' };
    expect(json).toEqual({
      b2ba: [{ stin: STIN, rtin: RTIN, inv: [{ ...inv, sply_ty: 'INTER', itms: [{ num: 1, itm_det: { rt: 5, txval: 1000, iamt: 50, csamt: 0 } }] }] }],
      urp2ba: [{ rtin: RTIN, inv: [{ ...inv, sply_ty: 'INTRA', itms: [{ num: 1, itm_det: { rt: 5, txval: 1000, camt: 25, samt: 25, csamt: 0 } }] }] }],
    });
  });

  it('b2ca groups suppliers under the POS; urp2ca is one record per POS and original month', () => {
    const { json } = mapRows('ecoma', [
      row('ecoab2c', { fy: 2024, omonth: 1, stin: STIN, pos: '27', rt: 5, txval: p('600') }),
      row('ecoab2c', { fy: 2024, omonth: 1, stin: STIN, pos: '27', rt: 18, txval: p('100') }),
      row('ecoaurp2c', { fy: 2024, omonth: 12, pos: '27', rt: 5, txval: p('2000') }),
    ]);
    expect(json).toEqual({
      b2ca: [{ pos: '27', posItms: [{ stin: STIN, omon: '012025', sply_ty: 'INTER', itms: [{ rt: 5, txval: 600, iamt: 30, csamt: 0 }, { rt: 18, txval: 100, iamt: 18, csamt: 0 }] }] }],
      urp2ca: [{ pos: '27', omon: '122024', sply_ty: 'INTRA', itms: [{ rt: 5, txval: 2000, camt: 50, samt: 50, csamt: 0 }] }],
    });
  });

  it('round-trips through template rows', () => {
    const first = mapRows('ecoma', [
      row('ecoab2b', { stin: STIN, ctin: RTIN, oinum: 'A1', oidt: '2025-01-05', inum: 'A2', idt: '2025-03-05', val: p('118'), pos: '27', docTyp: 'DE', rt: 18, txval: p('100') }),
      row('ecoab2c', { fy: 2024, omonth: 1, stin: STIN, pos: '27', rt: 5, txval: p('600'), csamt: p('1') }),
      row('ecoaurp2c', { fy: 2024, omonth: 12, pos: '07', rt: 5, txval: p('2000') }),
    ]);
    const { mapped } = roundTrip('ecoma', first.json);
    expect(mapped.json).toEqual(first.json);
  });
});
