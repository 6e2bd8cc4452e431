/**
 * The annotated error workbook in memory, for the web page (annotation.ts does the work): the
 * writer keeps the zip in memory, and an input workbook reaches exceljs's reader as a reordered
 * copy held in memory, piped to it chunk by chunk.
 */
import ExcelJS from 'exceljs';
import type { Finding } from '../../model/finding.js';
import { reorderZip } from '../template/zip-order.js';
import { Annotation, READER_OPTIONS, type AnnotateOptions, type AnnotationIO, type BookReader, type OpenedBook } from './annotation.js';

export interface AnnotatedBytes {
  readonly bytes: Uint8Array;
  readonly notes: number;
  readonly fills: number;
  readonly unmatched: number;
}

/** The writable end exceljs's reader pipes into (an unzipper stream). */
interface Sink {
  write(chunk: Uint8Array): boolean;
  end(): void;
  once(event: 'drain', fn: () => void): void;
  emit(event: 'error', e: unknown): void;
}

/** Chunks as the one thing exceljs's reader asks of its input: `pipe`, with backpressure. */
function pipeable(chunks: readonly Uint8Array[]): { pipe(dest: Sink): Sink } {
  return {
    pipe(dest) {
      void (async () => {
        for (const c of chunks) {
          if (!dest.write(Buffer.from(c.buffer, c.byteOffset, c.length))) await new Promise<void>((r) => dest.once('drain', r));
        }
        dest.end();
      })().catch((e: unknown) => dest.emit('error', e));
      return dest;
    },
  };
}

async function openBook(file: string): Promise<OpenedBook> {
  const chunks: Uint8Array[] = [];
  await reorderZip(file, async (b) => void chunks.push(b.slice()), { verify: true });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader('', READER_OPTIONS as never) as unknown as BookReader & { _getStream: () => unknown };
  reader._getStream = () => pipeable(chunks);
  return { reader, close: async () => {} };
}

/** The annotated copy of `inputs` (named as the host knows them) as the bytes of an .xlsx. */
export async function annotateToBytes(inputs: readonly string[], findings: readonly Finding[], opts: AnnotateOptions = {}): Promise<AnnotatedBytes> {
  // no stream and no file name: exceljs's writer keeps the zip in a buffer of its own (`wb.stream`)
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ useSharedStrings: false, useStyles: true });
  const io: AnnotationIO = { wb, openBook, writeFailure: () => undefined };
  const writing = new Annotation(findings, io, opts);
  for (const [i, file] of [...new Set(inputs)].entries()) await writing.copyFile(file, i);
  await writing.finish();
  const out = (wb as unknown as { stream: { read(): Uint8Array | null } }).stream.read();
  return { bytes: out ?? new Uint8Array(0), notes: writing.notes, fills: writing.fills, unmatched: writing.unmatched };
}
