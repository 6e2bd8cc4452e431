/**
 * The annotated error workbook written to a file: one .xlsx is copied part by part with its
 * findings put on (copy-xlsx.ts); CSVs make a new workbook written by us (copy-csv.ts); several
 * inputs with an .xlsx among them make a new workbook through exceljs (annotation.ts), whose
 * reader gets input workbooks as reordered temp copies (route.ts decides). Written beside `out`
 * and renamed when complete. The inputs are never written.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { OptionError } from '../../model/errors.js';
import type { Finding } from '../../model/finding.js';
import { reorderXlsx } from '../template/reorder-file.js';
import type { ZipSink } from '../zip-writer.js';
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
  await refuseInputAsOutput(files, outPath, out);
  const partial = `${outPath}.${process.pid}-${randomBytes(4).toString('hex')}.partial`;

  const route = await routeOf(files);
  if (route.kind !== 'exceljs') {
    const counts = await writeAtomically(partial, (sink) => copyRouted(route, findings, sink, opts.maxNotes));
    try {
      await refuseInputAsOutput(files, outPath, out);
      await rename(partial, outPath);
    } catch (e) {
      await rm(partial, { force: true });
      throw e;
    }
    return { out: outPath, ...counts };
  }

  const stream = createWriteStream(partial, { flags: 'wx' });
  const io = fileOutput(stream);
  const writing = new Annotation(findings, io, opts);
  try {
    await io.opened;
    for (const [i, file] of files.entries()) await writing.copyFile(file, i);
    await writing.finish();
    await refuseInputAsOutput(files, outPath, out);
    await rename(partial, outPath);
  } catch (e) {
    stream.destroy();
    await rm(partial, { force: true });
    throw e;
  }
  return { out: outPath, notes: writing.notes, fills: writing.fills, unmatched: writing.unmatched };
}

/** Bytes smaller than this are gathered before a write to the file. */
const WRITE_PIECE = 256 * 1024;

/** Runs `write` with a sink into the new file `partial`; on failure the file is removed. */
async function writeAtomically<T>(partial: string, write: (sink: ZipSink) => Promise<T>): Promise<T> {
  const fh = await open(partial, 'wx');
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  const flush = async () => {
    if (!heldBytes) return;
    const b = held.length === 1 ? held[0]! : Buffer.concat(held);
    held = [];
    heldBytes = 0;
    await fh.write(b);
  };
  try {
    const result = await write(async (b) => {
      held.push(b);
      heldBytes += b.length;
      if (heldBytes >= WRITE_PIECE) await flush();
    });
    await flush();
    await fh.close();
    return result;
  } catch (e) {
    await fh.close().catch(() => {});
    await rm(partial, { force: true });
    throw e;
  }
}

/** Same path, or the same file under another name (a link): never write over an input. */
async function refuseInputAsOutput(files: readonly string[], outPath: string, out: string): Promise<void> {
  if (files.some((f) => resolve(f) === outPath)) throw new OptionError('OUTPUT_SAME_AS_INPUT', { file: out });
  const o = await stat(outPath).catch(() => undefined);
  if (!o) return;
  for (const f of files) {
    const s = await stat(f).catch(() => undefined);
    if (s && s.dev === o.dev && s.ino === o.ino) throw new OptionError('OUTPUT_SAME_AS_INPUT', { file: out });
  }
}

/** The writer on a file stream, whose errors are kept for the annotation to throw. */
function fileOutput(stream: WriteStream): AnnotationIO & { opened: Promise<void> } {
  let failure: unknown;
  const opened = new Promise<void>((res, rej) => {
    stream.once('open', () => res());
    stream.once('error', rej);
  });
  stream.on('error', (e) => {
    failure ??= e;
  });
  return {
    opened,
    wb: new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true }),
    openBook,
    writeFailure: () => failure,
  };
}

async function openBook(file: string): Promise<OpenedBook> {
  const copy = join(tmpdir(), `gstr1-annotate-${process.pid}-${randomBytes(6).toString('hex')}.xlsx`);
  const close = () => rm(copy, { force: true });
  try {
    await reorderXlsx(file, copy, { verify: true });
  } catch (e) {
    await close();
    throw e;
  }
  return { reader: new ExcelJS.stream.xlsx.WorkbookReader(copy, READER_OPTIONS as never) as unknown as BookReader, close };
}
