import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../../model/fields.js';
import { mapRows, p, roundTrip } from '../test-helpers.js';
import type { SheetRow } from '../types.js';

const line = (v: Partial<FieldValues>): SheetRow => ({
  sheet: 'cdnura',
  values: {
    urType: 'B2CL', ontNum: 'CN/9', ontDt: '2025-01-10', ntNum: 'CN/9R', ntDt: '2025-02-10', ntty: 'C', pos: '29',
    val: p('11800'), rt: 18, txval: p('10000'), ...v,
  },
});

describe('cdnura', () => {
  it('adds the original note number and date to a cdnur note', () => {
    const { json, findings } = mapRows('cdnura', [
      line({ txval: p('4000') }),
      line({ txval: p('6000') }),
      line({ urType: 'EXPWOP', ontNum: 'E/1', ntNum: 'E/1R', pos: undefined, rt: 0, txval: p('500') }),
    ]);
    expect(findings.items).toEqual([]);
    expect(json).toEqual([
      {
        typ: 'B2CL', ntty: 'C', ont_num: 'CN/9', ont_dt: '10-01-2025', nt_num: 'CN/9R', nt_dt: '10-02-2025', val: 11800, pos: '29',
        itms: [{ num: 1, itm_det: { rt: 18, txval: 10000, iamt: 1800, csamt: 0 } }],
      },
      {
        typ: 'EXPWOP', ntty: 'C', ont_num: 'E/1', ont_dt: '10-01-2025', nt_num: 'E/1R', nt_dt: '10-02-2025', val: 11800,
        itms: [{ num: 1, itm_det: { rt: 0, txval: 500, iamt: 0, csamt: 0 } }],
      },
    ]);
  });

  it('rejects a line with another original note number', () => {
    const { accepted, findings } = mapRows('cdnura', [line({}), line({ ontNum: 'CN/8' })]);
    expect(accepted).toEqual([true, false]);
    expect(findings.items[0]).toMatchObject({ code: 'DOC_FIELD_MISMATCH', column: 'Original Note Number' });
  });

  it('round-trips through template rows', () => {
    const first = mapRows('cdnura', [line({ diffPercent: 65, rt: 5, txval: p('10.10') }), line({ urType: 'EXPWP', ntNum: 'X/1R', ontNum: 'X/1', pos: undefined })]);
    const { mapped } = roundTrip('cdnura', first.json);
    expect(mapped.json).toEqual(first.json);
  });
});
