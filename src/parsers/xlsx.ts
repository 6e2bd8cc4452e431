/**
 * Streaming .xlsx reader: our zip reader (zip.ts, random access by the central directory), the
 * `saxes` SAX parser for the small parts, and for the worksheets an offset scanner that reads the
 * usual rows and cells without an object per attribute, saxes reading whatever it does not
 * (sheet-reader.ts, sheet-scan.ts). Whatever the order of the parts in the zip, it reads the workbook part
 * (sheet names, states, `date1904`), its relationships (where each sheet is), the styles (which
 * cell formats are dates) and the shared strings first, then streams each worksheet in workbook
 * order, one row at a time. Memory holds the shared strings and one inflated chunk's rows: it
 * does not grow with the row count. No temp files (packages-perf.md §7 option (b)).
 *
 * Cell values:
 * - `t="s"` shared string, `t="inlineStr"` (`<is>`), `t="str"` (a formula's text result): text,
 *   rich-text runs concatenated, phonetic runs (`<rPh>`) skipped, `_xHHHH_` escapes decoded
 * - `t="b"`: boolean; `t="e"`: `{ error: '#N/A' }`; `t="d"`: an ISO date → Date (UTC when no zone)
 * - `t="n"` or none: a number, or a Date (UTC) when the cell's format is a date format, or when
 *   it is a percentage format the text Excel shows, unrounded: 0.05 under `0%` is "5%", 0.075 is
 *   "7.5%" (a rate typed 5 % in a percent-formatted cell is read as the 5 the user sees, not 0.05)
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
import { posix, resolveTarget } from './zip-paths.js';
import { SaxesParser } from 'saxes';
import { InputError } from '../model/errors.js';
import { zipInputError } from './detect.js';
import { rowsOf, type RawRow, type RawSheet } from './raw.js';
import { SharedStrings } from './shared-strings.js';
import { NumberStyle, unescapeX } from './sheet-cells.js';
import { local, SheetReader, type Attrs } from './sheet-reader.js';
import { scanSharedStrings } from './strings-scan.js';
import { streamDecoder } from './utf8-chunks.js';
import { openEntry, readZip, type ZipEntry } from './zip.js';

export { serialToDate } from './sheet-cells.js';

interface SheetPart {
  readonly name: string;
  readonly hidden: boolean;
  readonly part: ZipEntry;
}

interface Book {
  readonly sheets: readonly SheetPart[];
  readonly strings: SharedStrings;
  /** per cell style index (`<c s>`): the kind of its number format (`NumberStyle`) */
  readonly styles: Uint8Array;
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

interface XmlHandlers {
  open?(name: string, attrs: Attrs): void;
  text?(text: string): void;
  close?(name: string): void;
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
  const dec = streamDecoder('utf-8');
  for await (const b of bytes) yield dec.decode(b, false);
  const rest = dec.decode(undefined, true);
  if (rest) yield rest;
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
  const styles = stylesEntry ? await readNumberStyles(file, stylesEntry) : new Uint8Array(0);
  const stringsEntry = rel('sharedStrings', 'sharedStrings.xml');
  const strings = stringsEntry ? await readSharedStrings(file, stringsEntry) : new SharedStrings();
  return { sheets, strings, styles, date1904 };
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
/** Built-in percentage formats: `0%`, `0.00%`. */
const BUILTIN_PERCENTS = new Set([9, 10]);

/** Whether a number format code shows a date: d, m or y outside literals, and not a time alone. */
export function isDateFormatCode(code: string): boolean {
  const s = formatSymbols(code);
  if (/[dy]/.test(s)) return true;
  if (!s.includes('m')) return false;
  return !/[hs]/.test(s); // m next to h or s is minutes
}

/** Whether a number format code shows the value × 100: a % outside literals (`0"%"`, `0\%` show it as it is). */
export function isPercentFormatCode(code: string): boolean {
  return formatSymbols(code).includes('%') && !isDateFormatCode(code);
}

/**
 * A format code's symbols, lower case, without its literals (quoted text, escaped characters,
 * spacing and fill characters), colours, conditions and locales, nor "General" and AM/PM; an
 * elapsed time (`[h]`) is kept as `h`.
 */
function formatSymbols(code: string): string {
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
  return s.replace(/general/g, '').replace(/am\/pm|a\/p/g, '');
}

/** Each cell style's number format kind (`NumberStyle`), by style index. */
async function readNumberStyles(file: string, entry: ZipEntry): Promise<Uint8Array> {
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
  const styles = new Uint8Array(xfFormats.length);
  xfFormats.forEach((id, i) => {
    const code = custom.get(id);
    if (code !== undefined ? isDateFormatCode(code) : BUILTIN_DATES.has(id)) styles[i] = NumberStyle.Date;
    else if (code !== undefined ? isPercentFormatCode(code) : BUILTIN_PERCENTS.has(id)) styles[i] = NumberStyle.Percent;
  });
  return styles;
}

// ------------------------------------------------------------------------ the shared strings

async function readSharedStrings(file: string, entry: ZipEntry): Promise<SharedStrings> {
  return (await scanSharedStrings(utf8(await openEntry(file, entry)))) ?? (await saxSharedStrings(utf8(await openEntry(file, entry))));
}

/** The shared strings read by saxes: what the scanner does not read (strings-scan.ts), and the yardstick of its tests. */
export async function saxSharedStrings(chunks: AsyncIterable<string>): Promise<SharedStrings> {
  const strings = new SharedStrings();
  let cur = '';
  let inT = false;
  let phonetic = 0;
  const parser = newParser({
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
  for await (const chunk of chunks) parser.write(chunk);
  parser.close();
  return strings.done();
}

// ------------------------------------------------------------------------------ the sheets

/**
 * The rows of one sheet, parsed as its XML inflates, in one batch per inflated chunk; the stream
 * and file close when done or abandoned.
 */
async function* sheetBatches(file: string, sheet: SheetPart, book: Book): AsyncGenerator<RawRow[]> {
  const queue: RawRow[] = [];
  const reader = new SheetReader(book.strings, book.styles, book.date1904, queue);
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
          reader.close();
          done = true;
        } else reader.write(next.value as string);
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

