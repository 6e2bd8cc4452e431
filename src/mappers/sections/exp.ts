/**
 * exp (Table 6A), sheet `exp`: export invoices, grouped by export type (list key `inv`), with
 * flat items `{txval, rt, iamt, csamt}`. Always IGST; WOPAY (under bond/LUT) carries no tax.
 * No `diff_percent`. Shipping-bill fields are written only when given.
 *   sheet row: WPAY | EX/12 | 05-Mar-2025 | 105000 | INNSA1 | 1234567 | 08-Mar-2025 | 5 | 100000 |
 *   JSON:      {exp_typ:"WPAY", inv:[{inum:"EX/12", idt:"05-03-2025", val:105000, sbpcode:"INNSA1",
 *               sbnum:"1234567", sbdt:"08-03-2025", itms:[{txval:100000, rt:5, iamt:5000, csamt:0}]}]}
 */
import type { FieldValues } from '../../model/fields.js';
import { noTaxType } from '../../model/no-tax.js';
import { amt, fromPortalDate, paise, toPortalDate } from '../convert.js';
import { documentMapper, type DocumentSectionSpec } from '../document.js';
import { expShortcut } from '../document-shortcut.js';

type Values = Partial<FieldValues>;

/** What exp and expa share: grouping, item shape and tax. */
export const exportInvoice = {
  group: { jsonKey: 'exp_typ', field: 'expTyp' },
  listKey: 'inv',
  itemStyle: 'flat',
  tax: (_ctx, v) => ({ inter: true, noTax: noTaxType(v) !== undefined }),
} as const satisfies Partial<DocumentSectionSpec>;

/** Invoice fields after the (original) number: number, date, value, shipping bill. */
export function invoiceJson(v: Values): Record<string, unknown> {
  const json: Record<string, unknown> = { inum: v.inum, idt: toPortalDate(v.idt!), val: amt(v.val!) };
  if (v.sbpcode) json.sbpcode = v.sbpcode;
  if (v.sbnum) json.sbnum = v.sbnum;
  if (v.sbdt) json.sbdt = toPortalDate(v.sbdt);
  return json;
}

export function invoiceValues(d: Record<string, unknown>, expTyp: string | undefined): Values {
  return {
    expTyp: expTyp!,
    inum: d.inum as string,
    idt: fromPortalDate(d.idt as string),
    val: paise(d.val),
    ...(d.sbpcode ? { sbpcode: String(d.sbpcode) } : {}),
    ...(d.sbnum ? { sbnum: String(d.sbnum) } : {}),
    ...(d.sbdt ? { sbdt: fromPortalDate(d.sbdt as string) } : {}),
  };
}

export default documentMapper({
  key: 'exp',
  sheet: 'exp',
  number: 'inum',
  docFields: ['expTyp', 'idt', 'val', 'sbpcode', 'sbnum', 'sbdt'],
  ...exportInvoice,
  docJson: invoiceJson,
  docValues: invoiceValues,
}, expShortcut);
