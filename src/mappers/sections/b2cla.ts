/**
 * b2cla (Table 9A, amendments of Table 5), sheet `b2cla`: revised B2CL invoices, grouped by the
 * ORIGINAL place of supply ("Original Place Of Supply"). Always IGST; no `inv_typ`.
 *   sheet row: INV/101 | 05-Feb-2025 | 29-Karnataka | INV/101R | 05-Mar-2025 | 236000 | | 18 | 200000 | |
 *   JSON:      {pos:"29", inv:[{oinum:"INV/101", oidt:"05-02-2025", inum:"INV/101R", idt:"05-03-2025", val:236000,
 *               itms:[{num:1, itm_det:{rt:18, txval:200000, iamt:36000, csamt:0}}]}]}
 */
import { amt, diffPercentFromJson, diffPercentJson, fromPortalDate, paise, toPortalDate } from '../convert.js';
import { documentMapper } from '../document.js';

export default documentMapper({
  key: 'b2cla',
  sheet: 'b2cla',
  number: 'inum',
  docFields: ['oinum', 'oidt', 'opos', 'idt', 'val', 'diffPercent', 'etin'],
  group: { jsonKey: 'pos', field: 'opos' },
  listKey: 'inv',
  itemStyle: 'wrapped',
  tax: () => ({ inter: true, noTax: false }),
  docJson: (v) => ({
    oinum: v.oinum,
    oidt: toPortalDate(v.oidt!),
    inum: v.inum,
    idt: toPortalDate(v.idt!),
    val: amt(v.val!),
    ...diffPercentJson(v.diffPercent),
    ...(v.etin ? { etin: v.etin } : {}),
  }),
  docValues: (d, opos) => ({
    oinum: d.oinum as string,
    oidt: fromPortalDate(d.oidt as string),
    opos: opos!,
    inum: d.inum as string,
    idt: fromPortalDate(d.idt as string),
    val: paise(d.val),
    diffPercent: diffPercentFromJson(d.diff_percent),
    ...(d.etin ? { etin: d.etin as string } : {}),
  }),
});
