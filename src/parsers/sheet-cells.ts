/**
 * One worksheet's rows as they are built, cell by cell: the state both sheet readers drive (the
 * offset scanner in sheet-scan.ts and the saxes handlers in sheet-reader.ts), so a sheet can pass from the
 * one to the other at any row and its values, coercions and errors are the same either way.
 */
import type { RawCell, RawRow } from './raw.js';
import type { SharedStrings } from './shared-strings.js';
import { asExcelShows } from './coerce.js';

/** The kind of a cell style's number format, by style index (xlsx.ts reads them from the styles part). */
export const NumberStyle = { Other: 0, Date: 1, Percent: 2 } as const;

/** Excel's last column (XFD). */
export const MAX_COLUMNS = 16_384;
/** Days from Excel's day 0 of the 1900 system (30-Dec-1899, after the leap-year bug) to 1-Jan-1970. */
const EPOCH_1900 = 25_569;
const DAY_MS = 86_400_000;
/** 31-Dec-9999, Excel's last date. */
const MAX_SERIAL = 2_958_465;

/** A number as Excel stores it in `<v>`: decimal digits, an optional fraction and exponent. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d{1,3})?$/;

/** The smallest normal double: below it a value is a denormal, which no spreadsheet amount is. */
const MIN_NORMAL = 2 ** -1022;

const UNCALCULATED: RawCell = Object.freeze({ error: '', uncalculated: true as const });

/** `_xHHHH_` escapes of OOXML strings (`_x000D_` is a carriage return, `_x005F_` an underscore). */
export function unescapeX(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** Zero-based column of a cell reference (`AB12` → 27), or -1 when it has no letters. */
export function columnOf(ref: string): number {
  return columnAt(ref, 0, ref.length);
}

/** columnOf for the reference `s[from, to)`, read in place. */
export function columnAt(s: string, from: number, to: number): number {
  let n = 0;
  let i = from;
  for (; i < to; i++) {
    let c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
    if (n > MAX_COLUMNS) break;
  }
  return i === from ? -1 : n - 1;
}

/** An Excel serial day number as a UTC Date, or the number itself when it is no date Excel shows. */
export function serialToDate(serial: number, date1904 = false): Date | number {
  const s = date1904 ? serial + 1462 : serial;
  if (!Number.isFinite(s) || s < 0 || s > MAX_SERIAL + 1) return serial;
  if (s >= 61) return new Date(Math.round((s - EPOCH_1900) * DAY_MS));
  // 1900 system before March 1900: serial 60 is 29-Feb-1900, a day that never was
  if (s >= 60) return serial;
  return new Date(Math.round((s - EPOCH_1900 + 1) * DAY_MS));
}

/** `t="d"` cells: ISO 8601 text; without a zone it is read as UTC, like every other date here. */
function isoDate(text: string): Date | string {
  const t = text.trim();
  // a date alone is UTC to JavaScript already; a date and time without a zone would be local
  const zoned = /(?:[zZ]|[+-]\d\d:?\d\d)$/.test(t) || t.length <= 10;
  const d = new Date(zoned ? t : `${t.replace(' ', 'T')}Z`);
  return Number.isNaN(d.getTime()) ? text : d;
}

/** Whether `text` is ASCII digits with at most one point, 15 characters at most: a number `+text` reads exactly as DECIMAL would accept it. */
function plainDecimal(text: string): boolean {
  const n = text.length;
  if (n === 0 || n > 15) return false;
  let digits = 0;
  let points = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && points === 0) points++;
    else return false;
  }
  return digits > 0;
}

export class SheetCells {
  /** the current row's number, and its cells so far */
  rowNum = 0;
  cells: RawCell[] = [];
  /** the current cell: its column, `t`, `s`, the text of its value, and what it holds */
  col = -1;
  type = 'n';
  style = 0;
  text = '';
  hasValue = false;
  hasFormula = false;

  constructor(
    private readonly strings: SharedStrings,
    /** `NumberStyle` by style index */
    private readonly styles: Uint8Array,
    private readonly date1904: boolean,
    /** where finished rows go */
    readonly out: RawRow[],
  ) {}

  /** `<row r>`: a row number of 1 or more, else the one after the previous row. */
  startRow(r: number): void {
    this.rowNum = r >= 1 ? r : this.rowNum + 1;
    this.cells = [];
    this.col = -1;
  }

  /** `<c r t s>`: `c` is the column of `r` (-1 when it has none, then the one after the previous cell). */
  startCell(c: number, type: string, style: number): void {
    this.col = c >= 0 ? c : this.col + 1;
    if (this.col >= MAX_COLUMNS) throw new Error(`row ${this.rowNum} has a cell beyond column XFD`);
    this.type = type;
    this.style = style;
    this.text = '';
    this.hasValue = false;
    this.hasFormula = false;
  }

  /** `</c>`: the cell's value, set in its column unless it is empty (gaps are filled with null). */
  endCell(): void {
    const v = this.value();
    if (v !== null) {
      const cells = this.cells;
      while (cells.length < this.col) cells.push(null);
      cells[this.col] = v;
    }
  }

  endRow(): void {
    this.out.push({ row: this.rowNum, cells: this.cells });
  }

  private value(): RawCell {
    if (!this.hasValue) return this.hasFormula ? UNCALCULATED : null;
    const text = this.text;
    // a formula whose `<v>` is empty was never calculated (openpyxl writes every formula so): its
    // result is unknown, not blank; only text formulas (`t="str"`) give "" as a real result
    if (this.hasFormula && text === '' && this.type !== 'str' && this.type !== 'inlineStr') return UNCALCULATED;
    switch (this.type) {
      case 's': {
        if (text === '') return null;
        const v = /^\d{1,10}$/.test(text) ? this.strings.get(+text) : undefined;
        if (v === undefined) throw new Error(`row ${this.rowNum}: a cell refers to shared text number "${text.slice(0, 20)}", which the workbook does not have`);
        return v;
      }
      case 'inlineStr':
      case 'str':
        // an empty inline string or formula text ("") is an empty cell, as exceljs reads it
        return text === '' ? null : unescapeX(text);
      case 'b':
        return text === '1' || text === 'true' ? true : text === '0' || text === 'false' ? false : null;
      case 'e':
        return { error: text };
      case 'd':
        return text === '' ? null : isoDate(text);
      default: {
        if (text === '') return null;
        // only what Excel writes is a number; anything else ("0x10", "1e-320", "1e400") stays
        // text, which the cell's column then judges as the CSV reader's text would be
        const n = plainDecimal(text) || DECIMAL.test(text) ? +text : NaN;
        if (!Number.isFinite(n) || (n !== 0 && Math.abs(n) < MIN_NORMAL)) return text;
        const style = this.styles[this.style];
        if (style === NumberStyle.Date) return serialToDate(n, this.date1904);
        // what the cell shows, unrounded: 0.05 under 0% is "5%", and a rate column reads it as 5
        if (style === NumberStyle.Percent) return `${asExcelShows(n * 100)}%`;
        return n;
      }
    }
  }
}
