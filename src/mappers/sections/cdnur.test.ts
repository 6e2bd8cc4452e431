import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../../model/fields.js';
import { mapRows, p, roundTrip } from '../test-helpers.js';
import type { SheetRow } from '../types.js';

const line = (v: Partial<FieldValues>): SheetRow => ({
  sheet: 'cdnur',
  values: { urType: 'B2CL', ntNum: 'CN/9', ntDt: '2025-03-10', ntty: 'C', pos: '29', val: p('11800'), rt: 18, txval: p('10000'), ...v },
});

describe('cdnur', () => {
  it('is a flat list of notes, IGST only, with the place of supply for B2CL notes', () => {
    const { json, findings } = mapRows('cdnur', [
      line({ rt: 5, txval: p('10.10') }),
      line({ rt: 5, txval: p('10.10'), csamt: p('1') }),
      line({ ntNum: 'CN/10', pos: '27', diffPercent: 65, rt: 5, txval: p('10000') }),
    ]);
    expect(findings.items).toEqual([]);
    expect(json).toEqual([
      {
        typ: 'B2CL', ntty: 'C', nt_num: 'CN/9', nt_dt: '10-03-2025', val: 11800, pos: '29',
        itms: [{ num: 1, itm_det: { rt: 5, txval: 20.2, iamt: 1.01, csamt: 1 } }],
      },
      {
        // IGST even with the supplier's own state as POS (a validator reports that)
        typ: 'B2CL', ntty: 'C', nt_num: 'CN/10', nt_dt: '10-03-2025', val: 11800, pos: '27', diff_percent: 0.65,
        itms: [{ num: 1, itm_det: { rt: 5, txval: 10000, iamt: 325, csamt: 0 } }],
      },
    ]);
  });

  it('omits the place of supply on export notes, and EXPWOP notes carry no tax', () => {
    const { json } = mapRows('cdnur', [
      line({ urType: 'EXPWP', ntNum: 'E/1', pos: undefined, csamt: p('4') }),
      line({ urType: 'EXPWOP', ntNum: 'E/2', pos: '29', csamt: p('4') }),
    ]);
    expect(json).toEqual([
      { typ: 'EXPWP', ntty: 'C', nt_num: 'E/1', nt_dt: '10-03-2025', val: 11800, itms: [{ num: 1, itm_det: { rt: 18, txval: 10000, iamt: 1800, csamt: 4 } }] },
      { typ: 'EXPWOP', ntty: 'C', nt_num: 'E/2', nt_dt: '10-03-2025', val: 11800, itms: [{ num: 1, itm_det: { rt: 18, txval: 10000, iamt: 0, csamt: 0 } }] },
    ]);
  });

  it('writes negative entries as positive amounts', () => {
    const { json } = mapRows('cdnur', [line({ val: -p('11800'), txval: -p('10000') })]);
    expect(json).toMatchObject([{ val: 11800, itms: [{ itm_det: { txval: 10000, iamt: 1800 } }] }]);
  });

  it('rejects a line with another UR type', () => {
    const { accepted, findings } = mapRows('cdnur', [line({}), line({ urType: 'EXPWP' })]);
    expect(accepted).toEqual([true, false]);
    expect(findings.items[0]).toMatchObject({ code: 'DOC_FIELD_MISMATCH', column: 'UR Type', params: { document: 'CN/9', expected: 'B2CL' } });
  });

  it('round-trips through template rows', () => {
    const first = mapRows('cdnur', [
      line({ rt: 5, txval: p('10.10') }),
      line({ rt: 12, txval: p('3'), csamt: p('0.03') }),
      line({ urType: 'EXPWOP', ntNum: 'E/2', pos: undefined, ntty: 'D' }),
      line({ urType: 'EXPWP', ntNum: 'E/3', pos: undefined, rt: 0.1, txval: p('100') }),
    ]);
    const { rows, mapped } = roundTrip('cdnur', first.json);
    expect(rows[2]!.values).toEqual({ urType: 'EXPWOP', ntty: 'D', ntNum: 'E/2', ntDt: '2025-03-10', val: p('11800'), diffPercent: 100, rt: 18, txval: p('10000'), iamt: 0 });
    expect(mapped.json).toEqual(first.json);
  });
});
