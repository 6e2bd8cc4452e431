/**
 * b2csa (Table 10, amendments of Table 7), sheet `b2csa`: revised B2C (others) figures, one
 * record per original month × place of supply × type × applicable % × e-commerce GSTIN, with one
 * item per rate (rows with the same rate are summed; tax is computed on the sum).
 *   sheet row: 2024-25 | JANUARY | 29-Karnataka | OE | | 5 | 10.10 |
 *   JSON:      {omon:"012025", sply_ty:"INTER", typ:"OE", pos:"29",
 *               itms:[{rt:5, txval:10.1, iamt:0.51, csamt:0}]}
 */
import { diffPercentFromJson, diffPercentJson, fromOmon, omon, splyTy } from '../convert.js';
import { rateLineValues, rateSummaryMapper } from '../summary.js';

export default rateSummaryMapper({
  key: 'b2csa',
  sheet: 'b2csa',
  headFields: ['fy', 'omonth', 'pos', 'typ', 'diffPercent', 'etin'],
  amount: 'txval',
  toJson: (h, items, inter) => [
    {
      omon: omon(h.fy!, h.omonth!),
      sply_ty: splyTy(inter),
      typ: h.typ,
      pos: h.pos,
      ...diffPercentJson(h.diffPercent),
      ...(h.etin ? { etin: h.etin } : {}),
      itms: items,
    },
  ],
  fromJson: (r) => {
    const head = {
      ...fromOmon(r.omon as string),
      pos: r.pos as string,
      typ: r.typ as string,
      diffPercent: diffPercentFromJson(r.diff_percent),
      ...(r.etin ? { etin: r.etin as string } : {}),
    };
    return ((r.itms as Record<string, unknown>[]) ?? []).map((it) => ({ ...head, ...rateLineValues(it, 'txval') }));
  },
});
