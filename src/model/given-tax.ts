/**
 * A row that gives its tax amounts (a JSON read through to-excel, a register's tax columns): at
 * least one of the three heads is there. Such a row's heads are kept as given, not worked out from
 * taxable value and rate; the mappers and rules ask it the same way.
 */
import type { Field, FieldValues } from './fields.js';

type Heads = Partial<Pick<FieldValues, 'iamt' | 'camt' | 'samt'>>;

export function givesTax(v: Heads): boolean {
  return v.iamt !== undefined || v.camt !== undefined || v.samt !== undefined;
}

/** The tax cell a finding about a row's given (or missing) amounts points at: the first head given, else Integrated Tax. */
export function taxCell(v: Heads): Field {
  return v.iamt !== undefined ? 'iamt' : v.camt !== undefined ? 'camt' : v.samt !== undefined ? 'samt' : 'iamt';
}
