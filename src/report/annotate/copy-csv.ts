/**
 * The annotated workbook for CSV inputs, written by us without exceljs: a new .xlsx with the
 * `Errors` sheet first (errors-xml.ts), then one sheet per CSV in the order given. Each sheet
 * holds the CSV's text as it was, cell by cell (text, never converted to numbers or dates, so
 * nothing is reformatted), the header line bold and frozen, column widths from the first 200
 * lines; the findings' cells get the red or amber fill and a note (notes-xml.ts), as in the
 * copy of a workbook (copy-xlsx.ts).
 *
 * Rows stream from the CSV reader through the zip writer, a batch at a time: memory holds the
 * findings, their index and the notes of the sheet being written, whatever the number of rows.
 * Host-neutral: the bytes go to a sink (a file in Node, memory in a browser).
 */
import { Gstr1Error, InputError } from '../../model/errors.js';
import type { Finding } from '../../model/finding.js';
import { sheetByName } from '../../model/sheets.js';
import { readCsv } from '../../parsers/csv.js';
import { baseName, extName } from '../../parsers/file-names.js';
import { cellText, type RawRow, type RawSheet } from '../../parsers/raw.js';
import { ZipTooLargeError, ZipWriter, type ZipSink } from '../zip-writer.js';
import { ERRORS_SHEET } from './errors-sheet.js';
import { errorsSheetXml } from './errors-xml.js';
import { fileKey, indexFindings, mergedMarks, type FileMarks, type SheetMarks } from './marks.js';
import { MAX_COLS, MAX_ROWS, SheetNames, columnLetter, xmlEscape } from './names.js';
import { blocksFor, commentsXml, vmlXml } from './notes-xml.js';
import { addOverrides, addRelationships, CONTENT_TYPE, NS_MAIN, NS_REL, relativeTarget, relsPartOf, REL_TYPE, XML_DECL } from './ooxml.js';
import { Pieces } from './pieces.js';
import { Placement, type CopyCounts } from './placement.js';
import { HEADER_STYLE, NEW_BOOK_STYLES, PLAIN_STYLE, StylesEdit } from './styles-xml.js';
import { editWorkbook } from './workbook-xml.js';
import { PAGE_MARGINS, textCell, worksheetStart } from './worksheet-xml.js';

/** Lines of a CSV whose lengths set its column widths. */
export const CSV_WIDTH_SAMPLE = 200;
const WORKBOOK = 'xl/workbook.xml';
/** The relationships of a CSV sheet with notes (the sheet has no others). */
const COMMENTS_RID = 'rId1';
const VML_RID = 'rId2';

const TYPES =
  `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/${WORKBOOK}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;

/** The sheet name a CSV gets: the section its findings name, else the section its file name names, else the file name. */
export function csvSheetName(fm: FileMarks | undefined, csvName: string, file: string): string {
  return fm?.sheetNames[0] ?? sheetByName(csvName)?.names[0] ?? baseName(file, extName(file));
}

/** Column widths from the longest text of the sampled rows (8 to 60 characters). */
export function csvWidths(rows: readonly RawRow[]): number[] {
  const widths: number[] = [];
  for (const r of rows) {
    r.cells.forEach((v, i) => {
      if (i >= 200) return;
      const len = v === null || v === undefined ? 0 : [...String(v)].length;
      widths[i] = Math.max(widths[i] ?? 0, len);
    });
  }
  return Array.from(widths, (w) => Math.min(60, Math.max(8, (w ?? 0) + 2)));
}

/** Writes the annotated workbook of the CSVs `files` (inputs that cannot be read get no sheet) to `sink`. */
export async function copyCsvs(files: readonly string[], findings: readonly Finding[], sink: ZipSink, maxNotes: number): Promise<CopyCounts> {
  try {
    return await writeBook(files, findings, sink, maxNotes);
  } catch (e) {
    if (e instanceof ZipTooLargeError) throw new Gstr1Error('ANNOTATED_TOO_LARGE', { limit: e.limit }, { cause: e });
    throw e;
  }
}

async function writeBook(files: readonly string[], findings: readonly Finding[], sink: ZipSink, maxNotes: number): Promise<CopyCounts> {
  const byFile = indexFindings(findings);
  const placed = new Placement(findings, maxNotes);
  const styles = new StylesEdit(NEW_BOOK_STYLES);
  const names = new SheetNames();
  names.reserve(ERRORS_SHEET);
  const zip = new ZipWriter(sink);
  const sheets: { name: string; part: string }[] = [];
  const overrides: { part: string; type: string }[] = [];
  let block = 1;

  for (const file of files) {
    const fm = byFile.get(fileKey(file));
    for await (const sheet of readCsv(file)) {
      const name = names.unique(csvSheetName(fm, sheet.name, file));
      const n = sheets.length + 1;
      const part = `xl/worksheets/sheet${n}.xml`;
      const marks = mergedMarks(fm);
      const notes = marks ? placed.place(name, marks) : [];
      const rows = new SheetRows(marks, (idx, base) => styles.marked(base, placed.severity(idx)));
      await zip.add(part, csvSheetXml(file, sheet, rows, notes.length > 0));
      sheets.push({ name, part });
      overrides.push({ part, type: CONTENT_TYPE.worksheet });
      if (!notes.length) continue;
      const commentsPart = `xl/comments${n}.xml`;
      const vmlPart = `xl/drawings/vmlDrawing${n}.vml`;
      const comments = commentsXml(undefined, notes);
      await zip.add(commentsPart, comments.xml);
      await zip.add(vmlPart, vmlXml(undefined, comments.shapes, block));
      block += blocksFor(comments.shapes.length);
      await zip.add(relsPartOf(part), addRelationships(undefined, [
        { id: COMMENTS_RID, type: REL_TYPE.comments, target: relativeTarget(part, commentsPart) },
        { id: VML_RID, type: REL_TYPE.vmlDrawing, target: relativeTarget(part, vmlPart) },
      ]));
      overrides.push({ part: commentsPart, type: CONTENT_TYPE.comments }, { part: vmlPart, type: CONTENT_TYPE.vmlDrawing });
    }
  }

  const errorsPart = `xl/worksheets/sheet${sheets.length + 1}.xml`;
  await zip.add(errorsPart, errorsSheetXml(findings, placed.links, { styles: styles.errorsSheet, info: placed.info, selected: true }));
  overrides.push({ part: errorsPart, type: CONTENT_TYPE.worksheet });
  await zip.add('xl/styles.xml', styles.toXml());
  overrides.push({ part: 'xl/styles.xml', type: CONTENT_TYPE.styles });

  // the data sheets listed, then the Errors sheet put first as in the copy of a workbook
  const rels: { id: string; type: string; target: string }[] = sheets.map((s, i) => ({ id: `rId${i + 1}`, type: REL_TYPE.worksheet, target: relativeTarget(WORKBOOK, s.part) }));
  const listed = sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const errorsRid = `rId${sheets.length + 1}`;
  await zip.add(WORKBOOK, editWorkbook(`${XML_DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>${listed}</sheets></workbook>`, {
    name: ERRORS_SHEET,
    rid: errorsRid,
    selectErrors: true,
  }));
  rels.push(
    { id: errorsRid, type: REL_TYPE.worksheet, target: relativeTarget(WORKBOOK, errorsPart) },
    { id: `rId${sheets.length + 2}`, type: REL_TYPE.styles, target: relativeTarget(WORKBOOK, 'xl/styles.xml') },
  );
  await zip.add(relsPartOf(WORKBOOK), addRelationships(undefined, rels));
  await zip.add('[Content_Types].xml', addOverrides(TYPES, overrides));
  await zip.add('_rels/.rels', addRelationships(undefined, [{ id: 'rId1', type: REL_TYPE.officeDocument, target: WORKBOOK }]));
  await zip.finish();
  return placed.counts();
}

/** One CSV's worksheet: the head once the widths are known, then the rows batch by batch. */
async function* csvSheetXml(file: string, sheet: RawSheet, rows: SheetRows, notes: boolean): AsyncGenerator<Uint8Array | string> {
  const batches = readable(file, sheet.batches!);
  const sample: (readonly RawRow[])[] = [];
  let sampled = 0;
  for (;;) {
    if (sampled >= CSV_WIDTH_SAMPLE) break;
    const next = await batches.next();
    if (next.done) break;
    sample.push(next.value);
    sampled += next.value.length;
  }
  const widths = csvWidths(sample.flat().slice(0, CSV_WIDTH_SAMPLE));
  yield worksheetStart({ frozenRows: 1, selected: false, widths });
  const out = new Pieces();
  for (const b of sample) rows.batch(b, out);
  sample.length = 0;
  for (;;) {
    if (out.ready) yield* out.take();
    const next = await batches.next();
    if (next.done) break;
    rows.batch(next.value, out);
  }
  rows.rest(out);
  out.add(`</sheetData>${PAGE_MARGINS}${notes ? `<legacyDrawing r:id="${VML_RID}"/>` : ''}</worksheet>`);
  yield* out.take(true);
}

/** The CSV's batches, a failure to read them reported against the file (not as a failure to write). */
async function* readable(file: string, batches: AsyncIterable<readonly RawRow[]>): AsyncGenerator<readonly RawRow[]> {
  try {
    yield* batches;
  } catch (e) {
    if (e instanceof Gstr1Error) throw e;
    const detail = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);
    throw new InputError('FILE_UNREADABLE', { file, detail }, { cause: e });
  }
}

/**
 * The rows of one CSV sheet as XML, with their marks: a marked cell gets its format with the
 * fill (the header's bold kept); a mark on a cell or line the CSV does not have adds it.
 */
class SheetRows {
  private readonly pending: number[];
  private next = 0;
  /** column letters by index (0 = A), as met */
  private readonly letters: string[] = [];

  constructor(
    private readonly marks: SheetMarks | undefined,
    /** the format of a marked cell: its findings' indexes and the format it would have had */
    private readonly markedStyle: (idx: readonly number[], base: number) => number,
  ) {
    this.pending = marks ? [...marks.keys()].sort((a, b) => a - b) : [];
  }

  /** The rows' XML, row by row to `out`. */
  batch(rows: readonly RawRow[], out: Pieces): void {
    for (const r of rows) {
      if (r.row > MAX_ROWS) break;
      if (this.next < this.pending.length && this.pending[this.next]! <= r.row) {
        this.marksBefore(r.row, out);
        if (this.pending[this.next] === r.row) {
          this.next++;
          out.add(this.marked(r.row, r.cells));
          continue;
        }
      }
      out.add(this.plain(r));
    }
  }

  /** The marked rows after the last line. */
  rest(out: Pieces): void {
    this.marksBefore(Infinity, out);
  }

  private letter(i: number): string {
    return (this.letters[i] ??= columnLetter(i + 1));
  }

  private plain(r: RawRow): string {
    const cells = r.cells;
    const n = Math.min(cells.length, MAX_COLS);
    const row = r.row;
    const s = row === 1 ? HEADER_STYLE : PLAIN_STYLE;
    let xml = '';
    for (let i = 0; i < n; i++) {
      const v = cells[i];
      if (v === null || v === undefined) continue;
      xml += textCell(this.letter(i) + row, typeof v === 'string' ? v : cellText(v), s);
    }
    return xml ? `<row r="${row}">${xml}</row>` : '';
  }

  private marksBefore(row: number, out: Pieces): void {
    while (this.next < this.pending.length && this.pending[this.next]! < row) out.add(this.marked(this.pending[this.next++]!, []));
  }

  private marked(row: number, cells: RawRow['cells']): string {
    const cols = this.marks!.get(row)!;
    const base = row === 1 ? HEADER_STYLE : PLAIN_STYLE;
    const last = Math.max(Math.min(cells.length, MAX_COLS), ...cols.keys());
    let xml = '';
    for (let c = 1; c <= last; c++) {
      const v = cells[c - 1];
      const has = v !== null && v !== undefined;
      const idx = cols.get(c);
      const s = idx ? this.markedStyle(idx, base) : base;
      const ref = this.letter(c - 1) + row;
      if (has) xml += textCell(ref, typeof v === 'string' ? v : cellText(v), s);
      else if (cols.has(c)) xml += `<c r="${ref}" s="${s}"/>`;
    }
    return `<row r="${row}">${xml}</row>`;
  }
}
