/**
 * Reading one register row: each mapped cell is coerced by its field's kind (reusing the
 * template coercions for dates, amounts, places of supply, HSN...), with the register's own
 * vocabularies on top: document types ("Sales", "Credit Note", "CR"), supply types (Tally's
 * "Nature of Transaction", e-invoice codes SEZWP / EXPWOP / DEXP...), taxability ("Nil Rated",
 * "Exempt", "Non-GST"), quantities with their unit ("10 Nos"), percentage-formatted rates.
 * Problems become findings on the register's own cell.
 */
import type { Finding } from '../model/finding.js';
import { UQCS } from '../model/labels.js';
import type { ColumnRef } from '../parsers/headers.js';
import { asExcelShows, coerceCell, coerceDate, coercePos, normaliseNumberText } from '../parsers/coerce.js';
import { cellErrorFinding, cellText, isBlank, isCellError, type RawCell } from '../parsers/raw.js';
import { REGISTER_FIELDS, headerKey, registerFieldSpec, type RegisterField } from './fields.js';
import type { RegisterLayout, StatusWords } from './layouts.js';
import type { RegisterColumns } from './match.js';

/** invoice, credit note, debit note, advance received (receipt voucher), advance adjusted */
export type DocKind = 'INV' | 'C' | 'D' | 'AR' | 'AA';
export type Category = 'taxable' | 'nil' | 'exempt' | 'nongst';
/** What a status (Cancelled) cell says of its document: in the return, cancelled (Table 13 only), or never issued (in no table). */
export type DocStatus = 'issued' | 'cancelled' | 'not-issued';

/** What a supply-type cell says (any part may be absent). */
export interface SupplyInfo {
  invType?: string;
  expType?: 'WPAY' | 'WOPAY';
  category?: Category;
  /**
   * an export or SEZ supply whose cell does not say with or without payment of tax ("Export",
   * ERPNext's "Overseas"): read as with payment (WPAY, SEWP) until its document's tax decides
   * (export-payment.ts)
   */
  byTax?: true;
}

/** Coerced cells of one row, by register field (absent = blank or unreadable). */
export interface RowValues {
  docType?: DocKind;
  docNum?: string;
  docDate?: string;
  ctin?: string;
  recipientName?: string;
  pos?: string;
  rchrg?: 'Y' | 'N';
  invType?: SupplyInfo;
  expType?: 'WPAY' | 'WOPAY';
  portCode?: string;
  sbNum?: string;
  sbDate?: string;
  hsn?: string;
  desc?: string;
  uqc?: string;
  qty?: { qty: string; unit?: string };
  rate?: number;
  igstRate?: number;
  cgstRate?: number;
  sgstRate?: number;
  diffPercent?: number;
  txval?: number;
  iamt?: number;
  camt?: number;
  samt?: number;
  csamt?: number;
  val?: number;
  category?: Category;
  etin?: string;
  ecoLiability?: 'clttx' | 'paytx';
  cancelled?: DocStatus;
  origNum?: string;
  origDate?: string;
  origNoteNum?: string;
  origMonth?: OriginalMonth;
  /** a GSTIN, or 'URP' for an unregistered supplier */
  stin?: string;
  supplierName?: string;
}

/** A month as the amendment tables name it: the financial year's start and the month (1-12). */
export interface OriginalMonth {
  readonly fy: number;
  readonly month: number;
}

export interface CoercedRow {
  readonly values: RowValues;
  /** fields whose cell was filled but could not be read (a finding says why) */
  readonly bad: ReadonlySet<RegisterField>;
}

/** Where findings go, and where they point. */
export interface CellSink {
  push(f: Finding): void;
}

export interface RowPlace {
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
}

type Result<T> = { ok: true; value: T; flag?: string } | { ok: false; code: string; params?: Record<string, string> };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const bad = (code: string, params?: Record<string, string>): Result<never> => (params ? { ok: false, code, params } : { ok: false, code });

const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9()]+/g, ' ').trim();

/** Recipient id cells that mean "no GSTIN". */
const NO_ID = new Set(['', 'URP', 'UNREGISTERED', 'UNREGD', 'NA', 'N/A', '-', '--', '0', 'NIL', 'NONE', 'CONSUMER', 'B2C']);

export function parseDocType(text: string): DocKind | undefined {
  const t = words(text);
  if (!t) return undefined;
  // advances: "Advance Received", "Receipt Voucher", "Advance Adjusted", "Adjustment of Advance"
  if (/\badjust(ed|ment)?\b/.test(t) && /\badvances?\b/.test(t)) return 'AA';
  if (/\badvances?\b/.test(t) || /\breceipt( voucher)?\b/.test(t)) return 'AR';
  if (/\b(credit|return|crn|cr|cn|c)\b/.test(t) || t.startsWith('credit')) return 'C';
  if (/\b(debit|dbn|dr|dn|d)\b/.test(t) || t.startsWith('debit')) return 'D';
  if (/\b(invoice|invoices|inv|sale|sales|bill|export|exports|tax|supply|i|rnv|b2b|b2c)\b/.test(t)) return 'INV';
  return undefined;
}

export function parseCategory(text: string): Category | undefined {
  const t = words(text).replace(/\s+/g, '');
  if (!t || t === 'taxable' || t === 'tax' || t === 'regular' || t === 'gst') return 'taxable';
  if (t.startsWith('nil')) return 'nil';
  if (t.startsWith('exempt') || t === 'expt' || t === 'exmp') return 'exempt';
  if (t.startsWith('nongst') || t === 'non' || t === 'nogst' || t === 'outofscope') return 'nongst';
  return undefined;
}

/**
 * Invoice type, Tally's "Nature of Transaction" ("Sales Taxable", "Sales to SEZ - LUT/Bond",
 * "Exports Exempt"...), or an e-invoice supply type (B2B, SEZWP, SEZWOP, EXPWP, EXPWOP, DEXP).
 */
export function parseSupply(text: string): SupplyInfo | undefined {
  const t = words(text);
  const flat = t.replace(/\s+/g, '');
  if (!t) return {};
  const withoutPayment = /\b(lut|bond|without|wop|wopay)\b/.test(t) || /(wop|wopay)$/.test(flat);
  // Tally's "Exports Taxable" and "Sales to SEZ - Taxable" are with payment too
  const stated = withoutPayment || /\b(with|wp|wpay|payment|paid|taxable|igst)\b/.test(t) || /(wp|wpay)$/.test(flat);
  const byTax = stated ? {} : { byTax: true as const };
  const info: SupplyInfo = {};
  if (/\bnil\b/.test(t)) info.category = 'nil';
  else if (/\bexempt(ed)?\b/.test(t) || /\bexpt\b/.test(t)) info.category = 'exempt';
  else if (/\bnon ?gst\b/.test(t) || flat === 'nongst' || flat === 'non') info.category = 'nongst';
  if (flat === 'cbw' || /bonded warehouse/.test(t) || /intra ?state supplies attracting igst/.test(t)) return { ...info, invType: 'CBW' };
  if (/\bsez\b/.test(t) || flat.startsWith('sez') || flat === 'sewp' || flat === 'sewop') {
    // an exempt supply to an SEZ goes out without tax, like one under LUT/bond
    return withoutPayment || info.category ? { invType: 'SEWOP' } : { invType: 'SEWP', ...byTax };
  }
  if (/\bdeemed\b/.test(t) || flat === 'dexp' || flat === 'dxp' || flat === 'de') return { ...info, invType: 'DE' };
  if (/\bexports?\b/.test(t) || flat.startsWith('expw') || flat === 'exp') {
    return withoutPayment || info.category ? { expType: 'WOPAY' } : { expType: 'WPAY', ...byTax };
  }
  if (/\b(regular|b2b|b2c|b2cs|b2cl|r|taxable|sales?|interstate|local|consumer)\b/.test(t)) return { invType: 'R', ...info };
  return Object.keys(info).length ? info : undefined;
}

export function parseExportType(text: string): 'WPAY' | 'WOPAY' | undefined {
  const t = words(text);
  const flat = t.replace(/\s+/g, '');
  if (!flat) return undefined;
  if (flat === 'wopay' || flat === 'expwop' || flat === 'wop' || /\b(without|lut|bond)\b/.test(t)) return 'WOPAY';
  if (flat === 'wpay' || flat === 'expwp' || flat === 'wp' || /\bwith\b/.test(t) || /\bpayment\b/.test(t)) return 'WPAY';
  return undefined;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthOf(year: number, month: number): OriginalMonth | undefined {
  if (month < 1 || month > 12 || year < 2017 || year > 2099) return undefined;
  return { fy: month >= 4 ? year : year - 1, month };
}

/** The month of an ISO date (2025-09-15 → financial year 2025, month 9). */
export function monthOfIso(iso: string): OriginalMonth {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  return { fy: month >= 4 ? year : year - 1, month };
}

/** September 2025, Sep-25, 09-2025, 9/2025, 2025-09, 092025, or a date (its month). */
export function parseMonth(v: RawCell): OriginalMonth | undefined {
  const t = cellText(v).trim().toLowerCase();
  const year = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
  let m = /^([a-z]+)[\s\-/.,']*(\d{4}|\d{2})$/.exec(t);
  if (m) {
    const i = MONTH_NAMES.indexOf(m[1]!.slice(0, 3));
    return i >= 0 ? monthOf(year(m[2]!), i + 1) : undefined;
  }
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(t) ?? /^(\d{2})(\d{4})$/.exec(t);
  if (m) return monthOf(Number(m[2]), Number(m[1]));
  m = /^(\d{4})[-/.](\d{1,2})$/.exec(t);
  if (m) return monthOf(Number(m[1]), Number(m[2]));
  const d = coerceDate(v);
  return d.ok ? monthOfIso(d.value) : undefined;
}

/** Unit names and symbols (Tally's "Nos", "Pcs", "Kgs"...) → UQC code. */
const UNIT_ALIASES: Readonly<Record<string, string>> = {
  no: 'NOS', nos: 'NOS', number: 'NOS', numbers: 'NOS', nmb: 'NOS', ea: 'NOS', each: 'NOS',
  pc: 'PCS', pcs: 'PCS', piece: 'PCS', pieces: 'PCS',
  kg: 'KGS', kgs: 'KGS', kilogram: 'KGS', kilograms: 'KGS', kilo: 'KGS',
  g: 'GMS', gm: 'GMS', gms: 'GMS', gram: 'GMS', grams: 'GMS', gr: 'GMS',
  l: 'LTR', lt: 'LTR', ltr: 'LTR', ltrs: 'LTR', litre: 'LTR', litres: 'LTR', liter: 'LTR', liters: 'LTR',
  ml: 'MLT', mtr: 'MTR', mtrs: 'MTR', m: 'MTR', meter: 'MTR', meters: 'MTR', metre: 'MTR', metres: 'MTR',
  box: 'BOX', boxes: 'BOX', set: 'SET', sets: 'SET', pair: 'PRS', pairs: 'PRS', prs: 'PRS',
  dozen: 'DOZ', dozens: 'DOZ', doz: 'DOZ', bag: 'BAG', bags: 'BAG', btl: 'BTL', bottle: 'BTL', bottles: 'BTL',
  ton: 'TON', tons: 'TON', tonne: 'TON', tonnes: 'TON', mt: 'MTS', qtl: 'QTL', quintal: 'QTL',
  sqft: 'SQF', sqm: 'SQM', cbm: 'CBM', roll: 'ROL', rolls: 'ROL', unit: 'UNT', units: 'UNT', ctn: 'CTN', carton: 'CTN', cartons: 'CTN',
  na: 'NA', oth: 'OTH', other: 'OTH', others: 'OTH',
};
const UQC_CODES = new Set(UQCS.map((u) => u.code));

export function unitToUqc(text: string): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const head = t.split(/[-\s]/)[0]!.toUpperCase();
  if (UQC_CODES.has(head)) return head;
  const k = t.toLowerCase().replace(/[^a-z]/g, '');
  const alias = UNIT_ALIASES[k];
  if (alias) return alias;
  const r = coerceCell('uqc', t);
  return r.ok && UQC_CODES.has(r.value) ? r.value : undefined;
}

const QTY_WITH_UNIT = /^\s*([-+(]?\s*[\d,]*\.?\d+\)?)\s*([A-Za-z][A-Za-z. ]*)?\s*$/;

export function parseQty(v: RawCell): Result<{ qty: string; unit?: string }> {
  // a number cell as Excel shows it: =4949.9+0.1 is cached as 4950.000000000001
  if (typeof v === 'number') return Number.isFinite(v) ? ok({ qty: asExcelShows(v) }) : bad('CELL_INVALID_NUMBER');
  const m = QTY_WITH_UNIT.exec(cellText(v));
  if (!m) return bad('CELL_INVALID_NUMBER');
  const n = normaliseNumberText(m[1]!);
  if (n === undefined) return bad('CELL_INVALID_NUMBER');
  const qty = n.replace(/^(-?)\./, '$10.');
  return ok(m[2] ? { qty, unit: m[2].trim() } : { qty });
}

/** Rates typed as an Excel percentage (0.18 for 18 %): read as 18. 0.1 and 0.25 are real rates. */
const PERCENT_CELL = new Map<number, number>([
  [0.001, 0.1], [0.0025, 0.25], [0.01, 1], [0.015, 1.5], [0.03, 3], [0.05, 5], [0.06, 6], [0.075, 7.5],
  [0.12, 12], [0.18, 18], [0.28, 28], [0.4, 40],
]);

function coerceRate(v: RawCell): Result<number> {
  if (typeof v === 'number' && PERCENT_CELL.has(v)) return ok(PERCENT_CELL.get(v)!);
  const r = coerceCell('rt', v);
  return r.ok ? ok(r.value) : bad(r.code, r.params);
}

const STATUS_WORDS: Readonly<Record<DocStatus, readonly string[]>> = {
  cancelled: ['y', 'yes', 'true', '1', 'cancelled', 'canceled', 'cancel', 'void', 'voided', 'c'],
  issued: ['n', 'no', 'false', '0', 'active', 'valid', 'issued', 'ok', ''],
  'not-issued': ['draft', 'notissued'],
};

function coerceStatus(v: RawCell): Result<DocStatus> {
  if (typeof v === 'boolean') return ok(v ? 'cancelled' : 'issued');
  const t = words(cellText(v)).replace(/\s+/g, '');
  for (const status of ['cancelled', 'issued', 'not-issued'] as const) if (STATUS_WORDS[status].includes(t)) return ok(status);
  return bad('CELL_INVALID_CHOICE', { allowed: 'Y (cancelled), N (issued), Draft (not issued)' });
}

/** The layout's status words, for a hint: "Sent, Paid (issued); Void (cancelled); Draft (not issued)". */
function statusWordList(statuses: StatusWords): string {
  return [
    `${statuses.issued.join(', ')} (issued)`, `${statuses.cancelled.join(', ')} (cancelled)`, `${statuses.notIssued.join(', ')} (not issued)`,
  ].join('; ');
}

function coerceYn(v: RawCell): Result<'Y' | 'N'> {
  const t = words(cellText(v)).replace(/\s+/g, '');
  if (['y', 'yes', 'true', '1'].includes(t)) return ok('Y');
  if (['n', 'no', 'false', '0'].includes(t)) return ok('N');
  return bad('CELL_INVALID_CHOICE', { allowed: 'Y, N' });
}

/** A filled cell of a field's column, its text translated where the layout has its own words for the field's values. */
export function translatedCell(field: RegisterField, cell: RawCell, layout: RegisterLayout): RawCell {
  if (isCellError(cell)) return cell;
  const read = layout.readers?.[field];
  if (read) return read(cellText(cell)) ?? cell;
  const translate = layout.values?.[field];
  if (!translate) return cell;
  return translate[headerKey(cellText(cell))] ?? cell;
}

/** One cell → the field's value. */
export function coerceRegisterCell(field: RegisterField, v: RawCell): Result<unknown> {
  if (isCellError(v)) return bad(...cellErrorFinding(v));
  const kind = registerFieldSpec(field).kind;
  switch (kind) {
    case 'doctype': {
      const k = parseDocType(cellText(v));
      return k ? ok(k) : bad('REGISTER_DOC_TYPE', {
        allowed: 'Invoice (Sales, Tax Invoice, INV), Credit Note (Sales Return, CR), Debit Note (DR), Advance Received (Receipt Voucher), Advance Adjusted',
      });
    }
    case 'docnum':
      return ok(cellText(v).trim());
    case 'text':
      return ok(cellText(v).trim());
    case 'date': {
      const r = coerceDate(v);
      return r.ok ? ok(r.value) : bad(r.code);
    }
    case 'id': {
      const t = cellText(v).replace(/\s+/g, '').toUpperCase();
      return ok(NO_ID.has(t) ? undefined : t);
    }
    case 'pos': {
      const r = coercePos(v);
      return r.ok ? ok(r.value) : bad(r.code);
    }
    case 'yn':
      return coerceYn(v);
    case 'supply': {
      const s = parseSupply(cellText(v));
      return s
        ? ok(s)
        : bad('CELL_INVALID_CHOICE', {
          allowed: 'Regular, SEZ supplies with payment, SEZ supplies without payment, Deemed Export, Export with payment, Export without payment (LUT/bond)',
        });
    }
    case 'exptype': {
      const t = parseExportType(cellText(v));
      return t ? ok(t) : bad('CELL_INVALID_CHOICE', { allowed: 'WPAY, WOPAY' });
    }
    case 'hsn': {
      const r = coerceCell('hsn', v);
      return r.ok ? ok(r.value) : bad(r.code);
    }
    case 'uqc': {
      const u = unitToUqc(cellText(v));
      return ok(u ?? cellText(v).trim().toUpperCase());
    }
    case 'qty':
      return parseQty(v);
    case 'rate':
      return coerceRate(v);
    case 'percent': {
      const r = coerceCell('diffPercent', v);
      return r.ok ? ok(r.value) : bad(r.code);
    }
    case 'money': {
      const r = coerceCell('txval', v);
      if (!r.ok) return bad(r.code);
      return r.flag ? { ok: true, value: r.value, flag: r.flag } : ok(r.value);
    }
    case 'category': {
      const c = parseCategory(cellText(v));
      return c ? ok(c) : bad('CELL_INVALID_CHOICE', { allowed: 'Taxable, Nil Rated, Exempted, Non-GST' });
    }
    case 'status':
      return coerceStatus(v);
    case 'supplier': {
      const t = cellText(v).replace(/\s+/g, '').toUpperCase();
      return ok(NO_ID.has(t) ? 'URP' : t);
    }
    case 'month': {
      const m = parseMonth(v);
      return m ? ok(m) : bad('REGISTER_MONTH', { allowed: 'September 2025, Sep-25, 09-2025, 2025-09, 092025' });
    }
    case 'ecoliability': {
      const t = words(cellText(v));
      if (/9 ?\(?5\)?/.test(t)) return ok('paytx');
      if (/\b52\b|tcs|collect/.test(t)) return ok('clttx');
      return bad('CELL_INVALID_CHOICE', { allowed: 'u/s 52 (TCS), u/s 9(5)' });
    }
  }
}

/**
 * Coerces every mapped cell of a register row; findings point at the register's cells. A value
 * the layout's reader does not know is read as a blank cell, with a warning at the first cell
 * holding it (`unknown` keeps the values warned of, field and text, for the sheet).
 */
export function coerceRegisterRow(
  cells: readonly RawCell[], columns: RegisterColumns, layout: RegisterLayout, place: RowPlace, sink: CellSink,
  unknown: Set<string> = new Set(),
): CoercedRow {
  const values: Record<string, unknown> = {};
  const badFields = new Set<RegisterField>();
  for (const field of REGISTER_FIELDS) {
    const ref = columns[field];
    if (!ref) continue;
    const given: RawCell = cells[ref.col - 1] ?? null;
    if (isBlank(given)) continue;
    const read = layout.readers?.[field];
    if (read && !isCellError(given) && read(cellText(given)) === undefined) {
      const key = `${field}\u0000${cellText(given).trim().toLowerCase()}`;
      if (!unknown.has(key)) {
        unknown.add(key);
        sink.push({ ...cellFinding('REGISTER_VALUE_UNKNOWN', 'warning', place, ref, given), params: { layout: layout.id, field } });
      }
      continue;
    }
    const cell = translatedCell(field, given, layout);
    const r = coerceRegisterCell(field, cell);
    if (r.ok) {
      if (r.value !== undefined) values[field] = r.value;
      if (r.flag) sink.push(cellFinding(r.flag, 'error', place, ref, cell));
    } else {
      badFields.add(field);
      // a status column of the export's own words (Zoho's Invoice Status): the hint lists them, not Y / N
      const params = field === 'cancelled' && layout.statuses ? { allowed: statusWordList(layout.statuses) } : r.params;
      sink.push({ ...cellFinding(r.code, 'error', place, ref, cell), ...(params ? { params } : {}) });
    }
  }
  return { values: values as RowValues, bad: badFields };
}

export function cellFinding(code: string, severity: 'error' | 'warning', place: RowPlace, ref: ColumnRef | undefined, cell?: RawCell): Finding {
  return {
    code, severity, file: place.file, sheet: place.sheet, row: place.row,
    ...(ref ? { column: ref.header, col: ref.col } : {}),
    ...(cell !== undefined && cell !== null ? { value: cellText(cell) } : {}),
  };
}
