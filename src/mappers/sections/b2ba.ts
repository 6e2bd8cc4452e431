/**
 * b2ba (Table 9A, amendments of 4A/4B/6B/6C), sheet `b2ba`: revised invoices to registered
 * recipients, grouped by recipient; each carries the original number and date.
 *   sheet row: 27AAACR5055K1Z7 | | INV/001 | 05-Mar-2025 | INV/001R | 07-Apr-2025 | 11800 | 27-Maharashtra | N | | Regular B2B | | 18 | 10000
 *   JSON:      {ctin:"27AAACR5055K1Z7", inv:[{oinum:"INV/001", oidt:"05-03-2025", inum:"INV/001R", idt:"07-04-2025",
 *               val:11800, pos:"27", rchrg:"N", inv_typ:"R",
 *               itms:[{num:1, itm_det:{rt:18, txval:10000, camt:900, samt:900, csamt:0}}]}]}
 */
import { fromPortalDate, toPortalDate } from '../convert.js';
import { documentMapper } from '../document.js';
import { b2bSpec } from './b2b.js';

export default documentMapper({
  ...b2bSpec,
  key: 'b2ba',
  sheet: 'b2ba',
  docFields: ['oinum', 'oidt', ...b2bSpec.docFields],
  docJson: (v) => ({ oinum: v.oinum, oidt: toPortalDate(v.oidt!), ...b2bSpec.docJson(v) }),
  docValues: (d, ctin) => ({ ...b2bSpec.docValues(d, ctin), oinum: d.oinum as string, oidt: fromPortalDate(d.oidt as string) }),
});
