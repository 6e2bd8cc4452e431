/** The annotated workbook of several inputs with an .xlsx among them, written through exceljs (index.ts loads this only for them). */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { OutputError } from '../../model/errors.js';
import type { Finding } from '../../model/finding.js';
import { failureWriting, outputStream } from '../output-file.js';
import { reorderXlsx } from '../template/reorder-file.js';
import { Annotation, READER_OPTIONS, type AnnotateOptions, type AnnotationIO, type BookReader, type OpenedBook } from './annotation.js';

/** Several inputs with an .xlsx among them: a new workbook through exceljs, into `partial`. */
export async function writeThroughExcelJs(partial: string, files: readonly string[], findings: readonly Finding[], opts: AnnotateOptions) {
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
