/**
 * cdnr (Table 9B, registered), sheet `cdnr`: credit and debit notes to registered recipients,
 * grouped by recipient (list key `nt`). Amounts are written as positive figures whatever sign
 * the sheet used: the note type (C/D) says which way they go.
 *   sheet row: 27AAACR5055K1Z7 | | CN/7 | 10-Mar-2025 | C | 27-Maharashtra | N | Regular B2B | 1180 | | 18 | 1000
 *   JSON:      {ctin:"27AAACR5055K1Z7", nt:[{ntty:"C", nt_num:"CN/7", nt_dt:"10-03-2025", val:1180, pos:"27",
 *               rchrg:"N", inv_typ:"R", itms:[{num:1, itm_det:{rt:18, txval:1000, camt:90, samt:90, csamt:0}}]}]}
 */
import { addDiffPercent, amt, diffPercentFromJson, fromPortalDate, paise, toPortalDate } from '../convert.js';
import { noTaxType } from '../../model/no-tax.js';
import { isInterState } from '../../model/return.js';
import { documentMapper, type DocumentSectionSpec } from '../document.js';
import { cdnrShortcut } from '../document-shortcut.js';

/** Shared with cdnra, which adds the original note number and date. */
export const cdnrSpec: DocumentSectionSpec = {
  key: 'cdnr',
  sheet: 'cdnr',
  number: 'ntNum',
  docFields: ['ctin', 'ntDt', 'ntty', 'pos', 'rchrg', 'invTyp', 'val', 'diffPercent'],
  group: { jsonKey: 'ctin', field: 'ctin' },
  listKey: 'nt',
  itemStyle: 'wrapped',
  positive: true,
  tax: (ctx, v) => ({ inter: isInterState(ctx, v.pos, v.invTyp), noTax: noTaxType(v) !== undefined }),
  docJson: (v) => {
    const json: Record<string, unknown> = {
      ntty: v.ntty, nt_num: v.ntNum, nt_dt: toPortalDate(v.ntDt!), val: amt(Math.abs(v.val!)), pos: v.pos,
      rchrg: v.rchrg ?? 'N', inv_typ: v.invTyp,
    };
    addDiffPercent(json, v.diffPercent);
    return json;
  },
  docValues: (d, ctin) => ({
    ctin: ctin!,
    ntty: d.ntty as string,
    ntNum: d.nt_num as string,
    ntDt: fromPortalDate(d.nt_dt as string),
    val: paise(d.val),
    pos: d.pos as string,
    rchrg: d.rchrg as string,
    invTyp: d.inv_typ as string,
    diffPercent: diffPercentFromJson(d.diff_percent),
  }),
};

// cdnr has a shortcut past the schema check of each note, as b2b has (cdnra, spreading this spec, has none)
export default documentMapper(cdnrSpec, cdnrShortcut);
