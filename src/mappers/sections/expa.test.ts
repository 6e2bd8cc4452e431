import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../../model/fields.js';
import { mapRows, p, roundTrip } from '../test-helpers.js';
import type { SheetRow } from '../types.js';

const line = (v: Partial<FieldValues>): SheetRow => ({
  sheet: 'expa',
  values: {
    expTyp: 'WOPAY', oinum: 'EX/1', oidt: '2025-01-05', inum: 'EX/1R', idt: '2025-02-05', val: p('100000'),
    rt: 18, txval: p('100000'), ...v,
  },
});

describe('expa', () => {
  it('adds the original invoice number and date; WOPAY no tax, WPAY IGST', () => {
    const { json, findings } = mapRows('expa', [
      line({ txval: p('40000'), csamt: p('9') }),
      line({ txval: p('60000') }),
      line({ expTyp: 'WPAY', oinum: 'EX/2', inum: 'EX/2R', sbnum: '123', sbdt: '2025-02-06', rt: 0.1, txval: p('1000') }),
    ]);
    expect(findings.items).toEqual([]);
    expect(json).toEqual([
      { exp_typ: 'WOPAY', inv: [{ oinum: 'EX/1', oidt: '05-01-2025', inum: 'EX/1R', idt: '05-02-2025', val: 100000, itms: [{ txval: 100000, rt: 18, iamt: 0, csamt: 0 }] }] },
      {
        exp_typ: 'WPAY',
        inv: [{
          oinum: 'EX/2', oidt: '05-01-2025', inum: 'EX/2R', idt: '05-02-2025', val: 100000, sbnum: '123', sbdt: '06-02-2025',
          itms: [{ txval: 1000, rt: 0.1, iamt: 1, csamt: 0 }],
        }],
      },
    ]);
  });

  it('rejects a line with another original date', () => {
    const { accepted, findings } = mapRows('expa', [line({}), line({ oidt: '2025-01-06' })]);
    expect(accepted).toEqual([true, false]);
    expect(findings.items[0]).toMatchObject({ code: 'DOC_FIELD_MISMATCH', column: 'Original Invoice date' });
  });

  it('round-trips through template rows', () => {
    const first = mapRows('expa', [line({ sbpcode: 'INBOM4' }), line({ sbpcode: 'INBOM4', rt: 5 }), line({ expTyp: 'WPAY', inum: 'EX/3R', oinum: 'EX/3' })]);
    const { mapped } = roundTrip('expa', first.json);
    expect(mapped.json).toEqual(first.json);
  });
});
