/** Return periods (`MMYYYY` on the wire) and financial-year arithmetic. */

export interface Period {
  readonly month: number; // 1..12
  readonly year: number;
}

/** Parses `MMYYYY` (the portal's `fp`/`ret_period`); also accepts `YYYY-MM`. */
export function parsePeriod(text: string): Period | undefined {
  const t = text.trim();
  let m = /^(\d{2})(\d{4})$/.exec(t);
  let month: number, year: number;
  if (m) {
    month = Number(m[1]);
    year = Number(m[2]);
  } else if ((m = /^(\d{4})-(\d{2})$/.exec(t))) {
    year = Number(m[1]);
    month = Number(m[2]);
  } else return undefined;
  if (month < 1 || month > 12 || year < 2017 || year > 2099) return undefined;
  if (year === 2017 && month < 7) return undefined;
  return { month, year };
}

/**
 * A quarter of a financial year, `Q2-2025-26` (also `2025-26-Q2`, `Q2 2025-26`, any case), as
 * its last month: the `fp` of a quarterly (QRMP) filer's GSTR-1 for the quarter.
 */
export function parseQuarter(text: string): Period | undefined {
  const t = text.trim().toUpperCase().replace(/\s+/g, '-');
  const m = /^Q([1-4])-(\d{4})-(\d{2})$/.exec(t);
  const n = m ? undefined : /^(\d{4})-(\d{2})-Q([1-4])$/.exec(t);
  const [q, start, end] = m ? [m[1], m[2], m[3]] : n ? [n[3], n[1], n[2]] : [];
  if (!q || !start || !end) return undefined;
  const fy = Number(start);
  if ((fy + 1) % 100 !== Number(end)) return undefined;
  const month = ((Number(q) * 3 + 3 - 1) % 12) + 1;
  const period = { month, year: month >= 4 ? fy : fy + 1 };
  return parsePeriod(formatPeriod(period)) && period;
}

/** `MMYYYY`, the portal's spelling. */
export function formatPeriod(p: Period): string {
  return `${String(p.month).padStart(2, '0')}${p.year}`;
}

/** `YYYYMM`, sortable. */
export function periodKey(p: Period): string {
  return `${p.year}${String(p.month).padStart(2, '0')}`;
}

/** ISO date `yyyy-mm-dd` of the last day of the period. */
export function periodLastDay(p: Period): string {
  const d = new Date(Date.UTC(p.year, p.month, 0));
  return d.toISOString().slice(0, 10);
}

export function periodFirstDay(p: Period): string {
  return `${p.year}-${String(p.month).padStart(2, '0')}-01`;
}

/** A day the calendar has (31-09 and 29-02-2025 do not: Date.UTC would roll them over). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** India Standard Time is UTC+5:30 all year (no daylight saving). */
const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;

/**
 * The ISO date (`yyyy-mm-dd`) in India at `now`: the day a return is filed and a document dated.
 * UTC's date is a day behind from 00:00 to 05:30 IST, when a shipping bill dated today in India
 * would read as in the future.
 */
export function indiaToday(now: number = Date.now()): string {
  return new Date(now + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Financial year (April–March) a period or ISO date falls in, as its starting calendar year. */
export function fyStartYear(p: Period): number {
  return p.month >= 4 ? p.year : p.year - 1;
}
export function fyOfIsoDate(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return m >= 4 ? y : y - 1;
}
/** `2024-25` */
export function fyLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** Month `1..12` of a financial year `2024-25` → period. */
export function periodInFy(fyStart: number, month: number): Period {
  return { month, year: month >= 4 ? fyStart : fyStart + 1 };
}

/** The first month of `p`'s quarter (quarters of the financial year: April–June, July–September…). */
export function quarterFirstMonth(p: Period): Period {
  return { year: p.year, month: p.month - ((p.month - 1) % 3) };
}

/** Months 1–2 of a quarter are IFF months for a quarterly (QRMP) filer. */
export function isIffMonth(p: Period): boolean {
  return p.month % 3 !== 0;
}
