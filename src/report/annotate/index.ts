/**
 * The annotated error workbook written to a file: one .xlsx is copied part by part with its
 * findings put on (copy-xlsx.ts); CSVs make a new workbook written by us (copy-csv.ts); several
 * inputs with an .xlsx among them make a new workbook through exceljs (annotation.ts), whose
 * reader gets input workbooks as reordered temp copies (route.ts decides). Written beside `out`
 * and renamed when complete (output-file.ts). The inputs are never written.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { OutputError } from '../../model/errors.js';
import type { Finding } from '../../model/finding.js';
import { reorderXlsx } from '../template/reorder-file.js';
import { failureWriting, outputStream, refuseInputAsOutput, writeBeside, WRITE_PIECE, writeInPieces } from '../output-file.js';
import { copyRouted, routeOf } from './route.js';
import { Annotation, DEFAULT_MAX_NOTES, READER_OPTIONS, type AnnotateOptions, type AnnotationIO, type BookReader, type OpenedBook } from './annotation.js';

export { DEFAULT_MAX_NOTES, type AnnotateOptions } from './annotation.js';

export interface AnnotateResult {
  /** the output file, resolved */
  out: string;
  /** cells given a note */
  notes: number;
  /** cells filled */
  fills: number;
  /** findings that point at no cell (whole-file or whole-sheet findings, portal errors marked unmatched, locations not in the inputs) */
  unmatched: number;
}

/**
 * Writes the annotated copy of `inputs` to `out`. Refuses an `out` that is one of the inputs.
 * The file appears at `out` only when complete (it is written beside it and renamed).
 */
export async function annotateFiles(
  inputs: readonly string[],
  findings: readonly Finding[],
  out: string,
  opts: AnnotateOptions = {},
): Promise<AnnotateResult> {
  const outPath = resolve(out);
  const files = [...new Map(inputs.map((f) => [resolve(f), f])).values()];
  refuseInputAsOutput(files, [out]);
  const route = await routeOf(files);
  return writeBeside(out, async (partial) => {
    const counts = route.kind !== 'exceljs'
      ? await writeInPieces(partial, WRITE_PIECE, (sink) => copyRouted(route, findings, sink, opts.maxNotes))
      : await writeThroughExcelJs(partial, files, findings, opts);
    refuseInputAsOutput(files, [out]);
    return { out: outPath, ...counts };
  });
}

/** Several inputs with an .xlsx among them: a new workbook through exceljs, into `partial`. */
async function writeThroughExcelJs(partial: string, files: readonly string[], findings: readonly Finding[], opts: AnnotateOptions) {
  const file = outputStream(partial);
  const io: AnnotationIO = {
    wb: new ExcelJS.stream.xlsx.WorkbookWriter({ stream: file.stream, useSharedStrings: false, useStyles: true }),
    openBook,
    writeFailure: file.failure,
  };
  const writing = new Annotation(findings, io, opts);
  try {
    await file.opened;
    for (const [i, f] of files.entries()) await writing.copyFile(f, i);
    await file.until(writing.finish());
  } finally {
    file.stream.destroy();
  }
  return { notes: writing.notes, fills: writing.fills, unmatched: writing.unmatched };
}

async function openBook(file: string): Promise<OpenedBook> {
  const copy = join(tmpdir(), `gstr1-annotate-${process.pid}-${randomBytes(6).toString('hex')}.xlsx`);
  const close = () => rm(copy, { force: true });
  try {
    await reorderXlsx(file, copy, { verify: true });
  } catch (e) {
    await close();
    // the temporary folder full is not the input's fault, nor a file the user named
    const f = failureWriting(e, copy, copy);
    throw f instanceof OutputError && f.code === 'FILE_WRITE' ? new OutputError('FILE_WRITE_TEMP', { folder: tmpdir(), reason: f.params.reason! }, { cause: e }) : f;
  }
  return { reader: new ExcelJS.stream.xlsx.WorkbookReader(copy, READER_OPTIONS as never) as unknown as BookReader, close };
}
