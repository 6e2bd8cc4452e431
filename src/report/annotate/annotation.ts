/**
 * The annotated error workbook for several inputs with an .xlsx among them (one .xlsx is copied
 * part by part instead: copy-xlsx.ts; CSVs alone make a workbook written by us: copy-csv.ts),
 * whatever the host: a new .xlsx with an `Errors` sheet listing every finding (first tab), then
 * a copy of every sheet of every input (xlsx sheets and CSVs) with each finding's cell filled
 * red (error) or amber (warning) and given a note.
 *
 * Everything streams: exceljs's WorkbookReader (or papaparse for CSV) into one
 * `stream.xlsx.WorkbookWriter`, one sheet at a time, each row committed as it is written, with a
 * turn of the event loop every 100 rows (the writer has no backpressure; see
 * /work/shared/spec/packages-perf.md §5). Memory holds the findings, their index, the notes of
 * the sheet being written (capped, ~1 KB each) and the Errors sheet's links.
 *
 * Where the bytes go and how an input workbook reaches exceljs's reader is the host's part:
 * index.ts (Node: files) and browser.ts (a Blob).
 */
import ExcelJS from 'exceljs';
import { Gstr1Error, InputError } from '../../model/errors.js';
import type { Finding } from '../../model/finding.js';
import { readCsv } from '../../parsers/csv.js';
import type { RawRow } from '../../parsers/raw.js';
import { CSV_WIDTH_SAMPLE, csvSheetName, csvWidths } from './copy-csv.js';
import { ERRORS_SHEET, writeErrorsSheet, type CellLink } from './errors-sheet.js';
import { fileKey, indexFindings, marksForSheet, mergedMarks, type FileMarks, type SheetMarks } from './marks.js';
import { MAX_COLS, MAX_ROWS, SheetNames } from './names.js';
import { kindOf } from './route.js';
import { DEFAULT_MAX_NOTES } from './placement.js';
import { SheetXmlScanner, type SheetLayout } from './sheet-xml.js';
import { PLAIN, PLAIN_ROW, fillFor, noteText, plainStyleFor } from './style.js';
import { addMerges, putSheetFirst } from './writer-hooks.js';

export interface AnnotateOptions {
  /** most cells given a note in the whole workbook; beyond it cells are only filled (default 20,000) */
  maxNotes?: number;
}

export { DEFAULT_MAX_NOTES } from './placement.js';

/** How exceljs's streaming reader is set up for an input workbook. */
export const READER_OPTIONS = {
  sharedStrings: 'cache',
  styles: 'cache',
  hyperlinks: 'ignore',
  worksheets: 'emit',
  entries: 'ignore',
} as const;

const YIELD_EVERY = 100;
const CSV_HEADER_STYLE: Partial<ExcelJS.Style> = { font: { bold: true } };

export type Writer = ExcelJS.stream.xlsx.WorkbookWriter;
type Sheet = ExcelJS.Worksheet;

/** What exceljs's WorksheetReader carries besides its rows (see workbook-reader.js). */
interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name: string;
  state?: string;
  iterator: AsyncIterable<Buffer | string>;
}
export interface BookReader extends AsyncIterable<SheetReader> {
  model?: { sheets?: { name: string }[] };
}

/** An input workbook open in exceljs's reader, and what to release after. */
export interface OpenedBook {
  readonly reader: BookReader;
  close(): Promise<void>;
}

/** The host's part of an annotation. */
export interface AnnotationIO {
  /** the writer of the annotated workbook */
  readonly wb: Writer;
  /**
   * An input workbook in exceljs's streaming reader. That reader loses or misnames sheets when
   * they come before the workbook part and the shared strings (exceljs #3064; see zip-order.ts):
   * the host gives it a reordered copy, whose entries are checked first (damaged deflate data
   * makes that reader hang).
   */
  openBook(file: string): Promise<OpenedBook>;
  /** a failure of the output so far (disk full...), if any */
  writeFailure(): unknown;
}

/** One turn of the event loop (setImmediate in Node, a message to itself in a browser). */
function nextTurn(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((r) => setImmediate(r));
  return new Promise((r) => {
    const ch = new MessageChannel();
    // (Node's typings of a global MessagePort lack the DOM's onmessage)
    (ch.port1 as unknown as { onmessage: () => void }).onmessage = () => {
      ch.port1.close();
      r();
    };
    ch.port2.postMessage(null);
  });
}

export class Annotation {
  notes = 0;
  fills = 0;
  unmatched = 0;
  notesSkipped = 0;
  private readonly wb: Writer;
  private readonly marks: Map<string, FileMarks>;
  private readonly links: (CellLink | undefined)[];
  private readonly names = new SheetNames();
  private readonly maxNotes: number;
  /** data sheets with their place in the tab order: input index, sheet index in that workbook, arrival */
  private readonly sheets: { ws: Sheet; order: [number, number, number] }[] = [];
  private rows = 0;

  constructor(
    private readonly findings: readonly Finding[],
    private readonly io: AnnotationIO,
    opts: AnnotateOptions,
  ) {
    this.wb = io.wb;
    this.maxNotes = Math.max(0, opts.maxNotes ?? DEFAULT_MAX_NOTES);
    this.marks = indexFindings(findings);
    this.links = new Array<CellLink | undefined>(findings.length);
    this.names.reserve(ERRORS_SHEET);
  }

  private throwIfWriteFailed(): void {
    const e = this.io.writeFailure();
    if (e) throw e;
  }

  /** Lets the zip drain every YIELD_EVERY rows (exceljs's writer has no backpressure). */
  private readonly tick = async (): Promise<void> => {
    if (++this.rows % YIELD_EVERY === 0) {
      await nextTurn();
      this.throwIfWriteFailed();
    }
  };

  async copyFile(file: string, inputIndex: number): Promise<void> {
    const kind = await kindOf(file);
    if (kind === undefined) return;
    const fm = this.marks.get(fileKey(file));
    if (kind === 'xlsx') await this.copyWorkbook(file, inputIndex, fm);
    else await this.copyCsv(file, inputIndex, fm);
  }

  async finish(): Promise<void> {
    for (let i = 0; i < this.findings.length; i++) if (!this.links[i]) this.unmatched++;
    const errors = await writeErrorsSheet(
      this.wb,
      this.findings,
      this.links,
      { notes: this.notes, maxNotes: this.maxNotes, notesSkipped: this.notesSkipped },
      this.tick,
    );
    errors.commit();
    const data = [...this.sheets]
      .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2])
      .map((s) => s.ws);
    if (!putSheetFirst(this.wb, errors, data)) {
      // unknown exceljs internals: Errors stays last, but is the tab Excel opens on
      this.wb.views = [{ activeTab: data.length, x: 0, y: 0, width: 12000, height: 24000, firstSheet: 0, visibility: 'visible' }];
    }
    await this.wb.commit();
    this.throwIfWriteFailed();
  }

  // ------------------------------------------------------------------------------------ xlsx

  private async copyWorkbook(file: string, inputIndex: number, fm: FileMarks | undefined): Promise<void> {
    let failure: unknown;
    let arrival = 0;
    let book: OpenedBook | undefined;
    try {
      book = await this.io.openBook(file);
      const reader = book.reader;
      for await (const sr of reader) {
        const scanner = new SheetXmlScanner();
        sr.iterator = scanner.wrap(sr.iterator);
        if (failure !== undefined) {
          await drain(sr);
          continue;
        }
        const position = reader.model?.sheets?.findIndex((s) => s.name === sr.name) ?? -1;
        try {
          const ws = await this.copySheet(sr, scanner, marksForSheet(fm, sr.name));
          this.sheets.push({ ws, order: [inputIndex, position < 0 ? Number.MAX_SAFE_INTEGER : position, arrival++] });
        } catch (e) {
          failure = e; // keep reading: stopping early leaves exceljs's temp files behind
        }
      }
    } catch (e) {
      failure ??= e;
    } finally {
      await book?.close();
    }
    if (failure === undefined) return;
    // a write failure (disk full...) is reported as such; anything else is the input's fault
    this.throwIfWriteFailed();
    if (failure instanceof Gstr1Error) throw failure;
    throw new InputError('FILE_UNREADABLE', { file, detail: describe(failure) }, { cause: failure });
  }

  private async copySheet(sr: SheetReader, scanner: SheetXmlScanner, marks: SheetMarks | undefined): Promise<Sheet> {
    const name = this.names.unique(sr.name);
    const state = sr.state === 'hidden' || sr.state === 'veryHidden' ? sr.state : 'visible';
    let ws: Sheet | undefined;
    // the layout is known once <sheetData> has started, i.e. by the first row
    const open = () => (ws ??= this.openSheet(name, state, scanner.layout));
    const marked = new MarkedRows(marks);
    let last = 0;
    let failure: unknown;
    for await (const row of sr) {
      if (failure !== undefined) continue;
      try {
        const w = open();
        await this.writeMarkedRowsBefore(w, name, marked, row.number);
        if (row.number <= last) continue; // rows out of order cannot be written by a stream
        const out = rowOf(w, row.number);
        copyRow(row, out);
        const m = marked.take(row.number);
        if (m) this.mark(out, name, m);
        out.commit();
        last = row.number;
        await this.tick();
      } catch (e) {
        failure = e;
      }
    }
    if (failure !== undefined) throw failure;
    const w = open();
    await this.writeMarkedRowsBefore(w, name, marked, Infinity);
    addMerges(w, scanner.merges);
    w.commit();
    return w;
  }

  private openSheet(name: string, state: 'visible' | 'hidden' | 'veryHidden', layout: SheetLayout): Sheet {
    const view: Partial<ExcelJS.WorksheetView> & Record<string, unknown> = {};
    if (layout.frozen) {
      Object.assign(view, { state: 'frozen', xSplit: layout.frozen.xSplit, ySplit: layout.frozen.ySplit });
      if (layout.frozen.topLeftCell) view.topLeftCell = layout.frozen.topLeftCell;
    }
    if (layout.showGridLines === false) view.showGridLines = false;
    if (layout.zoomScale) view.zoomScale = layout.zoomScale;
    if (layout.rightToLeft) view.rightToLeft = true;
    const properties: Partial<ExcelJS.WorksheetProperties> = {};
    if (layout.tabColor) properties.tabColor = { argb: layout.tabColor };
    if (layout.defaultRowHeight) properties.defaultRowHeight = layout.defaultRowHeight;
    if (layout.defaultColWidth) properties.defaultColWidth = layout.defaultColWidth;
    const ws = this.wb.addWorksheet(name, {
      state,
      views: Object.keys(view).length ? [view] : [],
      properties,
    } as Partial<ExcelJS.AddWorksheetOptions>);
    for (const c of layout.cols) {
      if (c.width === undefined && !c.hidden) continue;
      for (let i = c.min; i <= Math.min(c.max, MAX_COLS); i++) {
        const col = ws.getColumn(i);
        if (c.width !== undefined) col.width = c.width;
        if (c.hidden) col.hidden = true;
      }
    }
    return ws;
  }

  // ------------------------------------------------------------------------------------- csv

  private async copyCsv(file: string, inputIndex: number, fm: FileMarks | undefined): Promise<void> {
    for await (const sheet of readCsv(file)) {
      const name = this.names.unique(csvSheetName(fm, sheet.name, file));
      const marked = new MarkedRows(mergedMarks(fm));
      const sample: RawRow[] = [];
      let ws: Sheet | undefined;
      let last = 0;
      const write = async (raw: RawRow) => {
        const w = ws!;
        await this.writeMarkedRowsBefore(w, name, marked, raw.row);
        if (raw.row <= last || raw.row > MAX_ROWS) return;
        const out = rowOf(w, raw.row);
        raw.cells.forEach((v, i) => {
          if (v === null || v === undefined || i >= MAX_COLS) return;
          const cell = out.getCell(i + 1);
          cell.value = typeof v === 'string' ? v : (v as ExcelJS.CellValue);
          cell.style = raw.row === 1 ? CSV_HEADER_STYLE : PLAIN;
        });
        const m = marked.take(raw.row);
        if (m) this.mark(out, name, m);
        out.commit();
        last = raw.row;
        await this.tick();
      };
      const openCsv = () => {
        ws = this.wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
        csvWidths(sample).forEach((w, i) => {
          ws!.getColumn(i + 1).width = w;
        });
      };
      for await (const raw of sheet.rows) {
        if (!ws) {
          sample.push(raw);
          if (sample.length < CSV_WIDTH_SAMPLE) continue;
          openCsv();
          for (const r of sample) await write(r);
          continue;
        }
        await write(raw);
      }
      if (!ws) {
        openCsv();
        for (const r of sample) await write(r);
      }
      await this.writeMarkedRowsBefore(ws!, name, marked, Infinity);
      ws!.commit();
      this.sheets.push({ ws: ws!, order: [inputIndex, 0, this.sheets.length] });
    }
  }

  // ----------------------------------------------------------------------------------- marks

  /** Rows with findings that the input does not have (blank rows): written with just the marks. */
  private async writeMarkedRowsBefore(ws: Sheet, sheet: string, marked: MarkedRows, before: number): Promise<void> {
    for (let r = marked.next(); r !== undefined && r < before; r = marked.next()) {
      const m = marked.take(r)!;
      const row = rowOf(ws, r);
      this.mark(row, sheet, m);
      row.commit();
      await this.tick();
    }
  }

  private mark(row: ExcelJS.Row, sheet: string, cols: Map<number, number[]>): void {
    for (const [col, idx] of cols) {
      const fs = idx.map((i) => this.findings[i]!);
      const cell = row.getCell(col);
      // a new style object: the reader shares one per style id
      cell.style = { ...cell.style, fill: fillFor(fs) };
      this.fills++;
      if (this.notes < this.maxNotes) {
        cell.note = noteText(fs);
        this.notes++;
      } else this.notesSkipped++;
      for (const i of idx) this.links[i] = { sheet, row: row.number, col };
    }
  }
}

/** The rows of one sheet that carry findings, in order, consumed as the sheet is written. */
class MarkedRows {
  private readonly rows: number[];
  private at = 0;

  constructor(private readonly marks: SheetMarks | undefined) {
    this.rows = marks ? [...marks.keys()].sort((a, b) => a - b) : [];
  }

  next(): number | undefined {
    return this.rows[this.at];
  }

  /** The marks of `row` if it is the next marked row; rows skipped over are dropped. */
  take(row: number): Map<number, number[]> | undefined {
    while (this.at < this.rows.length && this.rows[this.at]! < row) this.at++;
    if (this.rows[this.at] !== row) return undefined;
    this.at++;
    return this.marks!.get(row);
  }
}

/** Values, styles and heights of one row, as read. */
function copyRow(src: ExcelJS.Row, dst: ExcelJS.Row): void {
  if (src.height) dst.height = src.height;
  // a row's own format (`<row s=".." customFormat="1">`): on exceljs's Row, missing from its typings
  const rowStyle = (src as unknown as { style?: Partial<ExcelJS.Style> }).style;
  if (rowStyle && Object.keys(rowStyle).length) setRowStyle(dst, rowStyle);
  src.eachCell({ includeEmpty: true }, (cell, col) => {
    if (col > MAX_COLS) return;
    const value = plainValue(cell.value);
    const style = cell.style;
    const styled = style !== undefined && Object.keys(style).length > 0;
    if (value === null && !styled) return;
    const out = dst.getCell(col);
    if (value !== null) out.value = value;
    if (styled) out.style = style;
    else {
      const plain = plainStyleFor(value);
      if (plain) out.style = plain;
    }
  });
}

/** A row of the sheet being written, with the shared empty row style (see style.ts). */
function rowOf(ws: Sheet, n: number): ExcelJS.Row {
  const row = ws.getRow(n);
  setRowStyle(row, PLAIN_ROW);
  return row;
}

function setRowStyle(row: ExcelJS.Row, style: Partial<ExcelJS.Style>): void {
  (row as unknown as { style: Partial<ExcelJS.Style> }).style = style;
}

/** The reader's value, except a shared formula's dependent cell (no formula text) keeps its result. */
function plainValue(v: ExcelJS.CellValue | undefined): ExcelJS.CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object' && !(v instanceof Date)) {
    const o = v as unknown as Record<string, unknown>;
    if ('sharedFormula' in o || ('formula' in o && !o.formula)) {
      const r = o.result;
      return r === undefined || r === null ? null : (r as ExcelJS.CellValue);
    }
  }
  return v;
}

async function drain(rows: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of rows);
}

function describe(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0]!.slice(0, 200);
}
