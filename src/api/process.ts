/**
 * One pass over a return's files: read → coerce → check → map, row by row. Commands (convert,
 * validate, upload) are thin layers over this; it is `runPass` with the template reader (or the
 * row source given) as its source.
 */
import type { ReturnContext } from '../model/return.js';
import type { SheetId } from '../model/sheets.js';
import { readRowBatches, type ParsedRow, type ReadOptions } from '../parsers/rows.js';
import type { Checker, ProcessResult } from '../engine/pass.js';
import { runPass, type RowSource } from '../engine/run.js';
import { detectFileSize } from '../parsers/detect.js';
import { SECOND_READING_FROM } from './second-reading.js';

export { SECOND_READING_FROM };

export interface ProcessOptions {
  /** force every CSV to this sheet's layout */
  section?: SheetId;
  checkers?: readonly Checker[];
  onProgress?: (rows: number, file: string) => void;
  maxUnzippedBytes?: number;
  /**
   * Where rows come from instead of the template reader (e.g. a sales register classified into
   * template rows, src/register); it gets the same options readRows would.
   */
  rows?: (opts: ReadOptions) => AsyncIterable<ParsedRow>;
  /** CSV inputs of at least this many bytes are read on another thread, which checks the row rules @default SECOND_READING_FROM */
  secondReadingFrom?: number;
}

export async function processReturn(files: readonly string[], ctx: ReturnContext, opts: ProcessOptions = {}): Promise<ProcessResult> {
  // what another thread needs to read the files the same way: plain data (no progress callback)
  const plain = {
    // an older template's hsn sheet without Rate is read for periods before May 2021 only
    period: ctx.period,
    ...(opts.section ? { section: opts.section } : {}),
    ...(opts.maxUnzippedBytes ? { maxUnzippedBytes: opts.maxUnzippedBytes } : {}),
  };
  const read = { ...plain, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) };
  const checkers = opts.checkers ?? [];
  let source: RowSource = opts.rows ?? ((r) => readRowBatches(files, r));
  if (!opts.rows && checkers.some((c) => c.reads) && ((await csvBytes(files, opts.maxUnzippedBytes)) ?? 0) >= (opts.secondReadingFrom ?? SECOND_READING_FROM)) {
    // one checker may read the files on another thread and hand the rows over: then they are read once
    let taken = false;
    for (const c of checkers) {
      const rows = c.reads?.({ files, read: plain }, !taken);
      if (rows) {
        source = rows;
        taken = true;
      }
    }
  }
  try {
    return await runPass(source, ctx, { files, read, checkers });
  } catch (e) {
    for (const c of checkers) c.stop?.();
    throw e;
  }
}


/**
 * The inputs' total size when every one is a CSV file, else undefined (a workbook has the second
 * core already: it is read in a worker). A file that cannot be looked at is left for the pass to report.
 */
async function csvBytes(files: readonly string[], maxUnzippedBytes?: number): Promise<number | undefined> {
  try {
    let total = 0;
    for (const f of files) {
      const { kind, size } = await detectFileSize(f, maxUnzippedBytes ? { maxUnzippedBytes } : {});
      if (kind !== 'csv') return undefined;
      total += size;
    }
    return files.length > 0 ? total : undefined;
  } catch {
    return undefined;
  }
}
