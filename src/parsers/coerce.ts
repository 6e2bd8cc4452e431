/**
 * Exact cell coercion: each field kind turns a raw cell into the value the mappers use, or says
 * why it cannot. Amounts become integer paise without passing through binary floats.
 */
import { FIELD_KINDS, type CellKind, type Field, type FieldValues } from '../model/fields.js';
import {
  DOC_NATURES, ECOM_DOC_TYPES, ECO_NATURES, INVOICE_TYPES, INVOICE_TYPE_ALIASES, MONTHS, NIL_SUPPLY_TYPES,
  STATES, STATE_NAME_ALIASES, UQCS, posLabel,
} from '../model/labels.js';
import { nearest } from './headers.js';
import { StringPool } from '../model/columns.js';
import { parseDecimalNumber, parseDecimalText } from '../model/money.js';
import { cellErrorFinding, cellText, isBlank, isCellError, type RawCell } from './raw.js';
import { isCalendarDay } from '../model/period.js';

/** A coerced value, or why not. `flag` marks a value that was read but breaks a rule (e.g. 3 decimals). */
export type Coerced<T> =
  | { ok: true; value: T; flag?: string }
  | { ok: false; code: string; params?: Record<string, string> };

const ok = <T>(value: T): Coerced<T> => ({ ok: true, value });
const bad = (code: string, params?: Record<string, string>): Coerced<never> =>
  params ? { ok: false, code, params } : { ok: false, code };

// ---------------------------------------------------------------- dates

const MONTH_ABBR = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function iso(y: number, m: number, d: number): string | undefined {
  if (!isCalendarDay(y, m, d)) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}

/** Date text as users type it: 05-Mar-2024, 5-mar-24, 05-03-2024, 05/03/2024, 05.03.2024, 2024-03-05. */
export function parseDateText(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{1,2})[-/ .]([A-Za-z]{3,9})[-/ .,]*(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const mi = MONTH_ABBR.indexOf(m[2]!.slice(0, 3).toLowerCase());
    if (mi < 0) return undefined;
    if (m[2]!.length > 3 && !MONTHS[mi]!.toLowerCase().startsWith(m[2]!.toLowerCase())) return undefined;
    return iso(fullYear(m[3]!), mi + 1, Number(m[1]));
  }
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(t);
  if (m) return iso(fullYear(m[3]!), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

/** Excel 1900-system serial (with its phantom 29-Feb-1900 already past for any GST date). */
export function serialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const d = new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

let lastDateTime = Number.NaN;
let lastDate: Coerced<string> = { ok: true, value: '' };

export function coerceDate(v: RawCell): Coerced<string> {
  if (v instanceof Date) {
    const time = v.getTime();
    if (Number.isNaN(time)) return bad('CELL_INVALID_DATE');
    // a return's rows share a few hundred dates: the last one's answer is kept
    if (time === lastDateTime) return lastDate;
    // exceljs builds dates at UTC midnight; a time part (e.g. 23:59:59.999 from rounding) is dropped
    const shifted = new Date(time + 500);
    lastDateTime = time;
    lastDate = ok(shifted.toISOString().slice(0, 10));
    return lastDate;
  }
  if (typeof v === 'number') {
    const s = serialToIso(v);
    return s ? ok(s) : bad('CELL_INVALID_DATE');
  }
  const t = cellText(v).trim();
  if (/^\d{5}(\.\d+)?$/.test(t)) {
    const s = serialToIso(Number(t));
    if (s) return ok(s);
  }
  const s = parseDateText(t);
  return s ? ok(s) : bad('CELL_INVALID_DATE');
}

// ---------------------------------------------------------------- numbers

const INDIAN = /^\d{1,2}(,\d{2})*,\d{3}(\.\d*)?$/;
const WESTERN = /^\d{1,3}(,\d{3})+(\.\d*)?$/;

/** Amount text: `1,00,000.50`, `₹ 1,500`, `Rs. 200`, `(150.00)` for a negative, `- 20`. */
export function normaliseNumberText(text: string): string | undefined {
  let t = text.replace(/[\s\u00a0\u202f]/g, '');
  t = t.replace(/^(₹|rs\.?|inr)/i, '').replace(/(₹|rs\.?|inr)$/i, '');
  let neg = false;
  if (/^\(.*\)$/.test(t)) {
    neg = true;
    t = t.slice(1, -1);
  }
  if (t.startsWith('-')) {
    neg = !neg;
    t = t.slice(1);
  } else if (t.startsWith('+')) t = t.slice(1);
  t = t.replace(/^(₹|rs\.?|inr)/i, '');
  if (t.includes(',')) {
    if (!INDIAN.test(t) && !WESTERN.test(t)) return undefined;
    t = t.replace(/,/g, '');
  }
  if (!/^\d*\.?\d*$/.test(t) || t === '' || t === '.') return undefined;
  return neg ? `-${t}` : t;
}

/** Hundredths of a number cell or number text; `decimals` says how many the input really had. */
export function coerceHundredths(v: RawCell): Coerced<{ hundredths: number; decimals: number }> {
  if (typeof v === 'number') {
    // the usual number cell, an amount with at most 2 decimals: v is then exactly the double of
    // h / 100, and h is what its decimal spelling gives (below 10^12, float error stays far from ½)
    if (v > -1e12 && v < 1e12) {
      const h = Math.round(v * 100);
      if (h / 100 === v) return ok({ hundredths: h === 0 ? 0 : h, decimals: h % 100 === 0 ? 0 : h % 10 === 0 ? 1 : 2 });
    }
    const p = parseDecimalNumber(v);
    if (!p) return bad('CELL_INVALID_NUMBER');
    // formula results such as 180.00000000000003 are binary noise, not 14 decimals
    if (p.decimals > 2 && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6) {
      return ok({ hundredths: p.hundredths, decimals: 2 });
    }
    return ok(p);
  }
  if (typeof v === 'boolean' || v instanceof Date || isCellError(v)) return bad('CELL_INVALID_NUMBER');
  const t = normaliseNumberText(cellText(v));
  const p = t === undefined ? undefined : parseDecimalText(t);
  return p ? ok(p) : bad('CELL_INVALID_NUMBER');
}

// ---------------------------------------------------------------- choices

const norm = (s: string) => s.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]/g, '');

const STATE_BY_NAME = new Map<string, string>();
for (const s of STATES) STATE_BY_NAME.set(norm(s.label), s.code);
for (const [k, v] of Object.entries(STATE_NAME_ALIASES)) STATE_BY_NAME.set(norm(k), v);

export function coercePos(v: RawCell): Coerced<string> {
  if (typeof v === 'number') {
    return Number.isInteger(v) && v >= 1 && v <= 99 ? ok(String(v).padStart(2, '0')) : bad('CELL_INVALID_POS');
  }
  const t = cellText(v).trim();
  const m = /^(\d{1,2})(?:\s*[-–:]\s*(.*))?$/.exec(t);
  if (m) return ok(m[1]!.padStart(2, '0'));
  const code = STATE_BY_NAME.get(norm(t));
  if (code) return ok(code);
  // a misspelt state name: offer the closest label
  const near = nearest(t, STATE_NAMES);
  const st = near === undefined ? undefined : STATES.find((x) => x.label === near);
  return st ? bad('CELL_INVALID_POS', { nearest: posLabel(st.code) }) : bad('CELL_INVALID_POS');
}

const STATE_NAMES = STATES.map((st) => st.label);

const INV_TYPE_BY_LABEL = new Map<string, string>();
for (const t of INVOICE_TYPES) INV_TYPE_BY_LABEL.set(norm(t.label), t.code);
for (const [k, v] of Object.entries(INVOICE_TYPE_ALIASES)) INV_TYPE_BY_LABEL.set(norm(k), v);

const UQC_BY_TEXT = new Map<string, string>();
for (const u of UQCS) {
  UQC_BY_TEXT.set(norm(u.code), u.code);
  UQC_BY_TEXT.set(norm(u.label), u.code);
  UQC_BY_TEXT.set(norm(`${u.code}-${u.label}`), u.code);
}

/** Fields whose text is one of a fixed list; the coerced value is the list's code. */
const CHOICES: Partial<Record<Field, { map: Map<string, string | number>; allowed: string }>> = {};
function choice(field: Field, entries: [string, string | number][], allowed: string[]) {
  CHOICES[field] = { map: new Map(entries.map(([k, v]) => [norm(k), v])), allowed: allowed.join(', ') };
}
choice('ntty', [['C', 'C'], ['D', 'D'], ['Credit Note', 'C'], ['Debit Note', 'D']], ['C', 'D']);
choice('expTyp', [['WPAY', 'WPAY'], ['WOPAY', 'WOPAY']], ['WPAY', 'WOPAY']);
choice('urType', [['B2CL', 'B2CL'], ['EXPWP', 'EXPWP'], ['EXPWOP', 'EXPWOP']], ['B2CL', 'EXPWP', 'EXPWOP']);
choice('typ', [['OE', 'OE'], ['E', 'E']], ['OE']);
choice('nilDesc', NIL_SUPPLY_TYPES.map((n) => [n.label, n.code] as [string, string]), NIL_SUPPLY_TYPES.map((n) => n.label));
choice('docNature', DOC_NATURES.map((n, i) => [n, i + 1] as [string, number]), ['one of the 12 natures of document']);
// Table 15's four document types (no CBW); the codes and b2b's "Regular B2B" read too
choice('docTyp', ECOM_DOC_TYPES.flatMap((t) => [[t.label, t.code], [t.code, t.code]] as [string, string][]).concat([['Regular B2B', 'R']]), ECOM_DOC_TYPES.map((t) => t.label));
choice('ecoNature', ECO_NATURES.map((n) => [n.label, n.code] as [string, string]), ECO_NATURES.map((n) => n.label));

// ---------------------------------------------------------------- the dispatcher

/** Values used when a cell is blank. */
const DEFAULTS: Partial<FieldValues> = { rchrg: 'N', diffPercent: 100 };

export function defaultFor<F extends Field>(field: F): FieldValues[F] | undefined {
  return DEFAULTS[field] as FieldValues[F] | undefined;
}

/**
 * Kinds whose result depends on the cell's text alone and whose texts repeat (dates, codes,
 * choices): a successful result is remembered per field and text. Findings never share a
 * remembered object: only `ok` results without a flag are kept.
 */
const MEMO_KINDS: ReadonlySet<CellKind> = new Set<CellKind>([
  'date', 'rate', 'percent', 'pos', 'yn', 'invtype', 'code', 'uqc', 'hsn', 'fy', 'month',
]);
const MEMO_LIMIT = 4096;
/** memo keys and values, kept for the whole run */
const memoTexts = new StringPool();
const memo = new Map<Field, Map<string, Coerced<unknown>>>();

/** The remembered results of `field` by cell text, or undefined when its results are not remembered. */
export function coercionMemo(field: Field): ReadonlyMap<string, Coerced<unknown>> | undefined {
  return memoOf(field);
}

function memoOf(field: Field): Map<string, Coerced<unknown>> | undefined {
  let m = memo.get(field);
  if (!m && (MEMO_KINDS.has(FIELD_KINDS[field]) || CHOICES[field])) memo.set(field, (m = new Map()));
  return m;
}

/** An id (GSTIN, UIN, ETIN) as typed → without white space, upper-cased. */
export function idText(t: string): string {
  // the usual case, already digits and capitals: the text itself, nothing allocated
  let plain = true;
  for (let i = 0; i < t.length && plain; i++) {
    const c = t.charCodeAt(i);
    plain = (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  }
  return plain ? t : t.replace(/\s+/g, '').toUpperCase();
}

/**
 * How a text cell of `field` can be read without the general path, with the same result:
 * `money` by plainHundredths (when it says), `trim` (text, document numbers) as the trimmed text,
 * `id` without white space and upper-cased; the cell must not be blank.
 */
export function textShortcut(field: Field): 'money' | 'trim' | 'id' | undefined {
  if (CHOICES[field]) return undefined;
  const kind = FIELD_KINDS[field];
  if (kind === 'money') return 'money';
  if (kind === 'text' || kind === 'docnum') return 'trim';
  if (kind === 'id') return 'id';
  return undefined;
}

export function coerceCell<F extends Field>(field: F, v: RawCell): Coerced<FieldValues[F]> {
  const kind = FIELD_KINDS[field];
  if (typeof v === 'string') {
    if (kind === 'money' && !CHOICES[field]) {
      const h = plainHundredths(v);
      if (h !== undefined) return ok(h) as Coerced<FieldValues[F]>;
    } else if (MEMO_KINDS.has(kind) || CHOICES[field]) {
      const m = memoOf(field)!;
      let r = m.get(v);
      if (r === undefined) {
        r = coerceKind(kind, field, v);
        if (r.ok && r.flag === undefined && m.size < MEMO_LIMIT) {
          // kept for the whole run: copies that do not pin the parser's input chunk
          if (typeof r.value === 'string') r = ok(memoTexts.keep(r.value));
          m.set(memoTexts.keep(v), r);
        }
      }
      return r as Coerced<FieldValues[F]>;
    }
  }
  return coerceKind(kind, field, v) as Coerced<FieldValues[F]>;
}

/**
 * Paise of plain amount text (`1234.5`, `-20`, `.75`) with at most 2 decimals and 15 integer
 * digits, exactly as the general path reads it; undefined for anything else (grouping, currency,
 * signs other than a leading `-`, more decimals), which the general path then decides.
 */
export function plainHundredths(t: string): number | undefined {
  return plainHundredthsIn(t, 0, t.length);
}

/** plainHundredths of `t`'s text from `start` to `end` (a cell where it stands in its CSV line). */
export function plainHundredthsIn(t: string, start: number, end: number): number | undefined {
  const n = end;
  let i = start;
  let neg = false;
  if (n > start && t.charCodeAt(start) === 45 /* - */) {
    neg = true;
    i = start + 1;
  }
  let int = 0;
  const intStart = i;
  for (; i < n; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    int = int * 10 + c;
  }
  const intDigits = i - intStart;
  let frac = 0;
  let fracDigits = 0;
  if (i < n) {
    if (t.charCodeAt(i) !== 46 /* . */) return undefined;
    for (i++; i < n; i++) {
      const c = t.charCodeAt(i) - 48;
      if (c < 0 || c > 9 || ++fracDigits > 2) return undefined;
      frac = frac * 10 + c;
    }
  }
  if ((intDigits === 0 && fracDigits === 0) || intDigits > 15) return undefined;
  const h = int * 100 + (fracDigits === 1 ? frac * 10 : frac);
  if (!Number.isSafeInteger(h)) return undefined;
  return neg && h !== 0 ? -h : h;
}

/** A field of kind rate with no list of choices: its plain texts are read by plainRateIn. */
export function isRateField(field: Field): boolean {
  return FIELD_KINDS[field] === 'rate' && !CHOICES[field];
}

/**
 * The value coerceCell gives a rate's text (`18`, `0.25`, `7.5`) when it is plain, unsigned amount
 * text as plainHundredths reads it: its hundredths / 100. Undefined for anything else (a sign,
 * `%`, spaces, more decimals), which the general path then decides. `t` from `start` to `end`.
 */
export function plainRateIn(t: string, start: number, end: number): number | undefined {
  if (start < end && t.charCodeAt(start) === 45 /* - */) return undefined;
  const h = plainHundredthsIn(t, start, end);
  return h === undefined ? undefined : h / 100;
}

/**
 * A number cell's value as Excel shows it, to 15 significant digits: a formula's result such as
 * =4949.9+0.1 is stored as 4950.000000000001, binary noise the user never sees or meant.
 */
export function asExcelShows(v: number): string {
  return String(Number(v.toPrecision(15)));
}

function coerceKind(kind: CellKind, field: Field, v: RawCell): Coerced<unknown> {
  if (isCellError(v)) return bad(...cellErrorFinding(v));
  const ch = CHOICES[field];
  if (ch) {
    const code = ch.map.get(norm(cellText(v)));
    return code !== undefined ? ok(code) : bad('CELL_INVALID_CHOICE', { allowed: ch.allowed });
  }
  switch (kind) {
    case 'text':
      return ok(cellText(v).trim());
    case 'id':
      return ok(idText(cellText(v)));
    case 'docnum':
      return ok(cellText(v).trim());
    case 'date':
      return coerceDate(v);
    case 'money': {
      const r = coerceHundredths(v);
      if (!r.ok) return r;
      if (r.value.decimals > 2) return { ok: true, value: r.value.hundredths, flag: 'AMOUNT_DECIMALS' };
      return ok(r.value.hundredths);
    }
    case 'rate': {
      const t = typeof v === 'string' ? v.replace(/%\s*$/, '') : v;
      const r = coerceHundredths(t);
      if (!r.ok || r.value.decimals > 2) return bad('CELL_INVALID_RATE');
      return ok(r.value.hundredths / 100);
    }
    case 'percent': {
      const t = typeof v === 'string' ? v.replace(/%\s*$/, '') : v;
      const r = coerceHundredths(t);
      if (!r.ok) return bad('CELL_INVALID_NUMBER');
      // a cell formatted as a percentage holds 0.65 for 65 %
      const h = r.value.hundredths;
      return ok(h === 65 || h === 100 ? h : h / 100);
    }
    case 'pos':
      return coercePos(v);
    case 'yn': {
      const t = cellText(v).trim().toUpperCase();
      if (t === 'Y' || t === 'YES') return ok('Y');
      if (t === 'N' || t === 'NO') return ok('N');
      return bad('CELL_INVALID_CHOICE', { allowed: 'Y, N' });
    }
    case 'invtype': {
      const code = INV_TYPE_BY_LABEL.get(norm(cellText(v)));
      return code ? ok(code) : bad('CELL_INVALID_CHOICE', { allowed: INVOICE_TYPES.map((t) => t.label).join(', ') });
    }
    case 'code':
      return ok(cellText(v).trim().toUpperCase());
    case 'uqc': {
      const t = cellText(v).trim();
      return ok(UQC_BY_TEXT.get(norm(t)) ?? t.split('-')[0]!.trim().toUpperCase());
    }
    case 'qty': {
      const r = coerceHundredths(v);
      if (!r.ok) return r;
      const t = typeof v === 'number' ? asExcelShows(v) : normaliseNumberText(cellText(v))!;
      return ok(t.replace(/^(-?)\./, '$10.'));
    }
    case 'int': {
      const r = coerceHundredths(v);
      if (!r.ok || r.value.hundredths % 100 !== 0) return bad('CELL_INVALID_INTEGER');
      return ok(r.value.hundredths / 100);
    }
    case 'hsn': {
      let t = typeof v === 'number' ? String(v) : cellText(v).replace(/\s+/g, '');
      if (!/^\d+$/.test(t)) return bad('CELL_INVALID_HSN');
      // a code typed as a number loses its leading zero (0101 → 101); codes have even lengths
      if (typeof v === 'number' && t.length % 2 === 1) t = `0${t}`;
      return ok(t);
    }
    case 'fy': {
      const m = /^(\d{4})\s*-\s*(\d{2}|\d{4})$/.exec(cellText(v).trim());
      if (!m) return bad('CELL_INVALID_FY');
      const start = Number(m[1]);
      const end = Number(m[2]);
      if ((m[2]!.length === 2 ? (start + 1) % 100 : start + 1) !== end) return bad('CELL_INVALID_FY');
      return ok(start);
    }
    case 'month': {
      if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 12 ? ok(v) : bad('CELL_INVALID_MONTH');
      const t = cellText(v).trim().toLowerCase();
      const i = MONTH_ABBR.indexOf(t.slice(0, 3));
      if (i >= 0 && MONTHS[i]!.toLowerCase().startsWith(t)) return ok(i + 1);
      if (/^\d{1,2}$/.test(t) && Number(t) >= 1 && Number(t) <= 12) return ok(Number(t));
      return bad('CELL_INVALID_MONTH');
    }
  }
}

export { isBlank };
