/**
 * Returns exported with negative amounts. ERPNext keeps a credit note as a Sales Invoice with
 * Is Return = 1 whose quantities and amounts are negative (Net Total -10,000, tax -900, Grand
 * Total -11,800); GSTR-1 reports a note with positive amounts, its type saying which way it goes.
 * A layout with `negativeReturns` has each credit-note line judged on the amounts it fills itself
 * (a Grand Total inherited from the note's first line was judged there):
 * - every amount negative (or 0): the note's amounts are their magnitudes;
 * - every amount positive: read as given, with a warning (the export's returns are negative, so
 *   this one was not made the way the export makes them);
 * - negative and positive amounts on one line: nothing says which is right, so the line is not
 *   read (an error at the first cell whose sign differs from the first amount's).
 */
import type { RegisterField } from './fields.js';
import type { RowValues } from './coerce.js';

/** The amount fields of a line, in the order their cells are judged. */
export const RETURN_AMOUNTS = ['txval', 'iamt', 'camt', 'samt', 'csamt', 'val'] as const satisfies readonly RegisterField[];
type Amount = (typeof RETURN_AMOUNTS)[number];

export type ReturnSigns =
  | { readonly kind: 'none' | 'negative' | 'positive' }
  /** `field` has the other sign than `first`, the first amount filled */
  | { readonly kind: 'mixed'; readonly first: Amount; readonly field: Amount };

/** The amount fields a row fills itself (before it inherits its document's). */
export function ownAmounts(v: RowValues): Set<Amount> {
  return new Set(RETURN_AMOUNTS.filter((f) => v[f] !== undefined));
}

/** The signs of the amounts a line fills itself; zeros say nothing. */
export function returnSigns(v: RowValues, own: ReadonlySet<Amount>): ReturnSigns {
  let first: Amount | undefined;
  for (const f of RETURN_AMOUNTS) {
    const n = v[f];
    if (!own.has(f) || n === undefined || n === 0) continue;
    if (first === undefined) first = f;
    else if (Math.sign(n) !== Math.sign(v[first]!)) return { kind: 'mixed', first, field: f };
  }
  if (first === undefined) return { kind: 'none' };
  return { kind: v[first]! < 0 ? 'negative' : 'positive' };
}

/** A return's negative amounts (and quantity) read as the note's own, positive. */
export function readAsNote(v: RowValues, own: ReadonlySet<Amount>): void {
  for (const f of RETURN_AMOUNTS) {
    const n = v[f];
    if (own.has(f) && n !== undefined && n < 0) v[f] = -n;
  }
  if (v.qty?.qty.startsWith('-')) v.qty = { ...v.qty, qty: v.qty.qty.slice(1) };
}
