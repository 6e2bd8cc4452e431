/**
 * A register line's tax amounts against its taxable value × rate. The return carries the tax the
 * taxable value and rate give — in the invoices (as the official template's rows do) and in the
 * derived Tables 12 and 14 alike, so the two always agree — and the portal checks tax against
 * them too. A line whose books show other amounts, beyond rounding, would make the return differ
 * from the books: an error on the register's tax cell (REGISTER_TAX_MISMATCH), with both amounts.
 * A line with every tax cell blank says nothing to compare.
 */
import type { Finding } from '../model/finding.js';
import type { FieldValues } from '../model/fields.js';
import { noTaxType } from '../model/no-tax.js';
import { computeTax, formatPaise, type TaxHeads } from '../model/money.js';
import type { RawCell } from '../parsers/raw.js';
import type { Decision } from './classify.js';
import { cellFinding, type RowPlace } from './coerce.js';
import type { RegisterLine } from './line.js';
import type { RegisterColumns } from './match.js';

/**
 * Rs 1 a head, in paise: rounding each line's tax to the rupee moves it by Rs 0.50 at most (and
 * CGST and SGST each by as much); Rs 1 leaves room for a book that rounds a little differently.
 */
export const LINE_ROUNDING_PAISE = 100;

type Head = keyof TaxHeads;
const HEADS: readonly Head[] = ['iamt', 'camt', 'samt'];

/** The tax heads the return carries for a line (paise, magnitudes): none when it carries no tax. */
export function returnTax(line: RegisterLine, d: Pick<Decision, 'inter' | 'noTax'>): Required<TaxHeads> {
  const t = d.noTax ? {} : computeTax(Math.abs(line.txval), line.rate, d.inter, line.diffPercent);
  return { iamt: t.iamt ?? 0, camt: t.camt ?? 0, samt: t.samt ?? 0 };
}

/**
 * Findings on the tax cells of a line whose amounts the return would not carry. `values` are the
 * line's template values (rows.ts templateValues), undefined when it goes to no template sheet.
 */
export function lineTaxFindings(
  line: RegisterLine, d: Pick<Decision, 'inter' | 'noTax' | 'target'>, place: RowPlace, cols: RegisterColumns, cells: readonly RawCell[],
  values: Partial<FieldValues> | undefined,
): Finding[] {
  if (d.target === 'cancelled' || (line.iamt === undefined && line.camt === undefined && line.samt === undefined)) return [];
  // a supply without payment of tax (SEZ, export under LUT) keeps its given tax on the template row,
  // where RET191150 refuses it at this same cell: one finding, not two
  if (values && noTaxType(values)) return [];
  const expected = returnTax(line, d);
  const given = (head: Head) => Math.abs(line[head] ?? 0);
  const finding = (head: Head, reason: string): Finding => {
    const ref = cols[head];
    return {
      ...cellFinding('REGISTER_TAX_MISMATCH', 'error', place, ref, ref ? cells[ref.col - 1] : undefined),
      params: {
        reason, head, given: formatPaise(given(head)), expected: formatPaise(expected[head]),
        rate: line.rate, headRate: head === 'iamt' ? line.rate : line.rate / 2, txval: formatPaise(Math.abs(line.txval)), ...(line.diffPercent !== 100 ? { diffPercent: line.diffPercent } : {}),
      },
    };
  };
  // IGST on an intra-State supply (or CGST/SGST on an inter-State one) is one wrong head, said once
  if (!d.noTax) {
    const wrong: Head | undefined = d.inter
      ? HEADS.slice(1).find((h) => given(h) > LINE_ROUNDING_PAISE)
      : given('iamt') > LINE_ROUNDING_PAISE ? 'iamt' : undefined;
    if (wrong) return [finding(wrong, d.inter ? 'inter' : 'intra')];
  }
  const out: Finding[] = [];
  for (const head of HEADS) {
    if (Math.abs(given(head) - expected[head]) > LINE_ROUNDING_PAISE) out.push(finding(head, d.noTax ? 'no-tax' : 'amount'));
  }
  return out;
}
