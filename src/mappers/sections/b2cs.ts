/**
 * b2cs (Table 7), sheet `b2cs`: supplies to unregistered persons other than B2CL, one flat
 * record per type × place of supply × applicable % × e-commerce GSTIN × rate. Rows sharing
 * these are summed, and tax is computed on the sum. Taxable value may be negative (net of B2C
 * credit notes). INTRA when the place of supply is the supplier's own state (never for an SEZ).
 *   sheet rows: OE | 27-Maharashtra | | 18 | 600 |       and      OE | 27-Maharashtra | | 18 | 400 |
 *   JSON:       {sply_ty:"INTRA", pos:"27", typ:"OE", rt:18, txval:1000, camt:90, samt:90, csamt:0}
 */
import { diffPercentFromJson, diffPercentJson, splyTy } from '../convert.js';
import { rateLineValues, rateSummaryMapper } from '../summary.js';

export default rateSummaryMapper({
  key: 'b2cs',
  sheet: 'b2cs',
  headFields: ['typ', 'pos', 'diffPercent', 'etin'],
  amount: 'txval',
  toJson: (h, items, inter) =>
    items.map((it) => ({
      sply_ty: splyTy(inter),
      pos: h.pos,
      typ: h.typ,
      ...it,
      ...diffPercentJson(h.diffPercent),
      ...(h.etin ? { etin: h.etin } : {}),
    })),
  fromJson: (r) => [
    {
      typ: r.typ as string,
      pos: r.pos as string,
      diffPercent: diffPercentFromJson(r.diff_percent),
      ...(r.etin ? { etin: r.etin as string } : {}),
      ...rateLineValues(r, 'txval'),
    },
  ],
});
