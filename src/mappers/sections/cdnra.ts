/**
 * cdnra (Table 9C, amendments of 9B registered), sheet `cdnra`: revised notes to registered
 * recipients, grouped by recipient (list key `nt`), with the original note number and date.
 * Amounts positive, as in cdnr.
 *   sheet row: 27AAACR5055K1Z7 | | CN/7 | 10-Feb-2025 | CN/7R | 10-Mar-2025 | C | 27-Maharashtra | N | Regular B2B | 1180 | | 18 | 1000
 *   JSON:      {ctin:"27AAACR5055K1Z7", nt:[{ntty:"C", ont_num:"CN/7", ont_dt:"10-02-2025", nt_num:"CN/7R",
 *               nt_dt:"10-03-2025", val:1180, pos:"27", rchrg:"N", inv_typ:"R",
 *               itms:[{num:1, itm_det:{rt:18, txval:1000, camt:90, samt:90, csamt:0}}]}]}
 */
import { fromPortalDate, toPortalDate } from '../convert.js';
import { documentMapper } from '../document.js';
import { cdnrSpec } from './cdnr.js';

export default documentMapper({
  ...cdnrSpec,
  key: 'cdnra',
  sheet: 'cdnra',
  docFields: ['ontNum', 'ontDt', ...cdnrSpec.docFields],
  docJson: (v) => {
    const { ntty, ...rest } = cdnrSpec.docJson(v);
    return { ntty, ont_num: v.ontNum, ont_dt: toPortalDate(v.ontDt!), ...rest };
  },
  docValues: (d, ctin) => ({ ...cdnrSpec.docValues(d, ctin), ontNum: d.ont_num as string, ontDt: fromPortalDate(d.ont_dt as string) }),
});
