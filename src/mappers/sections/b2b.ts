/**
 * b2b (Tables 4A, 4B, 6B, 6C), sheet `b2b,sez,de`: invoices to registered recipients, grouped
 * by recipient.
 *   sheet row: 27AAACR5055K1Z7 | INV/001 | 05-Mar-2025 | 11800 | 27-Maharashtra | N | | Regular B2B | | 18 | 10000
 *   JSON:      {ctin, inv:[{inum, idt:"05-03-2025", val:11800, pos:"27", rchrg:"N", inv_typ:"R",
 *               itms:[{num:1, itm_det:{rt:18, txval:10000, camt:900, samt:900, csamt:0}}]}]}
 */
import { addDiffPercent, amt, diffPercentFromJson, fromPortalDate, paise, toPortalDate } from '../convert.js';
import { noTaxType } from '../../model/no-tax.js';
import { isInterState } from '../../model/return.js';
import { documentMapper, type DocumentSectionSpec } from '../document.js';
import { b2bShortcut } from '../document-shortcut.js';

/** Shared with b2ba, which adds the original invoice number and date. */
export const b2bSpec: DocumentSectionSpec = {
  key: 'b2b',
  sheet: 'b2b',
  number: 'inum',
  docFields: ['ctin', 'idt', 'val', 'pos', 'rchrg', 'diffPercent', 'invTyp', 'etin'],
  group: { jsonKey: 'ctin', field: 'ctin' },
  listKey: 'inv',
  itemStyle: 'wrapped',
  tax: (ctx, v) => ({ inter: isInterState(ctx, v.pos, v.invTyp), noTax: noTaxType(v) !== undefined }),
  docJson: (v) => {
    // one literal, then the optional keys: no spreads on the hot path (see documentJson)
    const json: Record<string, unknown> = {
      inum: v.inum, idt: toPortalDate(v.idt!), val: amt(v.val!), pos: v.pos, rchrg: v.rchrg ?? 'N', inv_typ: v.invTyp,
    };
    addDiffPercent(json, v.diffPercent);
    if (v.etin) json.etin = v.etin;
    return json;
  },
  docValues: (d, ctin) => ({
    ctin: ctin!,
    inum: d.inum as string,
    idt: fromPortalDate(d.idt as string),
    val: paise(d.val),
    pos: d.pos as string,
    rchrg: d.rchrg as string,
    invTyp: d.inv_typ as string,
    diffPercent: diffPercentFromJson(d.diff_percent),
    ...(d.etin ? { etin: d.etin as string } : {}),
  }),
};

// a shortcut past the schema check of each invoice (document-shortcut.ts); b2ba, spreading this spec, has none
export default documentMapper(b2bSpec, b2bShortcut);
