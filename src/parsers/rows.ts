/**
 * From files to parsed rows: picks the sheet spec for each sheet or CSV, finds the header row,
 * skips help/master sheets, blank and total rows, coerces each cell, and keeps every row's
 * source location to the end. Rows stream; nothing here holds more than one row.
 */
import { FIELD_KINDS, type CellKind, type Field, type FieldValues } from '../model/fields.js';
import type { FindingSink, Location } from '../model/finding.js';
import { InputError } from '../model/errors.js';
import { flatCopy } from '../model/flat.js';
import {
  NON_DATA_SHEETS, SHEETS, UNSUPPORTED_SHEETS, normaliseSheetName, sheetByName, sheetSpec,
  type ColumnSpec, type SheetId, type SheetSpec,
} from '../model/sheets.js';
import { coerceCell, coercionMemo, defaultFor, idText, isRateField, plainHundredths, plainHundredthsIn, plainRateIn, textShortcut, type Coerced } from './coerce.js';
import { readCsv } from './csv.js';
import { LineCells, LineRow } from './line-row.js';
import { detectFile } from './detect.js';
import { looksLikeHeader, matchHeaders, nearestHeader, normaliseHeader, specBySignature, type ColumnRef, type HeaderMatch, type RepeatedColumn } from './headers.js';
import { cellText, isBlank, type RawCell, type RawRow, type RawSheet } from './raw.js';
import { readXlsx } from './xlsx.js';
import { host } from './host/source.js';
import { isLegacyColumn, legacyReading } from './legacy.js';
import { holdsOnlyUnread, unreadRowFinding } from './unread-row.js';
import type { Period } from '../model/period.js';

/** One sheet (or CSV) being read: its spec and where each field's column is. */
export interface SheetContext {
  readonly file: string;
  /** sheet name in the workbook; for a CSV, the file's base name */
  readonly sheet: string;
  readonly spec: SheetSpec;
  readonly columns: Partial<Record<Field, ColumnRef>>;
  readonly format: 'xlsx' | 'csv';
  readonly headerRow: number;
  /** a CSV's separator */
  readonly delimiter?: string;
  /** this sheet's row counts */
  readonly stats: SheetStats;
}

export interface ParsedRow {
  readonly ctx: SheetContext;
  readonly row: number;
  readonly values: Partial<FieldValues>;
  readonly cells: readonly RawCell[];
  /** the CSV line the cells were cut from, where its batch had no quotes (RawRow.line) */
  readonly line?: string;
  /** whether the field's cell is blank, where the row can tell without its cells (row-ship.ts) */
  blank?(field: Field): boolean;
  /** bit i: the cell of the sheet's column i (its spec's order) is blank or absent, where the row knows it without its cells */
  readonly blankBits?: number;
}

/** Row counts per sheet, for the summary: read = mapped + rejected. */
export interface SheetStats {
  readonly file: string;
  readonly sheet: string;
  readonly sheetId: SheetId;
  read: number;
  rejected: number;
  /** total rows and rows with data only in columns not read (blank rows are not counted) */
  skipped: number;
}

export interface ReadOptions {
  /** force every CSV (and unrecognised sheet) to this sheet spec */
  section?: SheetId;
  findings: FindingSink;
  stats: SheetStats[];
  maxUnzippedBytes?: number;
  /** called every so many rows with the rows read so far */
  onProgress?: (rows: number, file: string) => void;
  /** the return period (an older template's hsn sheet without Rate is read only for periods before May 2021) */
  period?: Period;
  /**
   * Read quote-free CSV text line by line, coercing from the line (LineRow): the default. False
   * reads every CSV through papaparse's records and the general coercion (tests compare the two).
   */
  csvLines?: boolean;
}

/**
 * Where a field's cell is, for findings. The cell's text is copied: a finding lives to the end of
 * the run, and a cell cut from a batch's text would keep all of it (64 KB) alive. At 500,000 lines
 * the warnings a rule held back until its documents were complete kept some 40 such texts.
 */
export function at(r: ParsedRow, field?: Field): Location & { value?: string } {
  const col = field ? r.ctx.columns[field] : undefined;
  if (!col) return { file: r.ctx.file, sheet: r.ctx.sheet, row: r.row };
  return {
    file: r.ctx.file, sheet: r.ctx.sheet, row: r.row, column: col.header, col: col.col,
    value: flatCopy(cellText(r.cells[col.col - 1])),
  };
}

/** Whether the row left the field's cell blank, or its sheet has no such column. */
export function isBlankCell(r: ParsedRow, field: Field): boolean {
  if (r.blank) return r.blank(field);
  const col = r.ctx.columns[field];
  return !col || isBlank(r.cells[col.col - 1]);
}

const HEADER_SCAN_ROWS = 10;
const TOTAL_ROW = /^\s*(grand\s+)?(sub\s*)?totals?\b/i;
/** The kinds of field that make a row a document (or a line of its own): a totals line has none of them. */
const OWN_KINDS: ReadonlySet<CellKind> = new Set(['docnum', 'date', 'id', 'pos', 'hsn', 'uqc']);

/** Reads every row of every file, in order. Unreadable files throw InputError (exit 2). */
export async function* readRows(files: readonly string[], opts: ReadOptions): AsyncGenerator<ParsedRow> {
  for await (const batch of readRowBatches(files, opts)) for (const r of batch) yield r;
}

/**
 * `readRows` in batches: each batch is a synchronous iterable that reads (coerces) a row only when
 * it is asked for the next one, so a caller handling rows one by one sees findings in the same
 * order as with `readRows`. A batch must be iterated to its end before the next is asked for.
 */
export async function* readRowBatches(files: readonly string[], opts: ReadOptions): AsyncGenerator<Iterable<ParsedRow>> {
  const progress = { total: 0, file: '' };
  for (const file of files) {
    const kind = await detectFile(file, opts.maxUnzippedBytes ? { maxUnzippedBytes: opts.maxUnzippedBytes } : {});
    const sheets = kind === 'xlsx' ? (host().readWorkbook?.(file) ?? readXlsx(file)) : readCsv(file, { lines: opts.csvLines !== false });
    progress.file = file;
    let known = 0;
    // hidden sheets laid out like a template sheet, not read (SHEET_HIDDEN_SKIPPED)
    const hiddenLike: string[] = [];
    for await (const sheet of sheets) {
      const target = resolveSheet(file, kind, sheet, opts);
      if (target.skip) {
        await drain(sheet.rows);
        continue;
      }
      const before = opts.stats.length;
      const reader = new SheetReader(file, kind, sheet, target.spec, opts, target.hidden === true);
      if (sheet.batches) {
        for await (const raws of sheet.batches) yield reader.rows(raws, progress);
      } else {
        for await (const raw of sheet.rows) yield reader.rows([raw], progress);
      }
      reader.end();
      if (reader.hiddenLike) hiddenLike.push(`${sheet.name} (laid out like ${reader.hiddenLike})`);
      // a sheet counts as known when its name is a template sheet or its headers matched one
      if (target.spec || opts.stats.length > before) known++;
    }
    // recognised but hidden is not "no sheet this tool recognises"
    if (known === 0 && hiddenLike.length) throw new InputError('FILE_ONLY_HIDDEN_SHEETS', { file, sheets: hiddenLike.join(', ') });
    if (known === 0) {
      throw new InputError('FILE_NO_KNOWN_SHEET', {
        file,
        known: kind === 'csv' ? 'b2b.csv, cdnr.csv, hsn(b2b).csv and so on' : SHEETS.map((s) => s.names[0]).join(', '),
      });
    }
  }
}

async function drain(rows: AsyncIterable<RawRow>) {
  for await (const _ of rows);
}

function resolveSheet(file: string, kind: 'xlsx' | 'csv', sheet: RawSheet, opts: ReadOptions): { skip: true } | { skip: false; spec?: SheetSpec; hidden?: true } {
  if (kind === 'csv' && opts.section) return { skip: false, spec: sheetSpec(opts.section) };
  const name = normaliseSheetName(sheet.name);
  const byName = sheetByName(sheet.name);
  if (byName) return { skip: false, spec: byName };
  if (NON_DATA_SHEETS.includes(name) || name.startsWith('help')) return { skip: true };
  if (UNSUPPORTED_SHEETS.includes(name)) {
    opts.findings.push({ code: 'SHEET_UNSUPPORTED', severity: 'warning', file, sheet: sheet.name });
    return { skip: true };
  }
  // a hidden sheet of another name is the user's own (a lookup, workings): not read, but its header
  // is looked at, and one that is a template sheet's is reported (SheetReader)
  if (sheet.hidden) return { skip: false, hidden: true };
  // unknown name: the header signature decides (or the sheet is reported and skipped)
  return { skip: false };
}

/** One sheet's rows: finds the header, then coerces each data row; `end` reports a sheet without one. */
class SheetReader {
  private ctx: SheetContext | undefined;
  private plan: SheetPlan | undefined;
  private columns: SheetColumns | undefined;
  private stats: SheetStats | undefined;
  private scanned = 0;
  private failed = false;
  /** the template sheet a hidden sheet's headers match (it was reported, not read) */
  hiddenLike: string | undefined;
  private lastRow = 0;
  /** where the cells of the line being read start (LineRow), once the sheet's columns are known */
  private lineCells: LineCells | undefined;
  private delimiter = '';

  constructor(
    private readonly file: string,
    private readonly kind: 'xlsx' | 'csv',
    private readonly sheet: RawSheet,
    private readonly named: SheetSpec | undefined,
    private readonly opts: ReadOptions,
    /** a hidden sheet of no template name: never read, only reported when its header is a template sheet's */
    private readonly hidden: boolean,
  ) {}

  /** The parsed rows of a batch of raw rows, read one at a time as they are asked for. */
  rows(raws: readonly RawRow[], progress: { total: number; file: string }): Iterable<ParsedRow> {
    return { [Symbol.iterator]: () => new BatchRows(this, raws, progress, this.opts) };
  }

  next(raw: RawRow): ParsedRow | undefined {
    this.lastRow = raw.row;
    if (this.failed) return undefined;
    const ctx = this.ctx;
    if (ctx) {
      const lc = this.lineCells;
      if (lc && raw instanceof LineRow && !raw.wasCut) {
        lc.cut(raw.line, this.delimiter);
        if (lc.allBlank()) return undefined;
        return lineToParsedRow(ctx, this.plan!, this.columns!, raw, lc, this.stats!, this.opts);
      }
      if (allBlank(raw.cells)) return undefined;
      return toParsedRow(ctx, this.plan!, this.columns!, raw, this.stats!, this.opts);
    }
    const { file, kind, sheet, opts } = this;
    if (allBlank(raw.cells)) return undefined;
    this.scanned++;
    let spec = this.named;
    let match: HeaderMatch | undefined;
    if (spec) {
      const m = matchHeaders(spec, raw.cells);
      if (looksLikeHeader(spec, m)) match = m;
    } else {
      const found = specBySignature(raw.cells);
      if (found && this.hidden) {
        // its rows may be return data the user cannot see; reading them unasked could count them twice
        opts.findings.push({ code: 'SHEET_HIDDEN_SKIPPED', severity: 'warning', file, sheet: sheet.name, row: raw.row, params: { sheet: sheet.name, like: found.spec.names[0]! } });
        this.hiddenLike = found.spec.names[0]!;
        this.failed = true;
        return undefined;
      }
      if (found) ({ spec, match } = found);
    }
    if (spec && match) {
      const sheetName = kind === 'csv' ? spec.names[0]! : sheet.name;
      // an older official layout (V1.x) is read with defaults for what it lacks, or refused once
      const legacy = legacyReading(spec, match, opts.period);
      if (legacy.kind === 'mapped') {
        spec = legacy.spec;
        match = { ...match, missing: [] };
        onceForFile(opts, file, 'TEMPLATE_V1_READ', { sheet: sheetName, filled: legacy.filled.map((f) => spec!.columns.find((c) => c.field === f)!.header).join(', ') });
      }
      const stats: SheetStats = { file, sheet: sheetName, sheetId: spec.id, read: 0, rejected: 0, skipped: 0 };
      this.stats = stats;
      opts.stats.push(stats);
      this.ctx = { file, sheet: sheetName, spec, columns: match.columns, format: kind, headerRow: raw.row, ...(sheet.delimiter ? { delimiter: sheet.delimiter } : {}), stats };
      const defaults = legacy.kind === 'mapped' ? legacy.defaults : {};
      // an older template's defaults are values of its blank cells: each is a column of the sheet (legacy.ts)
      this.plan = planOf(this.ctx, defaults);
      this.columns = columnsOf(this.plan.columns, match, raw);
      // a row's blank cells are kept as bits, one per column of the plan (LineParsedRow)
      if (sheet.delimiter?.length === 1 && this.plan.columns.length <= 30) {
        this.lineCells = new LineCells();
        this.delimiter = sheet.delimiter;
      }
      if (legacy.kind === 'unmapped') {
        onceForFile(opts, file, 'TEMPLATE_V1', { sheet: sheetName, reason: legacy.reason });
        this.failed = true;
      } else if (!reportHeader(this.ctx, match, raw, opts, legacy.kind === 'mapped' ? isLegacyColumn : undefined)) this.failed = true;
      return undefined;
    }
    if (this.scanned >= HEADER_SCAN_ROWS) this.failed = true;
    return undefined;
  }

  end(): void {
    if (this.ctx) return;
    const { file, kind, sheet, named, opts } = this;
    const sheetLabel = kind === 'csv' ? (named?.names[0] ?? sheet.name) : sheet.name;
    if (this.hidden) return;
    if (named) {
      opts.findings.push({ code: 'HEADER_NOT_FOUND', severity: 'error', file, sheet: sheetLabel, params: { expected: named.columns.filter((c) => c.required).map((c) => c.header).join(', ') } });
    } else if (this.lastRow > 0) {
      opts.findings.push({ code: 'SHEET_UNKNOWN', severity: 'warning', file, sheet: sheetLabel, params: { known: SHEETS.map((s) => s.names[0]).join(', ') } });
    }
  }
}

/**
 * A batch's rows as an iterator written out (not a generator): one result object for the whole
 * batch and no generator frame to resume, on a path taken once per row of the return.
 */
class BatchRows implements Iterator<ParsedRow> {
  private i = 0;
  private pendingProgress = false;
  private readonly result: { done: boolean; value: ParsedRow | undefined } = { done: false, value: undefined };

  constructor(
    private readonly reader: SheetReader,
    private readonly raws: readonly RawRow[],
    private readonly progress: { total: number; file: string },
    private readonly opts: ReadOptions,
  ) {}

  next(): IteratorResult<ParsedRow> {
    // the progress call for the row handed out last comes after the caller took that row, as the generator had it
    if (this.pendingProgress) {
      this.pendingProgress = false;
      this.opts.onProgress?.(this.progress.total, this.progress.file);
    }
    const raws = this.raws;
    while (this.i < raws.length) {
      const row = this.reader.next(raws[this.i++]!);
      if (row) {
        if (++this.progress.total % 5000 === 0) this.pendingProgress = true;
        this.result.value = row;
        return this.result as IteratorResult<ParsedRow>;
      }
    }
    this.result.done = true;
    this.result.value = undefined;
    return this.result as IteratorResult<ParsedRow>;
  }
}

/** Findings said once per file and code (an older template is named once, not per sheet). */
const SAID = new WeakMap<FindingSink, Set<string>>();
function onceForFile(opts: ReadOptions, file: string, code: 'TEMPLATE_V1' | 'TEMPLATE_V1_READ', params: Record<string, string>) {
  let said = SAID.get(opts.findings);
  if (!said) SAID.set(opts.findings, (said = new Set()));
  const key = `${file}\u0000${code}`;
  if (said.has(key)) return;
  said.add(key);
  opts.findings.push({ code, severity: code === 'TEMPLATE_V1' ? 'error' : 'warning', file, sheet: params.sheet!, params });
}

function allBlank(cells: readonly RawCell[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i])) return false;
  return true;
}

/** Reports header problems; false when the sheet cannot be read (a mandatory column is missing). */
function reportHeader(ctx: SheetContext, m: HeaderMatch, raw: RawRow, opts: ReadOptions, known?: (header: string) => boolean): boolean {
  const knownHeaders = ctx.spec.columns.map((c) => c.header);
  const unknownTexts = m.unknown.map((u) => u.header);
  for (const field of m.missing) {
    const col = ctx.spec.columns.find((c) => c.field === field)!;
    const near = nearestHeader(col.header, unknownTexts);
    opts.findings.push({
      code: 'HEADER_MISSING_COLUMN', severity: 'error', file: ctx.file, sheet: ctx.sheet, row: raw.row,
      ...(near ? { column: near, col: m.unknown.find((u) => u.header === near)!.col } : {}),
      params: { expected: col.header, ...(near ? { found: near } : {}) },
    });
  }
  for (const u of m.unknown) {
    const near = nearestHeader(u.header, knownHeaders);
    const claimed = near && ctx.spec.columns.find((c) => c.header === near && !m.missing.includes(c.field) && !ctx.columns[c.field]);
    if (claimed) {
      opts.findings.push({
        code: 'HEADER_UNKNOWN_COLUMN', severity: 'warning', file: ctx.file, sheet: ctx.sheet, row: raw.row,
        column: u.header, col: u.col, params: { found: u.header, expected: near },
      });
    } else if (m.missing.length === 0 && !known?.(u.header)) {
      // no column of a sheet that is read is left unread without a word; a recipient GSTIN on a sheet without one
      // (a B2B register read as b2cl) would put registered sales in the wrong table
      const other = otherSheetOf(ctx.spec, u.header);
      opts.findings.push({
        code: 'HEADER_COLUMN_IGNORED', severity: other?.field === 'ctin' ? 'error' : 'warning', file: ctx.file, sheet: ctx.sheet, row: raw.row,
        column: u.header, col: u.col, params: { found: u.header, ...(other ? { other: other.sheet } : {}) },
      });
    }
  }
  // a second column of one field is reported where a row fills it (checkRepeated), not here
  return m.missing.length === 0;
}

/** What a sheet's rows are checked against beyond its plan: the columns that are not read. */
interface SheetColumns {
  /** 0-based indexes of the columns that are read */
  readonly read: readonly number[];
  /** header text by 1-based column, for naming an unread column */
  readonly headers: ReadonlyMap<number, string>;
  /** second columns of a field that no row has filled yet */
  repeated: RepeatedColumn[];
}

function columnsOf(plan: readonly ColumnPlan[], m: HeaderMatch, header: RawRow): SheetColumns {
  const headers = new Map<number, string>();
  header.cells.forEach((c, i) => {
    const text = cellText(c).trim();
    if (text) headers.set(i + 1, text);
  });
  return { read: plan.filter((p) => p.index >= 0).map((p) => p.index), headers, repeated: [...m.repeated] };
}

/**
 * A second column of one field, filled on this row: which of the two holds the right figure cannot
 * be known (the first is read), so the return is held. Said once per column, at the first row that
 * fills it; an empty second column changes nothing in the return and is not mentioned, as in a register.
 */
function checkRepeated(ctx: SheetContext, columns: SheetColumns, raw: RawRow, opts: ReadOptions): void {
  for (let i = 0; i < columns.repeated.length;) {
    const r = columns.repeated[i]!;
    const cell = raw.cells[r.col - 1];
    if (isBlank(cell)) {
      i++;
      continue;
    }
    columns.repeated.splice(i, 1);
    opts.findings.push({
      code: 'HEADER_DUPLICATE_COLUMN', severity: 'error', file: ctx.file, sheet: ctx.sheet, row: raw.row,
      column: r.header, col: r.col, value: cellText(cell),
      params: { found: r.header, col: r.col, first: r.first.header, firstCol: r.first.col, expected: ctx.spec.columns.find((c) => c.field === r.field)!.header },
    });
  }
}

/** The template sheet (other than `spec`) that has a column of this header, and that column's field. */
function otherSheetOf(spec: SheetSpec, header: string): { sheet: string; field: Field } | undefined {
  const h = normaliseHeader(header);
  for (const other of SHEETS) {
    if (other === spec) continue;
    for (const c of other.columns) {
      if (spec.columns.some((x) => x.field === c.field)) continue;
      if (normaliseHeader(c.header) === h || c.aliases?.some((a) => normaliseHeader(a) === h)) return { sheet: other.names[0]!, field: c.field };
    }
  }
  return undefined;
}

/** False when TOTAL_ROW cannot match: the text starts with a letter or digit other than g, s, t. */
function mayBeTotal(text: string): boolean {
  return mayBeTotalFrom(text.charCodeAt(0));
}

/** mayBeTotal of a text starting with the character `d`. */
function mayBeTotalFrom(d: number): boolean {
  const c = d | 0x20; // lower-cased for letters
  if (c >= 0x61 && c <= 0x7a) return c === 0x67 || c === 0x73 || c === 0x74;
  return !(d >= 0x30 && d <= 0x39);
}

/**
 * Whether a row whose label (at `labelAt`) says "Total" is a totals line: no document number, date,
 * GSTIN, place of supply, HSN or unit of its own. "Total Office Solutions" with an invoice number is a
 * customer's invoice, read (and reported for what it lacks) like any other.
 */
function isTotalsLine(plan: readonly ColumnPlan[], cells: readonly RawCell[], labelAt: number): boolean {
  for (const p of plan) {
    if (p.index < 0 || p.index === labelAt || !OWN_KINDS.has(FIELD_KINDS[p.col.field])) continue;
    if (!isBlank(cells[p.index])) return false;
  }
  return true;
}

/** what `remembered` gives for a text its column's memo has no good result for */
const NOT_REMEMBERED = Symbol('not remembered');

/**
 * A memo column's value for `cell` when it was coerced before without a finding: the last text's
 * (neighbouring rows often repeat it), else the memo's, which then becomes the last.
 */
function remembered(p: ColumnPlan, memo: ReadonlyMap<string, Coerced<unknown>>, cell: string): unknown {
  if (cell === p.lastText) return p.lastValue;
  const r = memo.get(cell);
  if (r === undefined || !r.ok) return NOT_REMEMBERED;
  p.lastText = cell;
  p.lastValue = r.value;
  return r.value;
}

/** How each column of a sheet is read, worked out once per sheet. */
interface ColumnPlan {
  readonly col: ColumnSpec;
  readonly ref: ColumnRef | undefined;
  /** index into the row's cells, -1 when the column is absent */
  readonly index: number;
  /** text cells read without the general path (see textShortcut) */
  readonly shortcut: 'money' | 'trim' | 'id' | undefined;
  /** remembered results by cell text, for fields whose texts repeat */
  readonly memo: ReadonlyMap<string, Coerced<unknown>> | undefined;
  /** a rate field (plainRateIn reads its plain texts from a line) */
  readonly rate: boolean;
  /** the value of a blank cell (defaultFor), looked up once */
  readonly dflt: unknown;
  /** the value of a blank cell without a default: undefined, or an older template's default */
  readonly blankValue: unknown;
  /**
   * the last remembered text of this column and its value: neighbouring rows often repeat it
   * (a memo's texts; for text and id columns, the last line's, LineParsedRow)
   */
  lastText: string | undefined;
  lastValue: unknown;
}

/** A sheet's column plans, and how a row's values become its values object. */
interface SheetPlan {
  readonly columns: readonly ColumnPlan[];
  /** each column's value of the row being read, by plan index (reused row to row) */
  readonly slots: unknown[];
  readonly make: (slots: readonly unknown[]) => Partial<FieldValues>;
  /** each field's index in `columns` */
  readonly slotOf: ReadonlyMap<Field, number>;
  /** the document's own cells of the last row read from its line (lineToParsedRow) */
  readonly prefix: LinePrefix;
}

/**
 * The lines of a document repeat its own cells (recipient, number, date, place of supply...),
 * which the template puts before the item's: a row whose text up to the rate column is the row
 * before's has those values, and the reader keeps them instead of reading them again.
 */
interface LinePrefix {
  /** the cells before this index (the rate column's) are the document's; 0: none */
  readonly cells: number;
  /** bits of the plan's columns among those cells */
  readonly mask: number;
  /** the text of the last row read up to that column, its separator included; '' when its values cannot be kept */
  text: string;
  /** its blank bits (LineParsedRow.blankBits) of those columns */
  blanks: number;
}

function planOf(ctx: SheetContext, defaults: Partial<Record<Field, unknown>>): SheetPlan {
  const columns = columnPlans(ctx, defaults);
  return {
    columns, slots: new Array<unknown>(columns.length).fill(undefined), make: valuesMaker(columns.map((p) => p.col.field)),
    slotOf: new Map(columns.map((p, i) => [p.col.field, i])),
    prefix: linePrefix(ctx, columns),
  };
}

function linePrefix(ctx: SheetContext, columns: readonly ColumnPlan[]): LinePrefix {
  const cells = ctx.columns.rt ? ctx.columns.rt.col - 1 : 0;
  let mask = 0;
  columns.forEach((p, i) => {
    if (p.index >= 0 && p.index < cells) mask |= 1 << i;
  });
  return { cells, mask, text: '', blanks: 0 };
}

/**
 * A row's values object from its slots. Stores by a field name held in a variable are V8's
 * slowest kind (a lookup per store, and more than a handful of fields go to a second block of
 * memory); an object literal per sheet, compiled once, makes every row's values in one step.
 * Where code cannot be compiled (a page whose security policy forbids it) the fields are stored
 * one by one: the same object, slower.
 */
export function valuesMaker(
  fields: readonly Field[],
  compile: (body: string) => unknown = (body) => new Function('v', body),
): (slots: readonly unknown[]) => Partial<FieldValues> {
  try {
    // the field names are the model's own (JSON.stringify quotes them as keys): no input reaches this code
    return compile(`return {${fields.map((f, i) => `${JSON.stringify(f)}: v[${i}]`).join(', ')}};`) as (slots: readonly unknown[]) => Partial<FieldValues>;
  } catch {
    return (v) => {
      const o: Partial<Record<Field, unknown>> = {};
      for (let i = 0; i < fields.length; i++) o[fields[i]!] = v[i];
      return o as Partial<FieldValues>;
    };
  }
}

function columnPlans(ctx: SheetContext, defaults: Partial<Record<Field, unknown>>): ColumnPlan[] {
  return ctx.spec.columns.map((col) => {
    const ref = ctx.columns[col.field];
    return {
      col, ref, index: ref ? ref.col - 1 : -1, shortcut: textShortcut(col.field), memo: coercionMemo(col.field), rate: isRateField(col.field), dflt: defaultFor(col.field),
      blankValue: defaults[col.field], lastText: undefined, lastValue: undefined,
    };
  });
}

function toParsedRow(
  ctx: SheetContext,
  sheetPlan: SheetPlan,
  columns: SheetColumns,
  raw: RawRow,
  stats: SheetStats,
  opts: ReadOptions,
): ParsedRow | undefined {
  const plan = sheetPlan.columns;
  // the slots are this row's now: the next line's cells are read in full (lineToParsedRow)
  sheetPlan.prefix.text = '';
  // a totals line under the data: its first cell says "Total" and it has no document of its own
  let first = -1;
  for (let i = 0; i < raw.cells.length && first < 0; i++) if (!isBlank(raw.cells[i])) first = i;
  const label = raw.cells[first];
  if (typeof label === 'string' && mayBeTotal(label) && TOTAL_ROW.test(label) && isTotalsLine(plan, raw.cells, first)) {
    stats.skipped++;
    const column = plan.find((p) => p.index === first)?.ref?.header;
    opts.findings.push({
      code: 'TOTALS_ROW_SKIPPED', severity: 'warning', file: ctx.file, sheet: ctx.sheet, row: raw.row,
      ...(column ? { column } : {}), col: first + 1, value: label, params: { label: label.trim() },
    });
    return undefined;
  }
  if (columns.repeated.length > 0) checkRepeated(ctx, columns, raw, opts);
  // a remark or running total beside the data, with nothing in the sheet's own columns: no document
  if (holdsOnlyUnread(raw.cells, columns.read)) {
    stats.skipped++;
    opts.findings.push(unreadRowFinding({ file: ctx.file, sheet: ctx.sheet, row: raw.row }, raw.cells, columns.read, columns.headers));
    return undefined;
  }
  stats.read++;
  // every field gets a slot below (a blank cell its default, an older template's, or undefined),
  // so the rows of a sheet share one shape; only a rejected row, thrown away, misses one
  const v = sheetPlan.slots;
  let rejected = false;
  const cells = raw.cells;
  for (let i = 0; i < plan.length; i++) {
    const p = plan[i]!;
    const cell = p.index >= 0 ? cells[p.index] ?? null : null;
    // the common cases first, with the same result coerceCell gives: plain amount text, and
    // text already coerced once (a remembered result is never blank and never flagged)
    if (typeof cell === 'string') {
      if (p.shortcut === 'money') {
        const h = plainHundredths(cell);
        if (h !== undefined) {
          v[i] = h;
          continue;
        }
      } else if (p.shortcut !== undefined) {
        if (!isBlank(cell)) {
          v[i] = p.shortcut === 'trim' ? cell.trim() : idText(cell);
          continue;
        }
      } else if (p.memo) {
        const known = remembered(p, p.memo, cell);
        if (known !== NOT_REMEMBERED) {
          v[i] = known;
          continue;
        }
      }
    }
    if (coerceSlot(ctx, p, cell, raw.row, opts, v, i) & REJECTED) rejected = true;
  }
  if (rejected) {
    stats.rejected++;
    return undefined;
  }
  return { ctx, row: raw.row, values: sheetPlan.make(v), cells: raw.cells, line: raw.line };
}

/** What coerceSlot found: the cell was blank, the row is rejected, a finding was made without rejecting it. */
const BLANK_CELL = 1;
const REJECTED = 2;
const FLAGGED = 4;

/**
 * A cell that no shortcut read, the general way: its value (or its default, when blank) into
 * `v[i]`, and its finding if it has one.
 */
function coerceSlot(ctx: SheetContext, p: ColumnPlan, cell: RawCell, row: number, opts: ReadOptions, v: unknown[], i: number): number {
  const { col, ref } = p;
  if (isBlank(cell)) {
    const dflt = p.dflt;
    v[i] = dflt !== undefined ? dflt : p.blankValue;
    if (dflt === undefined && col.required) {
      opts.findings.push({
        code: 'CELL_REQUIRED', severity: 'error', file: ctx.file, sheet: ctx.sheet, row,
        column: ref?.header ?? col.header, ...(ref ? { col: ref.col } : {}),
      });
      return BLANK_CELL | REJECTED;
    }
    return BLANK_CELL;
  }
  const r = coerceCell(col.field, cell!);
  if (r.ok) {
    v[i] = r.value;
    // e.g. an amount with 3 decimals: read (rounded half-up) but reported, so the return is not filed as is
    if (r.flag) {
      opts.findings.push({
        code: r.flag, severity: 'error', file: ctx.file, sheet: ctx.sheet, row,
        column: ref!.header, col: ref!.col, value: cellText(cell),
      });
      return FLAGGED;
    }
    return 0;
  }
  opts.findings.push({
    code: r.code, severity: 'error', file: ctx.file, sheet: ctx.sheet, row,
    column: ref!.header, col: ref!.col, value: cellText(cell), ...(r.params ? { params: r.params } : {}),
  });
  return REJECTED;
}

/**
 * toParsedRow of a line's row, reading the cells from the line where they start (`lc`): the same
 * values, findings and counts, without cutting the line into cells. A row that may be a totals
 * line, that fills a second column of a field, or that holds data only in unread columns is
 * rare and goes to toParsedRow (its cells then cut).
 */
function lineToParsedRow(
  ctx: SheetContext,
  sheetPlan: SheetPlan,
  columns: SheetColumns,
  raw: LineRow,
  lc: LineCells,
  stats: SheetStats,
  opts: ReadOptions,
): ParsedRow | undefined {
  const line = lc.line;
  const starts = lc.starts;
  const count = lc.count;
  let first = 0;
  while (first < count && lc.blank(first)) first++;
  if (mayBeTotalFrom(line.charCodeAt(starts[first]!)) || columns.repeated.length > 0 || lc.allBlankAt(columns.read)) {
    return toParsedRow(ctx, sheetPlan, columns, raw, stats, opts);
  }
  stats.read++;
  const plan = sheetPlan.columns;
  const v = sheetPlan.slots;
  const pre = sheetPlan.prefix;
  const m = pre.cells;
  // the document's cells as the row before had them: their values are still in the slots
  // (a slice compared: startsWith went through the text a character at a time, ten times slower)
  const same = m > 0 && m < count && pre.text.length === starts[m] && line.slice(0, starts[m]) === pre.text;
  let rejected = false;
  // a finding among the document's cells is made again on the next line: its values are read again
  let clean = true;
  let blanks = same ? pre.blanks : 0;
  for (let i = 0; i < plan.length; i++) {
    const p = plan[i]!;
    const index = p.index;
    if (same && index >= 0 && index < m) continue;
    let cell: string | null = null;
    if (index >= 0 && index < count) {
      const s = starts[index]!;
      const e = starts[index + 1]! - 1;
      if (s < e) {
        // the shortcuts of toParsedRow, from the line
        const shortcut = p.shortcut;
        if (shortcut === 'money') {
          const h = plainHundredthsIn(line, s, e);
          if (h !== undefined) {
            v[i] = h;
            continue;
          }
          cell = line.slice(s, e);
        } else if (shortcut !== undefined) {
          cell = line.slice(s, e);
          // the lines of a document repeat its recipient and number: the value of the row before, the same string,
          // which the packer and the rules then compare by reference
          if (cell === p.lastText) {
            v[i] = p.lastValue;
            continue;
          }
          if (!isBlank(cell)) {
            const value = shortcut === 'trim' ? cell.trim() : idText(cell);
            v[i] = value;
            p.lastText = cell;
            p.lastValue = value;
            continue;
          }
        } else if (p.memo) {
          // a plain rate is read in place: its text need not be cut and looked up
          if (p.rate) {
            const rate = plainRateIn(line, s, e);
            if (rate !== undefined) {
              v[i] = rate;
              continue;
            }
          }
          cell = line.slice(s, e);
          const known = remembered(p, p.memo, cell);
          if (known !== NOT_REMEMBERED) {
            v[i] = known;
            if (lc.blank(index)) blanks |= 1 << i;
            continue;
          }
        } else cell = line.slice(s, e);
      }
    }
    const found = coerceSlot(ctx, p, cell, raw.row, opts, v, i);
    if (found & BLANK_CELL) blanks |= 1 << i;
    if (found & REJECTED) rejected = true;
    if (found & (REJECTED | FLAGGED) && index >= 0 && index < m) clean = false;
  }
  if (rejected) {
    stats.rejected++;
    pre.text = '';
    return undefined;
  }
  if (!same) {
    pre.text = clean && m > 0 && m < count ? line.slice(0, starts[m]) : '';
    pre.blanks = blanks & pre.mask;
  }
  return new LineParsedRow(ctx, raw, sheetPlan.make(v), blanks, sheetPlan.slotOf);
}

/** A row read from its line: its cells cut only if a finding asks for them, its blank cells known by bit. */
class LineParsedRow implements ParsedRow {
  readonly row: number;
  readonly line: string;

  constructor(
    readonly ctx: SheetContext,
    private readonly raw: LineRow,
    readonly values: Partial<FieldValues>,
    readonly blankBits: number,
    private readonly slotOf: ReadonlyMap<Field, number>,
  ) {
    this.row = raw.row;
    this.line = raw.line;
  }

  get cells(): readonly RawCell[] {
    return this.raw.cells;
  }

  blank(field: Field): boolean {
    const i = this.slotOf.get(field);
    if (i === undefined) {
      const col = this.ctx.columns[field];
      return !col || isBlank(this.cells[col.col - 1]);
    }
    return (this.blankBits & (1 << i)) !== 0;
  }
}
