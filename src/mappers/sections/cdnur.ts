/**
 * cdnur (Table 9B, unregistered), sheet `cdnur`: notes to unregistered persons, a flat list.
 * IGST only. `typ` is the UR Type: B2CL notes carry the place of supply; export notes
 * (EXPWP/EXPWOP) never do, and EXPWOP notes carry no tax. Amounts positive, as in cdnr.
 *   sheet row: B2CL | CN/9 | 10-Mar-2025 | C | 29-Karnataka | 11800 | | 18 | 10000 |
 *   JSON:      {typ:"B2CL", ntty:"C", nt_num:"CN/9", nt_dt:"10-03-2025", val:11800, pos:"29",
 *               itms:[{num:1, itm_det:{rt:18, txval:10000, iamt:1800, csamt:0}}]}
 */
import type { FieldValues } from '../../model/fields.js';
import { noTaxType } from '../../model/no-tax.js';
import { amt, diffPercentFromJson, diffPercentJson, fromPortalDate, paise, toPortalDate } from '../convert.js';
import { documentMapper, type DocumentSectionSpec } from '../document.js';

type Values = Partial<FieldValues>;

/** The parts cdnur and cdnura share: tax, and the note's own fields. */
export const unregisteredNote = {
  itemStyle: 'wrapped',
  positive: true,
  tax: (_ctx, v) => ({ inter: true, noTax: noTaxType(v) !== undefined }),
} as const satisfies Partial<DocumentSectionSpec>;

export function noteJson(v: Values): Record<string, unknown> {
  return {
    nt_num: v.ntNum,
    nt_dt: toPortalDate(v.ntDt!),
    val: amt(Math.abs(v.val!)),
    // export notes have no place of supply
    ...(v.urType === 'B2CL' && v.pos ? { pos: v.pos } : {}),
    ...diffPercentJson(v.diffPercent),
  };
}

export function noteValues(d: Record<string, unknown>): Values {
  return {
    urType: d.typ as string,
    ntty: d.ntty as string,
    ntNum: d.nt_num as string,
    ntDt: fromPortalDate(d.nt_dt as string),
    val: paise(d.val),
    ...(d.pos ? { pos: d.pos as string } : {}),
    diffPercent: diffPercentFromJson(d.diff_percent),
  };
}

export default documentMapper({
  key: 'cdnur',
  sheet: 'cdnur',
  number: 'ntNum',
  docFields: ['urType', 'ntDt', 'ntty', 'pos', 'val', 'diffPercent'],
  ...unregisteredNote,
  docJson: (v) => ({ typ: v.urType, ntty: v.ntty, ...noteJson(v) }),
  docValues: (d) => noteValues(d),
});
