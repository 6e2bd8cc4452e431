/** Value conversions at the portal boundary: dates, amounts, rates, the intra/inter decision. */
import { computeTax, paiseToNumber, parseDecimalNumber, type TaxHeads } from '../model/money.js';
import { StringPool } from '../model/columns.js';
import { isCalendarDay } from '../model/period.js';

/** ISO `yyyy-mm-dd` → portal `dd-mm-yyyy`. */
export function toPortalDate(isoDate: string): string {
  let d = portalDates.get(isoDate);
  if (d === undefined) {
    // documents share a few hundred dates: each is spelt once (bounded, for odd inputs); kept
    // copies, as the text may be a slice of a whole input chunk
    d = dateTexts.keep(`${isoDate.slice(8, 10)}-${isoDate.slice(5, 7)}-${isoDate.slice(0, 4)}`);
    if (portalDates.size >= 4096) portalDates.clear();
    portalDates.set(dateTexts.keep(isoDate), d);
  }
  return d;
}
const portalDates = new Map<string, string>();
const dateTexts = new StringPool(8192);

export { isCalendarDay };

const PORTAL_DATE = /^(\d{2})-(\d{2})-(\d{4})$/;

/** Portal `dd-mm-yyyy` → ISO `yyyy-mm-dd`, or undefined when the text is not such a date of the calendar. */
export function portalDateToIso(d: unknown): string | undefined {
  const m = typeof d === 'string' ? PORTAL_DATE.exec(d) : null;
  if (!m || !isCalendarDay(Number(m[3]), Number(m[2]), Number(m[1]))) return undefined;
  return `${m[3]}-${m[2]}-${m[1]}`;
}

/**
 * Portal `dd-mm-yyyy` → ISO `yyyy-mm-dd`. Anything else (an ISO date, 31-09-2025) comes back as
 * it was written: the workbook shows the original text and the JSON's check reports it
 * (json-check.ts), rather than a day it never said.
 */
export function fromPortalDate(d: string): string {
  return portalDateToIso(d) ?? String(d);
}

export const amt = paiseToNumber;
/**
 * A JSON amount in paise (absent: 0). A value that is not a number ("1180.50", true) is passed on
 * as it came, and one with more than 2 decimals as its text (not rounded): never read as 0 or as
 * another amount. The workbook shows it as text, the JSON's check reports it (json-check.ts), and
 * a row holding it is not checked as if it had an amount (json-input.ts).
 */
export function paise(n: unknown): number {
  if (typeof n === 'number') {
    const d = parseDecimalNumber(n);
    return d && d.decimals <= 2 ? d.hundredths : (String(n) as unknown as number);
  }
  return n === undefined || n === null ? 0 : (n as number);
}

/** `diff_percent` is written only for 65 %, and then as 0.65. */
export function diffPercentJson(p: number | undefined): { diff_percent?: number } {
  return p === 65 ? { diff_percent: 0.65 } : {};
}
/** diffPercentJson added to a document's JSON in place. */
export function addDiffPercent(json: Record<string, unknown>, p: number | undefined): void {
  if (p === 65) json.diff_percent = 0.65;
}
/**
 * `diff_percent` → the template's percentage: 0.65 is 65, absent is the full rate. Any other value
 * (65, "0.65") is passed on as it came, never read as the full rate: the JSON's check reports it.
 */
export function diffPercentFromJson(d: unknown): number {
  if (d === 0.65) return 65;
  return d === undefined || d === null ? 100 : (d as number);
}

export function splyTy(inter: boolean): 'INTER' | 'INTRA' {
  return inter ? 'INTER' : 'INTRA';
}

/** The item's tax heads as JSON numbers: `iamt` alone, or `camt` + `samt`; never both. */
export function taxJson(txvalPaise: number, rate: number, inter: boolean, diffPercent: number, noTax = false): Record<string, number> {
  if (noTax) return inter ? { iamt: 0 } : { camt: 0, samt: 0 };
  const t: TaxHeads = computeTax(txvalPaise, rate, inter, diffPercent);
  return t.iamt !== undefined ? { iamt: amt(t.iamt) } : { camt: amt(t.camt!), samt: amt(t.samt!) };
}

/** Financial year start + month → `omon` (MMYYYY of that month in that FY). */
export function omon(fyStart: number, month: number): string {
  const year = month >= 4 ? fyStart : fyStart + 1;
  return `${String(month).padStart(2, '0')}${year}`;
}
export function fromOmon(o: string): { fy: number; omonth: number } {
  const month = Number(o.slice(0, 2));
  const year = Number(o.slice(2));
  return { fy: month >= 4 ? year : year - 1, omonth: month };
}
