import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../../model/fields.js';
import { mapRows, p, returnCtx, roundTrip } from '../test-helpers.js';
import type { SheetRow } from '../types.js';

const BUYER = '27AAACR5055K1Z7';

const line = (v: Partial<FieldValues>): SheetRow => ({
  sheet: 'cdnr',
  values: {
    ctin: BUYER, ntNum: 'CN/1', ntDt: '2025-03-10', ntty: 'C', pos: '27', invTyp: 'R', val: p('1180'),
    rt: 18, txval: p('1000'), ...v,
  },
});

describe('cdnr', () => {
  it('groups notes by recipient under `nt`, sums repeated rates and splits intra-State tax', () => {
    const { json, findings } = mapRows('cdnr', [
      line({ rt: 5, txval: p('10.10') }),
      line({ rt: 5, txval: p('10.10') }),
      line({ rt: 18, txval: p('1000') }),
    ]);
    expect(findings.items).toEqual([]);
    expect(json).toEqual([
      {
        ctin: BUYER,
        nt: [{
          ntty: 'C', nt_num: 'CN/1', nt_dt: '10-03-2025', val: 1180, pos: '27', rchrg: 'N', inv_typ: 'R',
          itms: [
            // 20.20 × 5 % = 1.01 → 0.505 each → 0.51 (half-up)
            { num: 1, itm_det: { rt: 5, txval: 20.2, camt: 0.51, samt: 0.51, csamt: 0 } },
            { num: 2, itm_det: { rt: 18, txval: 1000, camt: 90, samt: 90, csamt: 0 } },
          ],
        }],
      },
    ]);
  });

  it('writes amounts entered as negative figures as positive ones', () => {
    const { json } = mapRows('cdnr', [
      line({ ntty: 'C', val: -p('1180'), txval: -p('600'), csamt: -p('5') }),
      line({ ntty: 'C', val: -p('1180'), txval: -p('400') }),
    ]);
    expect(json).toMatchObject([{ nt: [{ val: 1180, itms: [{ itm_det: { rt: 18, txval: 1000, camt: 90, samt: 90, csamt: 5 } }] }] }]);
  });

  it('taxes by note supply type (SEWP and CBW IGST, SEWOP none) and always IGST for an SEZ supplier', () => {
    const { json } = mapRows('cdnr', [
      line({ ntNum: 'A', invTyp: 'SEWP' }),
      line({ ntNum: 'B', invTyp: 'SEWOP', csamt: p('3') }),
      line({ ntNum: 'C', ntty: 'D', invTyp: 'CBW', rchrg: 'Y' }),
    ]);
    const dets = (json as { nt: { itms: { itm_det: unknown }[] }[] }[])[0]!.nt.map((n) => n.itms[0]!.itm_det);
    expect(dets).toEqual([
      { rt: 18, txval: 1000, iamt: 180, csamt: 0 },
      { rt: 18, txval: 1000, iamt: 0, csamt: 0 },
      { rt: 18, txval: 1000, iamt: 180, csamt: 0 },
    ]);
    const sez = mapRows('cdnr', [line({})], returnCtx({ sez: true }));
    expect(sez.json).toMatchObject([{ nt: [{ itms: [{ itm_det: { iamt: 180 } }] }] }]);
  });

  it('rejects a line with another note type, with DOC_FIELD_MISMATCH', () => {
    const { accepted, findings } = mapRows('cdnr', [line({}), line({ ntty: 'D', rt: 5 })]);
    expect(accepted).toEqual([true, false]);
    expect(findings.items).toEqual([
      expect.objectContaining({ code: 'DOC_FIELD_MISMATCH', row: 6, column: 'Note Type', params: { document: 'CN/1', firstRow: 5, expected: 'C' } }),
    ]);
  });

  it('round-trips through template rows', () => {
    const first = mapRows('cdnr', [
      line({ rt: 5, txval: p('10.10') }),
      line({ rt: 12, txval: p('7'), csamt: p('0.70') }),
      line({ ctin: '29AAACR5055K1ZX', ntNum: 'DN/4', ntty: 'D', pos: '29', diffPercent: 65, rchrg: 'Y' }),
    ]);
    const { rows, mapped } = roundTrip('cdnr', first.json);
    expect(rows).toHaveLength(3);
    expect(rows[2]!.values).toMatchObject({ ctin: '29AAACR5055K1ZX', ntNum: 'DN/4', ntty: 'D', rchrg: 'Y', diffPercent: 65 });
    expect(mapped.json).toEqual(first.json);
  });
});
