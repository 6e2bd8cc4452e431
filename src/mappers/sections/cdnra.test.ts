import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../../model/fields.js';
import { mapRows, p, roundTrip } from '../test-helpers.js';
import type { SheetRow } from '../types.js';

const BUYER = '29AAACR5055K1ZX';

const line = (v: Partial<FieldValues>): SheetRow => ({
  sheet: 'cdnra',
  values: {
    ctin: BUYER, ontNum: 'CN/1', ontDt: '2025-01-10', ntNum: 'CN/1R', ntDt: '2025-02-10', ntty: 'C', pos: '29',
    invTyp: 'R', val: p('1180'), rt: 18, txval: p('1000'), ...v,
  },
});

describe('cdnra', () => {
  it('adds the original note number and date, and sums repeated rates', () => {
    const { json, findings } = mapRows('cdnra', [line({ txval: p('250') }), line({ txval: p('750') }), line({ rt: 0, txval: p('5') })]);
    expect(findings.items).toEqual([]);
    expect(json).toEqual([
      {
        ctin: BUYER,
        nt: [{
          ntty: 'C', ont_num: 'CN/1', ont_dt: '10-01-2025', nt_num: 'CN/1R', nt_dt: '10-02-2025', val: 1180, pos: '29',
          rchrg: 'N', inv_typ: 'R',
          itms: [
            { num: 1, itm_det: { rt: 18, txval: 1000, iamt: 180, csamt: 0 } },
            { num: 2, itm_det: { rt: 0, txval: 5, iamt: 0, csamt: 0 } },
          ],
        }],
      },
    ]);
  });

  it('rejects a line with another original note date', () => {
    const { accepted, findings } = mapRows('cdnra', [line({}), line({ ontDt: '2025-01-11' })]);
    expect(accepted).toEqual([true, false]);
    expect(findings.items[0]).toMatchObject({ code: 'DOC_FIELD_MISMATCH', column: 'Original Note Date', params: { expected: '10-01-2025' } });
  });

  it('round-trips through template rows', () => {
    const clean = mapRows('cdnra', [line({ pos: '27', rt: 5, txval: p('10.10') }), line({ ntNum: 'CN/2R', ontNum: 'CN/2', invTyp: 'SEWOP' })]);
    expect(clean.findings.items).toEqual([]);
    const { mapped } = roundTrip('cdnra', clean.json);
    expect(mapped.json).toEqual(clean.json);
  });
});
