/**
 * Tax periods as the catalogue prints them. A finding carries the period as the portal spells it
 * (`MMYYYY`, e.g. 102025: data a program can compare); a person reads "October 2025". A
 * quarterly (QRMP) filer's return is for a quarter, named by its last month (092025) with
 * `quarterly` set: "July–September 2025 (Q2 of 2025-26)", the financial-year quarter the
 * --period Q2-2025-26 flag names. Anything that is not a period is printed as it came.
 */
import { MONTHS } from '../../model/labels.js';
import { fyLabel, fyStartYear, parsePeriod } from '../../model/period.js';

const monthWord = (month: number) => {
  const m = MONTHS[month - 1]!;
  return `${m[0]}${m.slice(1).toLowerCase()}`;
};

export function periodInWords(period: unknown, quarterly?: unknown): string {
  const text = period === undefined ? '' : String(period);
  const p = /^\d{6}$/.test(text) ? parsePeriod(text) : undefined;
  if (!p) return text;
  if (quarterly !== true || p.month % 3 !== 0) return `${monthWord(p.month)} ${p.year}`;
  // a quarter of the financial year (April–June is Q1) never spans two calendar years
  const quarter = (((p.month + 8) % 12) + 1) / 3;
  return `${monthWord(p.month - 2)}–${monthWord(p.month)} ${p.year} (Q${quarter} of ${fyLabel(fyStartYear(p))})`;
}
