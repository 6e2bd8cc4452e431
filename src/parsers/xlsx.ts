/**
 * Streaming .xlsx reader: our zip reader (zip.ts, random access by the central directory) and
 * the `saxes` SAX parser. Whatever the order of the parts in the zip, it reads the workbook part
 * (sheet names, states, `date1904`), its relationships (where each sheet is), the styles (which
 * cell formats are dates) and the shared strings first, then streams each worksheet in workbook
 * order, one row at a time. Memory holds the shared strings and one inflated chunk's rows: it
 * does not grow with the row count. No temp files (packages-perf.md §7 option (b)).
 *
 * Cell values:
 * - `t="s"` shared string, `t="inlineStr"` (`<is>`), `t="str"` (a formula's text result): text,
 *   rich-text runs concatenated, phonetic runs (`<rPh>`) skipped, `_xHHHH_` escapes decoded
 * - `t="b"`: boolean; `t="e"`: `{ error: '#N/A' }`; `t="d"`: an ISO date → Date (UTC when no zone)
 * - `t="n"` or none: a number, or a Date (UTC) when the cell's format is a date format
 * - formulas: the cached result (`<v>`); a formula saved without one (never calculated) is
 *   `{ error: '', uncalculated: true }`, a finding on that cell, never a blank
 * - an empty `<c/>`, or an empty inline string or formula text: null; trailing empty cells are
 *   left off, gaps are filled with null
 *
 * Which formats are dates: the built-in ids 14-17, 22, 27-36 and 50-58 (the East-Asian ones
 * included, as Excel shows them in those locales), and any custom code with d, m or y outside
 * quoted text, `[...]` and escapes, unless it is a time: a code whose m are minutes (next to h or
 * s) and that has no d or y, e.g. `h:mm`, `mm:ss`, `[h]:mm:ss`. Time-only formats, custom or
 * built-in (18-21, 45-47), are NOT dates here: their cells stay numbers (a fraction of a day),
 * because a time alone is no calendar day and would otherwise come back as 30-Dec-1899.
 * (exceljs turns them into Dates on 1899-12-30.)
 */
import { posix } from './zip-paths.js';
import { SaxesParser } from 'saxes';
import { InputError } from '../model/errors.js';
import { zipInputError } from './detect.js';
import { rowsOf, type RawCell, type RawRow, type RawSheet } from './raw.js';
import { SharedStrings } from './shared-strings.js';
import { openEntry, readZip, type ZipEntry } from './zip.js';

/** Excel's last column (XFD). */
const MAX_COLUMNS = 16_384;
/** Days from Excel's day 0 of the 1900 system (30-Dec-1899, after the leap-year bug) to 1-Jan-1970. */
const EPOCH_1900 = 25_569;
const DAY_MS = 86_400_000;
/** 31-Dec-9999, Excel's last date. */
const MAX_SERIAL = 2_958_465;

interface SheetPart {
  readonly name: string;
  readonly hidden: boolean;
  readonly part: ZipEntry;
}

interface Book {
  readonly sheets: readonly SheetPart[];
  readonly strings: SharedStrings;
  /** per cell style index (`<c s>`): 1 when its number format is a date */
  readonly dateStyles: Uint8Array;
  readonly date1904: boolean;
}

/** Yields the workbook's worksheets in workbook order; each sheet's rows stream when iterated. */
export async function* readXlsx(file: string): AsyncGenerator<RawSheet> {
  let book: Book;
  try {
    book = await readBook(file);
  } catch (e) {
    throw inputError(e, file);
  }
  for (const sheet of book.sheets) {
    // each is a generator that opens the entry only when iterated; a caller reads one of the two
    yield { name: sheet.name, hidden: sheet.hidden, rows: rowsOf(sheetBatches(file, sheet, book)), batches: sheetBatches(file, sheet, book) };
  }
}

/** The worksheets' parts in the zip, in workbook order (the annotated copy scans their XML). */
export async function worksheetParts(file: string): Promise<{ readonly name: string; readonly hidden: boolean; readonly part: ZipEntry }[]> {
  return [...(await readSheetList(file)).sheets];
}

function inputError(e: unknown, file: string, sheet?: string): Error {
  if (e instanceof InputError) return e;
  const mapped = zipInputError(e, file);
  if (mapped instanceof InputError) return mapped;
  // a JavaScript failure on hostile XML (too deep, too long) says nothing to the user: say what it means
  const internal = e instanceof TypeError || e instanceof RangeError;
  const msg = internal ? 'its XML is malformed or too large to read' : (e instanceof Error ? e.message : String(e)).replace(/^zip: /, '').split('\n')[0]!.slice(0, 200);
  return new InputError('FILE_UNREADABLE', { file, detail: sheet === undefined ? msg : `sheet "${sheet}": ${msg}` }, { cause: e });
}

// ------------------------------------------------------------------------------- XML parts

type Attrs = Record<string, string>;

interface XmlHandlers {
  open?(name: string, attrs: Attrs): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** The element name without its namespace prefix (`x:row` → `row`). */
function local(name: string): string {
  // the last colon: a name of many colons ("a:a:a:...") is looked at once, not once per colon
  const i = name.lastIndexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

function newParser(h: XmlHandlers): SaxesParser {
  const parser = new SaxesParser({ position: false });
  const { open, text, close } = h;
  if (open) parser.on('opentag', (t) => open(local(t.name), t.attributes as Attrs));
  if (text) parser.on('text', text);
  if (close) parser.on('closetag', (t) => close(local(t.name)));
  return parser;
}

/** Streams one part of the zip through a SAX parser. */
async function parsePart(file: string, entry: ZipEntry, h: XmlHandlers): Promise<void> {
  const parser = newParser(h);
  for await (const chunk of utf8(await openEntry(file, entry))) parser.write(chunk);
  parser.close();
}

/** The text of an entry as it inflates (a character cut between two chunks is kept whole). */
async function* utf8(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const dec = new TextDecoder('utf-8');
  for await (const b of bytes) yield dec.decode(b, { stream: true });
  const rest = dec.decode();
  if (rest) yield rest;
}

/** `_xHHHH_` escapes of OOXML strings (`_x000D_` is a carriage return, `_x005F_` an underscore). */
function unescapeX(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

// ---------------------------------------------------------------------------- the workbook

class Parts {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLower = new Map<string, ZipEntry>();

  constructor(entries: readonly ZipEntry[]) {
    for (const e of entries) {
      this.byName.set(e.name, e);
      this.byLower.set(e.name.toLowerCase(), e);
    }
  }

  get(name: string): ZipEntry | undefined {
    return this.byName.get(name) ?? this.byLower.get(name.toLowerCase());
  }
}

interface Relationship {
  type: string;
  target: string;
}

/** A relationship target as a part name: relative to `base` (a folder), or absolute (`/xl/...`). */
function resolveTarget(base: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  try {
    t = decodeURI(t);
  } catch {
    // keep it as written
  }
  return t.startsWith('/') ? posix.normalize(t).slice(1) : posix.normalize(posix.join(base, t));
}

async function readRels(file: string, parts: Parts, relsName: string, base: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const entry = parts.get(relsName);
  if (!entry) return rels;
  await parsePart(file, entry, {
    open(name, a) {
      if (name !== 'Relationship' || a.TargetMode === 'External' || !a.Id || !a.Target) return;
      rels.set(a.Id, { type: a.Type ?? '', target: resolveTarget(base, a.Target) });
    },
  });
  return rels;
}

const relType = (r: Relationship, kind: string) => r.type.endsWith(`/${kind}`);

/** The workbook's sheets (names, states, parts) and where its other parts are: no cell is read. */
interface SheetList {
  readonly sheets: readonly SheetPart[];
  readonly date1904: boolean;
  /** the workbook part's relationship of a kind (styles, sharedStrings), else the usual part name */
  rel(kind: string, fallback: string): ZipEntry | undefined;
}

/**
 * The worksheets' names and states in workbook order, read from the workbook part alone (the
 * shared strings and the sheets are not read): a cheap look at what a file holds.
 */
export async function xlsxSheetNames(file: string): Promise<{ name: string; hidden: boolean }[]> {
  let list: SheetList;
  try {
    list = await readSheetList(file);
  } catch (e) {
    throw inputError(e, file);
  }
  return list.sheets.map((s) => ({ name: s.name, hidden: s.hidden }));
}

async function readBook(file: string): Promise<Book> {
  const { sheets, date1904, rel } = await readSheetList(file);
  const stylesEntry = rel('styles', 'styles.xml');
  const dateStyles = stylesEntry ? await readDateStyles(file, stylesEntry) : new Uint8Array(0);
  const stringsEntry = rel('sharedStrings', 'sharedStrings.xml');
  const strings = stringsEntry ? await readSharedStrings(file, stringsEntry) : new SharedStrings();
  return { sheets, strings, dateStyles, date1904 };
}

async function readSheetList(file: string): Promise<SheetList> {
  const zip = await readZip(file);
  const parts = new Parts(zip.entries);

  // the workbook part: named by the package relationships (always xl/workbook.xml from Excel)
  const root = await readRels(file, parts, '_rels/.rels', '');
  const bookName = [...root.values()].find((r) => relType(r, 'officeDocument'))?.target ?? 'xl/workbook.xml';
  const bookEntry = parts.get(bookName) ?? parts.get('xl/workbook.xml');
  if (!bookEntry) throw new Error('the workbook part (xl/workbook.xml) is missing');
  const base = posix.dirname(bookEntry.name);

  const declared: { name: string; hidden: boolean; rid: string | undefined }[] = [];
  let date1904 = false;
  await parsePart(file, bookEntry, {
    open(name, a) {
      if (name === 'sheet') {
        // the relationship id: `r:id`, whatever the prefix
        let rid: string | undefined;
        for (const k in a) if (k.endsWith(':id')) rid = a[k];
        declared.push({ name: a.name ?? '', hidden: a.state === 'hidden' || a.state === 'veryHidden', rid });
      } else if (name === 'workbookPr') {
        date1904 = a.date1904 === '1' || a.date1904 === 'true';
      }
    },
  });

  const rels = await readRels(file, parts, posix.join(base, '_rels', `${posix.basename(bookEntry.name)}.rels`), base);
  const sheets: SheetPart[] = [];
  for (const d of declared) {
    const rel = d.rid === undefined ? undefined : rels.get(d.rid);
    if (!rel) throw new Error(`sheet "${d.name}" has no relationship in the workbook`);
    if (!relType(rel, 'worksheet')) continue; // chart sheets, dialog and macro sheets hold no cells
    const part = parts.get(rel.target);
    if (!part) throw new Error(`sheet "${d.name}" is missing (no ${rel.target} in the file)`);
    sheets.push({ name: d.name, hidden: d.hidden, part });
  }

  const rel = (kind: string, fallback: string) => {
    const r = [...rels.values()].find((x) => relType(x, kind));
    return parts.get(r?.target ?? posix.join(base, fallback));
  };
  return { sheets, date1904, rel };
}

// ------------------------------------------------------------------------------ the styles

/** Built-in number formats that are dates (see the header comment for the time-only ones). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a number format code shows a date: d, m or y outside literals, and not a time alone. */
export function isDateFormatCode(code: string): boolean {
  let s = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '"') {
      const j = code.indexOf('"', i + 1);
      if (j < 0) break;
      i = j;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i++; // an escaped character, a space the width of the next one, a fill character
    } else if (ch === '[') {
      const j = code.indexOf(']', i + 1);
      if (j < 0) break;
      // elapsed time ([h], [mm], [ss]) marks a time; colours, conditions and locales are dropped
      if (/^(h+|m+|s+)$/i.test(code.slice(i + 1, j))) s += 'h';
      i = j;
    } else s += ch.toLowerCase();
  }
  s = s.replace(/general/g, '').replace(/am\/pm|a\/p/g, '');
  if (/[dy]/.test(s)) return true;
  if (!s.includes('m')) return false;
  return !/[hs]/.test(s); // m next to h or s is minutes
}

async function readDateStyles(file: string, entry: ZipEntry): Promise<Uint8Array> {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inNumFmts = false;
  let inCellXfs = false;
  await parsePart(file, entry, {
    open(name, a) {
      if (name === 'numFmts') inNumFmts = true;
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'numFmt' && inNumFmts && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'xf' && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'numFmts') inNumFmts = false;
      else if (name === 'cellXfs') inCellXfs = false;
    },
  });
  const dates = new Uint8Array(xfFormats.length);
  xfFormats.forEach((id, i) => {
    const code = custom.get(id);
    dates[i] = (code !== undefined ? isDateFormatCode(code) : BUILTIN_DATES.has(id)) ? 1 : 0;
  });
  return dates;
}

// ------------------------------------------------------------------------ the shared strings

async function readSharedStrings(file: string, entry: ZipEntry): Promise<SharedStrings> {
  const strings = new SharedStrings();
  let cur = '';
  let inT = false;
  let phonetic = 0;
  await parsePart(file, entry, {
    open(name) {
      if (name === 't') inT = phonetic === 0;
      else if (name === 'si') cur = '';
      else if (name === 'rPh') phonetic++;
    },
    text(t) {
      if (inT) cur += t;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'si') strings.add(unescapeX(cur));
      else if (name === 'rPh') phonetic--;
    },
  });
  return strings.done();
}

// ------------------------------------------------------------------------------ the sheets

/** Zero-based column of a cell reference (`AB12` → 27), or -1 when it has no letters. */
function columnOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    let c = ref.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
    if (n > MAX_COLUMNS) break;
  }
  return i === 0 ? -1 : n - 1;
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

/**
 * The rows of one sheet, parsed as its XML inflates, in one batch per inflated chunk; the stream
 * and file close when done or abandoned.
 */
async function* sheetBatches(file: string, sheet: SheetPart, book: Book): AsyncGenerator<RawRow[]> {
  const queue: RawRow[] = [];
  const parser = sheetParser(book, queue);
  let chunks: AsyncGenerator<string> | undefined;
  try {
    let batch: RawRow[] = [];
    try {
      chunks = utf8(await openEntry(file, sheet.part));
    } catch (e) {
      throw inputError(e, file, sheet.name);
    }
    for (let done = false; !done; ) {
      try {
        const next = await chunks.next();
        if (next.done) {
          parser.close();
          done = true;
        } else parser.write(next.value as string);
        batch = queue.splice(0);
      } catch (e) {
        throw inputError(e, file, sheet.name);
      }
      if (batch.length) yield batch;
    }
  } finally {
    await chunks?.return(undefined);
  }
}

/** A number as Excel stores it in `<v>`: decimal digits, an optional fraction and exponent. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d{1,3})?$/;

/** The smallest normal double: below it a value is a denormal, which no spreadsheet amount is. */
const MIN_NORMAL = 2 ** -1022;

const UNCALCULATED: RawCell = Object.freeze({ error: '', uncalculated: true as const });

function sheetParser(book: Book, out: RawRow[]): SaxesParser {
  const { strings, dateStyles, date1904 } = book;
  let inData = false;
  let rowNum = 0;
  let cells: RawCell[] = [];
  let col = -1;
  let type = 'n';
  let style = 0;
  let text = '';
  let hasValue = false;
  let hasFormula = false;
  let inValue = false;
  let inInline = false;
  let phonetic = 0;

  const value = (): RawCell => {
    if (!hasValue) return hasFormula ? UNCALCULATED : null;
    switch (type) {
      case 's': {
        if (text === '') return null;
        const v = /^\d{1,10}$/.test(text) ? strings.get(+text) : undefined;
        if (v === undefined) throw new Error(`row ${rowNum}: a cell refers to shared text number "${text.slice(0, 20)}", which the workbook does not have`);
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
        const n = DECIMAL.test(text) ? +text : NaN;
        if (!Number.isFinite(n) || (n !== 0 && Math.abs(n) < MIN_NORMAL)) return text;
        return dateStyles[style] === 1 ? serialToDate(n, date1904) : n;
      }
    }
  };

  // element names are matched as written, and only a prefixed one (`x:c`) is looked at again
  const open = (name: string, a: Attrs): void => {
    if (!inData) {
      if (local(name) === 'sheetData') inData = true;
      return;
    }
    switch (name) {
      case 'row': {
        const r = a.r === undefined ? NaN : parseInt(a.r, 10);
        rowNum = r >= 1 ? r : rowNum + 1;
        cells = [];
        col = -1;
        break;
      }
      case 'c': {
        const c = a.r === undefined ? -1 : columnOf(a.r);
        col = c >= 0 ? c : col + 1;
        if (col >= MAX_COLUMNS) throw new Error(`row ${rowNum} has a cell beyond column XFD`);
        type = a.t ?? 'n';
        style = a.s === undefined ? 0 : +a.s;
        text = '';
        hasValue = false;
        hasFormula = false;
        inInline = false;
        phonetic = 0;
        break;
      }
      case 'v':
        inValue = true;
        hasValue = true;
        break;
      case 'f':
        hasFormula = true;
        break;
      case 'is':
        inInline = true;
        hasValue = true;
        type = 'inlineStr';
        break;
      case 't':
        if (inInline && phonetic === 0) inValue = true;
        break;
      case 'rPh':
        phonetic++;
        break;
      default:
        if (name.includes(':')) open(local(name), a);
    }
  };
  const close = (name: string): void => {
    if (!inData) return;
    switch (name) {
      case 'v':
      case 't':
        inValue = false;
        break;
      case 'rPh':
        phonetic--;
        break;
      case 'is':
        inInline = false;
        break;
      case 'c': {
        const v = value();
        if (v !== null) {
          while (cells.length < col) cells.push(null);
          cells[col] = v;
        }
        break;
      }
      case 'row':
        out.push({ row: rowNum, cells });
        break;
      case 'sheetData':
        inData = false;
        break;
      default:
        if (name.includes(':')) close(local(name));
    }
  };
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (t) => open(t.name, t.attributes as Attrs));
  parser.on('text', (t) => {
    if (inValue) text += t;
  });
  parser.on('closetag', (t) => close(t.name));
  return parser;
}
