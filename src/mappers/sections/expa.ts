/**
 * expa (Table 9A, amendments of 6A), sheet `expa`: revised export invoices, grouped by export
 * type, with the original number and date. Rules as exp.
 *   sheet row: WOPAY | EX/12 | 05-Feb-2025 | EX/12R | 05-Mar-2025 | 100000 | | | | 18 | 100000 |
 *   JSON:      {exp_typ:"WOPAY", inv:[{oinum:"EX/12", oidt:"05-02-2025", inum:"EX/12R", idt:"05-03-2025",
 *               val:100000, itms:[{txval:100000, rt:18, iamt:0, csamt:0}]}]}
 */
import { fromPortalDate, toPortalDate } from '../convert.js';
import { documentMapper } from '../document.js';
import { exportInvoice, invoiceJson, invoiceValues } from './exp.js';

export default documentMapper({
  key: 'expa',
  sheet: 'expa',
  number: 'inum',
  docFields: ['expTyp', 'oinum', 'oidt', 'idt', 'val', 'sbpcode', 'sbnum', 'sbdt'],
  ...exportInvoice,
  docJson: (v) => ({ oinum: v.oinum, oidt: toPortalDate(v.oidt!), ...invoiceJson(v) }),
  docValues: (d, expTyp) => ({
    ...invoiceValues(d, expTyp),
    oinum: d.oinum as string,
    oidt: fromPortalDate(d.oidt as string),
  }),
});
