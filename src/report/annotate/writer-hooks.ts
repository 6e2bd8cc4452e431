/**
 * The three places where the annotated workbook needs more than exceljs 4.4.0's streaming
 * writer offers publicly. Each hook checks the internal it relies on and reports whether it
 * worked, so a different exceljs degrades (Errors sheet last, no merges, external-style links)
 * instead of breaking. exceljs is pinned to 4.4.0 in package.json; the tests read every one of
 * these back.
 *
 * - Tab order: the writer lists sheets in `workbook.xml` in the order of its private
 *   `_worksheets` array (indexed by sheet id). A sheet's XML stream is opened when the sheet is
 *   added, and archiver zips entries one after the other, so a sheet added early but written
 *   late would make every later sheet buffer in memory. The Errors sheet is therefore added
 *   and written last, and the array is reordered just before `commit()`. File names
 *   (`sheetN.xml`) and sheetIds keep their ids; only the listing order changes.
 * - Merged cells: the writer writes `_merges` when the sheet is committed; its public
 *   `mergeCells` needs the rows uncommitted, but the reader only sees merges after the rows.
 * - Internal hyperlinks: the streaming writer turns every hyperlink into an external
 *   relationship (`Target="#Sheet!A1" TargetMode="External"`). Excel itself writes links to a
 *   cell as `<hyperlink ref=".." location="'Sheet'!A1"/>` with no relationship, which we write.
 */
import type ExcelJS from 'exceljs';
import { xmlEscape } from './names.js';

type Writer = ExcelJS.stream.xlsx.WorkbookWriter;
type Sheet = ExcelJS.Worksheet;

interface WriterInternals {
  _worksheets?: unknown;
}
interface SheetInternals {
  _merges?: unknown;
  _writeHyperlinks?: unknown;
  stream?: { write(text: string): unknown };
  committed?: boolean;
}

/** Lists `first` before the others in the workbook's tab order. */
export function putSheetFirst(wb: Writer, first: Sheet, rest: readonly Sheet[]): boolean {
  const w = wb as unknown as WriterInternals;
  const all = w._worksheets;
  if (!Array.isArray(all)) return false;
  const present = all.filter(Boolean);
  const wanted = [first, ...rest];
  if (present.length !== wanted.length || !wanted.every((s) => present.includes(s))) return false;
  // a dense array: the writer maps over it (holes are skipped, `undefined` would not be)
  w._worksheets = wanted;
  return true;
}

/** Adds merged ranges (`A1:C1`) to a sheet whose rows are already written; before its commit. */
export function addMerges(ws: Sheet, ranges: readonly string[]): boolean {
  const s = ws as unknown as SheetInternals;
  if (!ranges.length) return true;
  if (!Array.isArray(s._merges) || s.committed) return false;
  for (const r of ranges) if (r.includes(':')) (s._merges as unknown[]).push(r);
  return true;
}

/** Collects links from cells to cells of this workbook and writes them as Excel does. */
export class InternalLinks {
  private readonly xml: string[] = [];
  readonly installed: boolean;

  constructor(ws: Sheet) {
    const s = ws as unknown as SheetInternals;
    this.installed = typeof s._writeHyperlinks === 'function';
    if (!this.installed) return;
    const xml = this.xml;
    s._writeHyperlinks = function (this: SheetInternals) {
      if (xml.length) this.stream!.write(`<hyperlinks>${xml.join('')}</hyperlinks>`);
    };
  }

  /** `location` is `'Sheet'!D12` (no `#`). */
  add(address: string, location: string, display?: string): void {
    this.xml.push(
      `<hyperlink ref="${address}" location="${xmlEscape(location)}"${display ? ` display="${xmlEscape(display)}"` : ''}/>`,
    );
  }
}
