/** Value conversions at the portal boundary: dates, amounts, rates, the intra/inter decision. */
import { computeTax, numberToPaise, paiseToNumber, type TaxHeads } from '../model/money.js';
import { StringPool } from '../model/columns.js';

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

/** Portal `dd-mm-yyyy` → ISO `yyyy-mm-dd`. */
export function fromPortalDate(d: string): string {
  return `${d.slice(6, 10)}-${d.slice(3, 5)}-${d.slice(0, 2)}`;
}

export const amt = paiseToNumber;
export const paise = (n: unknown): number => (typeof n === 'number' ? numberToPaise(n) : 0);

/** `diff_percent` is written only for 65 %, and then as 0.65. */
export function diffPercentJson(p: number | undefined): { diff_percent?: number } {
  return p === 65 ? { diff_percent: 0.65 } : {};
}
/** diffPercentJson added to a document's JSON in place. */
export function addDiffPercent(json: Record<string, unknown>, p: number | undefined): void {
  if (p === 65) json.diff_percent = 0.65;
}
export function diffPercentFromJson(d: unknown): number {
  return d === 0.65 ? 65 : 100;
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
