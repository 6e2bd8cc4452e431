import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../../model/fields.js';
import { mapRows, p, roundTrip } from '../test-helpers.js';
import type { SheetRow } from '../types.js';

const line = (v: Partial<FieldValues>): SheetRow => ({
  sheet: 'b2cla',
  values: {
    oinum: 'B/1', oidt: '2025-01-05', opos: '29', inum: 'B/1R', idt: '2025-02-05', val: p('236000'),
    rt: 18, txval: p('200000'), ...v,
  },
});

describe('b2cla', () => {
  it('groups by the original place of supply and carries the original number and date', () => {
    const { json, findings } = mapRows('b2cla', [
      line({ txval: p('150000') }),
      line({ txval: p('50000'), csamt: p('10') }),
      line({ inum: 'B/2R', oinum: 'B/2', opos: '33', rt: 5, txval: p('10.10') }),
    ]);
    expect(findings.items).toEqual([]);
    expect(json).toEqual([
      {
        pos: '29',
        inv: [{
          oinum: 'B/1', oidt: '05-01-2025', inum: 'B/1R', idt: '05-02-2025', val: 236000,
          itms: [{ num: 1, itm_det: { rt: 18, txval: 200000, iamt: 36000, csamt: 10 } }],
        }],
      },
      {
        pos: '33',
        inv: [{
          oinum: 'B/2', oidt: '05-01-2025', inum: 'B/2R', idt: '05-02-2025', val: 236000,
          itms: [{ num: 1, itm_det: { rt: 5, txval: 10.1, iamt: 0.51, csamt: 0 } }],
        }],
      },
    ]);
  });

  it('rejects a line whose original place of supply differs', () => {
    const { accepted, findings } = mapRows('b2cla', [line({}), line({ opos: '33' })]);
    expect(accepted).toEqual([true, false]);
    expect(findings.items[0]).toMatchObject({ code: 'DOC_FIELD_MISMATCH', column: 'Original Place Of Supply' });
  });

  it('round-trips through template rows', () => {
    const first = mapRows('b2cla', [line({ diffPercent: 65 }), line({ diffPercent: 65, rt: 28, txval: p('1') })]);
    const { rows, mapped } = roundTrip('b2cla', first.json);
    expect(rows[0]!.values).toMatchObject({ opos: '29', oinum: 'B/1', inum: 'B/1R', diffPercent: 65 });
    expect(mapped.json).toEqual(first.json);
  });
});
