/**
 * at (Table 11A(1), 11A(2): advances received), sheet `at`: one object per place of supply ×
 * applicable %, one item per rate `{rt, ad_amt, iamt | camt+samt, csamt}`; rows with the same rate
 * are summed and tax is computed on the sum. Advances may be negative.
 *   sheet row: 27-Maharashtra | | 18 | 5000 |
 *   JSON:      {pos:"27", sply_ty:"INTRA", itms:[{rt:18, ad_amt:5000, camt:450, samt:450, csamt:0}]}
 */
import type { SectionKey, SheetId } from '../../model/sheets.js';
import { diffPercentFromJson, diffPercentJson, fromOmon, omon, splyTy } from '../convert.js';
import { rateLineValues, rateSummaryMapper } from '../summary.js';
import type { SectionMapper } from '../types.js';

/**
 * The four advance sections share one shape: at / txpd (sheet atadj), and their amendments
 * ata / txpda (sheet atadja), which add the original month `omon` and key on the original POS.
 */
export function advanceMapper(key: SectionKey, sheet: SheetId, amended: boolean): SectionMapper {
  return rateSummaryMapper({
    key,
    sheet,
    headFields: amended ? ['fy', 'omonth', 'pos', 'diffPercent'] : ['pos', 'diffPercent'],
    amount: 'adAmt',
    toJson: (h, items, inter) => [
      {
        ...(amended ? { omon: omon(h.fy!, h.omonth!) } : {}),
        pos: h.pos,
        sply_ty: splyTy(inter),
        ...diffPercentJson(h.diffPercent),
        itms: items,
      },
    ],
    fromJson: (r) => {
      const head = {
        ...(amended ? fromOmon(r.omon as string) : {}),
        pos: r.pos as string,
        diffPercent: diffPercentFromJson(r.diff_percent),
      };
      return ((r.itms as Record<string, unknown>[]) ?? []).map((it) => ({ ...head, ...rateLineValues(it, 'adAmt') }));
    },
  });
}

export default advanceMapper('at', 'at', false);
