/**
 * One worksheet's XML to rows. The offset scanner (sheet-scan.ts) reads the rows it knows, and
 * saxes reads everything else: the XML around `<sheetData>`, and every row from the first one the
 * scanner hands off. Both build the rows in one SheetCells, so the values and errors are the same
 * whichever read a row, and the whole text is checked as XML.
 */
import { SaxesParser } from 'saxes';
import type { RawRow } from './raw.js';
import type { SharedStrings } from './shared-strings.js';
import { columnOf, SheetCells } from './sheet-cells.js';
import { HANDOFF, RowScanner } from './sheet-scan.js';

export type Attrs = Record<string, string>;

/** The element name without its namespace prefix (`x:row` → `row`). */
export function local(name: string): string {
  // the last colon: a name of many colons ("a:a:a:...") is looked at once, not once per colon
  const i = name.lastIndexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** saxes reads up to `<sheetData>`, the scanner reads rows from there, saxes again from where the scanner hands off. */
const BEFORE_ROWS = 0;
const SCANNING = 1;
const SAXES = 2;

const SHEET_DATA = '<sheetData>';

/**
 * A row cut off at the end of the text at hand is scanned again with the next chunk; one longer
 * than this (no real row is) goes to saxes, so no text is scanned over and over.
 */
const MAX_CUT_ROW = 1 << 20;

/** One worksheet's XML, written chunk by chunk as it inflates: the rows go to `out`. */
export class SheetReader {
  private mode = BEFORE_ROWS;
  /** decoded text not yet given to either reader */
  private pending = '';
  private readonly parser: SaxesParser;
  private readonly scanner: RowScanner;
  private readonly sax: { inData: boolean; doctype: boolean };

  /** `scan` false: saxes reads every row (the tests compare the two readers) */
  constructor(strings: SharedStrings, styles: Uint8Array, date1904: boolean, out: RawRow[], scan = true) {
    const cells = new SheetCells(strings, styles, date1904, out);
    if (!scan) this.mode = SAXES;
    this.sax = { inData: false, doctype: false };
    this.parser = saxSheet(cells, this.sax);
    this.scanner = new RowScanner(cells);
  }

  write(chunk: string): void {
    if (this.mode === SAXES) {
      this.parser.write(chunk);
      return;
    }
    this.pending = this.pending === '' ? chunk : this.pending + chunk;
    if (this.mode === BEFORE_ROWS) this.findRows();
    if (this.mode === SCANNING) this.scanRows();
  }

  close(): void {
    if (this.pending !== '') this.parser.write(this.pending);
    this.pending = '';
    this.parser.close();
  }

  private toSaxes(): void {
    this.parser.write(this.pending);
    this.pending = '';
    this.mode = SAXES;
  }

  /** Gives saxes the text up to `<sheetData>`; the scanner starts after it, unless a DOCTYPE came first (its entities are saxes's). */
  private findRows(): void {
    for (;;) {
      if (this.sax.inData || this.sax.doctype) return this.toSaxes();
      const at = this.pending.indexOf(SHEET_DATA);
      if (at < 0) {
        // keep what may be the start of `<sheetData>`
        const cut = Math.max(0, this.pending.length - SHEET_DATA.length + 1);
        this.parser.write(this.pending.slice(0, cut));
        this.pending = this.pending.slice(cut);
        return;
      }
      this.parser.write(this.pending.slice(0, at + SHEET_DATA.length));
      this.pending = this.pending.slice(at + SHEET_DATA.length);
      // not opened by this text (it was in a comment): look further
      if (this.sax.inData && !this.sax.doctype) {
        this.mode = SCANNING;
        return;
      }
    }
  }

  private scanRows(): void {
    const ended = this.scanner.scan(this.pending);
    const pos = this.scanner.pos;
    this.pending = pos === 0 ? this.pending : this.pending.slice(pos);
    if (ended === HANDOFF || this.pending.length > MAX_CUT_ROW) this.toSaxes();
  }
}

/** saxes over a sheet, building its rows in `cells`; `state` says when `<sheetData>` opened and whether a DOCTYPE came. */
function saxSheet(cells: SheetCells, state: { inData: boolean; doctype: boolean }): SaxesParser {
  let inValue = false;
  let inInline = false;
  let phonetic = 0;

  // element names are matched as written, and only a prefixed one (`x:c`) is looked at again
  const open = (name: string, a: Attrs): void => {
    if (!state.inData) {
      if (local(name) === 'sheetData') state.inData = true;
      return;
    }
    switch (name) {
      case 'row':
        cells.startRow(a.r === undefined ? NaN : parseInt(a.r, 10));
        break;
      case 'c':
        cells.startCell(a.r === undefined ? -1 : columnOf(a.r), a.t ?? 'n', a.s === undefined ? 0 : +a.s);
        inInline = false;
        phonetic = 0;
        break;
      case 'v':
        inValue = true;
        cells.hasValue = true;
        break;
      case 'f':
        cells.hasFormula = true;
        break;
      case 'is':
        inInline = true;
        cells.hasValue = true;
        cells.type = 'inlineStr';
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
    if (!state.inData) return;
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
      case 'c':
        cells.endCell();
        break;
      case 'row':
        cells.endRow();
        break;
      case 'sheetData':
        state.inData = false;
        break;
      default:
        if (name.includes(':')) close(local(name));
    }
  };
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (t) => open(t.name, t.attributes as Attrs));
  parser.on('text', (t) => {
    if (inValue) cells.text += t;
  });
  parser.on('closetag', (t) => close(t.name));
  parser.on('doctype', () => (state.doctype = true));
  return parser;
}
