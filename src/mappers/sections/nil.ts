/**
 * nil (Table 8), sheet `exemp`: nil-rated, exempted and non-GST supplies, one line per supply
 * type (the Description, already coerced to its `sply_ty` code). Rows repeating a description are
 * summed. Blank amounts are 0.
 *   sheet row: Intra-State supplies to unregistered persons | 1500 | 250.50 |
 *   JSON:      {inv:[{sply_ty:"INTRAB2C", nil_amt:1500, expt_amt:250.5, ngsup_amt:0}]}
 */
import { amt, paise } from '../convert.js';
import type { SectionMapper, SheetRow } from '../types.js';

interface Sums {
  nil: number;
  expt: number;
  ngsup: number;
}

const mapper: SectionMapper = {
  key: 'nil',
  sheets: ['exemp'],
  create: () => {
    const lines = new Map<string, Sums>();
    return {
      add(row) {
        const v = row.values;
        const ty = v.nilDesc!;
        let s = lines.get(ty);
        if (!s) lines.set(ty, (s = { nil: 0, expt: 0, ngsup: 0 }));
        s.nil += v.nilAmt ?? 0;
        s.expt += v.exptAmt ?? 0;
        s.ngsup += v.ngsupAmt ?? 0;
        return true;
      },
      build() {
        if (lines.size === 0) return undefined;
        const inv = [...lines].map(([sply_ty, s]) => ({
          sply_ty, nil_amt: amt(s.nil), expt_amt: amt(s.expt), ngsup_amt: amt(s.ngsup),
        }));
        return { kind: 'object', parts: { inv } };
      },
    };
  },
  *toRows(json): Generator<SheetRow> {
    const inv = (json as { inv?: Record<string, unknown>[] } | undefined)?.inv;
    if (!Array.isArray(inv)) return;
    for (const l of inv) {
      yield {
        sheet: 'exemp',
        values: { nilDesc: l.sply_ty as string, nilAmt: paise(l.nil_amt), exptAmt: paise(l.expt_amt), ngsupAmt: paise(l.ngsup_amt) },
      };
    }
  },
};

export default mapper;
