/**
 * cdnura (Table 9C, amendments of 9B unregistered), sheet `cdnura`: revised notes to
 * unregistered persons, a flat list, with the original note number and date. Rules as cdnur.
 *   sheet row: EXPWOP | CN/9 | 10-Feb-2025 | CN/9R | 10-Mar-2025 | C | | 10000 | | 0 | 10000 |
 *   JSON:      {typ:"EXPWOP", ntty:"C", ont_num:"CN/9", ont_dt:"10-02-2025", nt_num:"CN/9R", nt_dt:"10-03-2025",
 *               val:10000, itms:[{num:1, itm_det:{rt:0, txval:10000, iamt:0, csamt:0}}]}
 */
import { fromPortalDate, toPortalDate } from '../convert.js';
import { documentMapper } from '../document.js';
import { noteJson, noteValues, unregisteredNote } from './cdnur.js';

export default documentMapper({
  key: 'cdnura',
  sheet: 'cdnura',
  number: 'ntNum',
  docFields: ['urType', 'ontNum', 'ontDt', 'ntDt', 'ntty', 'pos', 'val', 'diffPercent'],
  ...unregisteredNote,
  docJson: (v) => ({
    typ: v.urType,
    ntty: v.ntty,
    ont_num: v.ontNum,
    ont_dt: toPortalDate(v.ontDt!),
    ...noteJson(v),
  }),
  docValues: (d) => ({
    ...noteValues(d),
    ontNum: d.ont_num as string,
    ontDt: fromPortalDate(d.ont_dt as string),
  }),
});
