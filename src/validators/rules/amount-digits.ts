/**
 * AMOUNT_DIGITS: the portal's JSON schema bounds amounts: invoice and note values (and an HSN
 * row's Total Value) at 13 integer digits, every other amount (taxable value, taxes, cess, Table 8
 * and advances) at 11, each with 2 decimals. Checked here on the cell, so the finding has a row
 * and a column and the annotated workbook marks it; the structure check (RET191106) then reports
 * only amounts that overflow by adding rows up (see retsave-schema.ts).
 *   pass: taxable value 99,999,999,999.99; fail: 1,00,00,00,00,000.00 (12 digits)
 */
import { FIELD_KINDS, type Field } from '../../model/fields.js';
import { formatPaise } from '../../model/money.js';
import { SHEET_IDS, sheetSpec, type SheetId } from '../../model/sheets.js';
import type { RowRule } from '../types.js';

/** Integer digits the schema allows, by field (schema/retsave.json `value` and `amount`). */
const VALUE_FIELDS: ReadonlySet<Field> = new Set<Field>(['val', 'totalValue']);
const digitsOf = (f: Field) => (VALUE_FIELDS.has(f) ? 13 : 11);
/** Largest magnitude in paise with `digits` integer digits and 2 decimals. */
const limitPaise = (digits: number) => 10 ** (digits + 2) - 1;

/** Money columns of each sheet with their limits, found once (the check runs on every row). */
interface MoneyColumn {
  readonly field: Field;
  readonly digits: number;
  readonly limit: number;
}
const MONEY: Partial<Record<SheetId, readonly MoneyColumn[]>> = {};
for (const id of SHEET_IDS) {
  const fields = sheetSpec(id).columns.map((c) => c.field).filter((f) => FIELD_KINDS[f] === 'money');
  if (fields.length) MONEY[id] = fields.map((field) => ({ field, digits: digitsOf(field), limit: limitPaise(digitsOf(field)) }));
}

const rule: RowRule = {
  kind: 'row',
  code: 'AMOUNT_DIGITS',
  severity: 'error',
  sections: Object.keys(MONEY) as SheetId[],
  source: 'GSTN GSTR-1 retsave JSON schema (schema/retsave.json `value`: 13 digits, `amount`: 11 digits); portal RET191106',
  description: 'Amounts within the portal\'s digit limits: invoice/note value (and HSN Total Value) at most 13 digits before the decimal point, other amounts 11.',
  variants: [{ digits: 11, max: '99999999999.99' }],
  check(row, _ctx, report) {
    const values = row.values as Partial<Record<Field, unknown>>;
    for (const m of MONEY[row.ctx.spec.id]!) {
      const v = values[m.field] as number | undefined;
      if (v !== undefined && (v > m.limit || v < -m.limit)) report(row, m.field, { digits: m.digits, max: formatPaise(m.limit) });
    }
  },
};
export default rule;
