/**
 * b2cl (Table 5), sheet `b2cl`: inter-State invoices to unregistered persons above the B2CL
 * limit, grouped by place of supply. Always IGST. The template has no invoice-type column, so
 * `inv_typ` is never written.
 *   sheet row: INV/101 | 05-Mar-2025 | 236000 | 29-Karnataka | | 18 | 200000 | | 
 *   JSON:      {pos:"29", inv:[{inum:"INV/101", idt:"05-03-2025", val:236000,
 *               itms:[{num:1, itm_det:{rt:18, txval:200000, iamt:36000, csamt:0}}]}]}
 */
import { addDiffPercent, amt, diffPercentFromJson, fromPortalDate, paise, toPortalDate } from '../convert.js';
import { documentMapper } from '../document.js';
import { b2clShortcut } from '../document-shortcut.js';

export default documentMapper({
  key: 'b2cl',
  sheet: 'b2cl',
  number: 'inum',
  docFields: ['idt', 'val', 'pos', 'diffPercent', 'etin'],
  group: { jsonKey: 'pos', field: 'pos' },
  listKey: 'inv',
  itemStyle: 'wrapped',
  tax: () => ({ inter: true, noTax: false }),
  docJson: (v) => {
    const json: Record<string, unknown> = { inum: v.inum, idt: toPortalDate(v.idt!), val: amt(v.val!) };
    addDiffPercent(json, v.diffPercent);
    if (v.etin) json.etin = v.etin;
    return json;
  },
  docValues: (d, pos) => ({
    inum: d.inum as string,
    idt: fromPortalDate(d.idt as string),
    val: paise(d.val),
    pos: pos!,
    diffPercent: diffPercentFromJson(d.diff_percent),
    ...(d.etin ? { etin: d.etin as string } : {}),
  }),
}, b2clShortcut);
