/**
 * The annotated error workbook in memory, for the web page: one .xlsx is copied part by part
 * (copy-xlsx.ts) and CSVs make a workbook written by us (copy-csv.ts), as on the command line;
 * for several inputs with an .xlsx among them annotation.ts does the work. exceljs's browser
 * build has no streaming reader or writer, so here
 * its in-memory Workbook stands in for both, behind the few calls Annotation makes: the input
 * is loaded whole and handed over sheet by sheet, row by row (each sheet's XML streamed to the
 * layout scanner first, as the streaming reader would), and the output is built in memory and
 * written as one buffer. Merged ranges and the Errors sheet's links are the streaming writer's
 * own hooks (writer-hooks.ts) and are left out here.
 */
import ExcelJS from 'exceljs';
import type { Finding } from '../../model/finding.js';
import { openSource } from '../../parsers/host/source.js';
import { worksheetParts } from '../../parsers/xlsx.js';
import { openEntry } from '../../parsers/zip.js';
import { copyRouted, routeOf } from './route.js';
import { Annotation, DEFAULT_MAX_NOTES, type AnnotateOptions, type AnnotationIO, type BookReader, type OpenedBook, type Writer } from './annotation.js';
import { ERRORS_SHEET } from './errors-sheet.js';

export interface AnnotatedBytes {
  readonly bytes: Uint8Array;
  readonly notes: number;
  readonly fills: number;
  readonly unmatched: number;
}

async function bytesOf(file: string): Promise<Uint8Array> {
  const src = await openSource(file);
  try {
    return await src.read(0, src.size);
  } finally {
    await src.close();
  }
}

/** A loaded workbook as exceljs's streaming reader presents one: sheets in order, then rows in order. */
async function openBook(file: string): Promise<OpenedBook> {
  const parts = await worksheetParts(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await bytesOf(file)) as unknown as ExcelJS.Buffer);
  const sheets = wb.worksheets;
  const reader: BookReader = {
    model: { sheets: sheets.map((w) => ({ name: w.name })) },
    async *[Symbol.asyncIterator]() {
      for (const ws of sheets) {
        const part = parts.find((p) => p.name === ws.name)?.part;
        const sheet = {
          name: ws.name,
          state: ws.state,
          iterator: (part ? await openEntry(file, part) : (async function* () {})()) as AsyncIterable<Buffer | string>,
          async *[Symbol.asyncIterator]() {
            // the (wrapped) XML first: the layout scanner learns the panes, widths and merges from it
            for await (const _ of sheet.iterator);
            for (let r = 1; r <= ws.rowCount; r++) {
              const row = ws.findRow(r);
              if (row) yield row;
            }
          },
        };
        yield sheet;
      }
    },
  };
  return { reader, close: async () => {} };
}

/** exceljs's in-memory Workbook with the streaming writer's commits (no-ops: everything stays in memory). */
function memoryWriter(): { wb: Writer; bytes(): Promise<Uint8Array> } {
  const book = new ExcelJS.Workbook();
  const add = book.addWorksheet.bind(book);
  const sheets: ExcelJS.Worksheet[] = [];
  Object.assign(book, {
    addWorksheet(name: string, opts?: Partial<ExcelJS.AddWorksheetOptions>) {
      const ws = add(name, opts);
      sheets.push(ws);
      return Object.assign(ws, { commit: () => {} });
    },
    commit: async () => {},
  });
  return {
    wb: book as unknown as Writer,
    async bytes() {
      // putSheetFirst (writer-hooks.ts) reorders the streaming writer's list, which here is the
      // Workbook's list by id: it is put back, and the tab order comes from orderNo instead
      const byId: ExcelJS.Worksheet[] = [];
      for (const s of sheets) byId[s.id] = s;
      (book as unknown as { _worksheets: ExcelJS.Worksheet[] })._worksheets = byId;
      // the Errors sheet is the first tab, as in the command line's copy
      const errors = sheets.find((s) => s.name === ERRORS_SHEET);
      if (errors) {
        const order = [errors, ...sheets.filter((s) => s !== errors)];
        order.forEach((s, i) => ((s as unknown as { orderNo: number }).orderNo = i));
        book.views = [{ activeTab: 0, x: 0, y: 0, width: 12000, height: 24000, firstSheet: 0, visibility: 'visible' }];
      }
      return new Uint8Array(await book.xlsx.writeBuffer());
    },
  };
}

/** The annotated copy of `inputs` (named as the host knows them) as the bytes of an .xlsx. */
export async function annotateToBytes(inputs: readonly string[], findings: readonly Finding[], opts: AnnotateOptions = {}): Promise<AnnotatedBytes> {
  const route = await routeOf([...new Set(inputs)]);
  if (route.kind !== 'exceljs') {
    const chunks: Uint8Array[] = [];
    const sink = async (b: Uint8Array) => void chunks.push(b.slice());
    const counts = await copyRouted(route, findings, sink, opts.maxNotes);
    return { bytes: Buffer.concat(chunks), ...counts };
  }
  const out = memoryWriter();
  const io: AnnotationIO = { wb: out.wb, openBook, writeFailure: () => undefined };
  const writing = new Annotation(findings, io, opts);
  for (const [i, file] of [...new Set(inputs)].entries()) await writing.copyFile(file, i);
  await writing.finish();
  return { bytes: await out.bytes(), notes: writing.notes, fills: writing.fills, unmatched: writing.unmatched };
}
