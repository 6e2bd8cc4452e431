/**
 * One pass over a return's files: read → coerce → check → map, row by row. Commands (convert,
 * validate, upload) are thin layers over this; it is `runPass` with the template reader (or the
 * row source given) as its source.
 */
import type { ReturnContext } from '../model/return.js';
import type { SheetId } from '../model/sheets.js';
import { readRowBatches, type ParsedRow, type ReadOptions } from '../parsers/rows.js';
import type { Checker, ProcessResult } from '../engine/pass.js';
import { runPass } from '../engine/run.js';
import { detectFile } from '../parsers/detect.js';

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
}

export async function processReturn(files: readonly string[], ctx: ReturnContext, opts: ProcessOptions = {}): Promise<ProcessResult> {
  const read = {
    // an older template's hsn sheet without Rate is read for periods before May 2021 only
    period: ctx.period,
    ...(opts.section ? { section: opts.section } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(opts.maxUnzippedBytes ? { maxUnzippedBytes: opts.maxUnzippedBytes } : {}),
  };
  const checkers = opts.checkers ?? [];
  if (!opts.rows && checkers.some((c) => c.reads) && (await allCsv(files, opts.maxUnzippedBytes))) {
    for (const c of checkers) c.reads?.({ files, read });
  }
  try {
    return await runPass(opts.rows ?? ((r) => readRowBatches(files, r)), ctx, { files, read, checkers });
  } catch (e) {
    for (const c of checkers) c.stop?.();
    throw e;
  }
}

/**
 * Whether every input is a CSV file (a workbook has the second core already: it is read in a
 * worker). A file that cannot be looked at is left for the pass to report.
 */
async function allCsv(files: readonly string[], maxUnzippedBytes?: number): Promise<boolean> {
  try {
    for (const f of files) if ((await detectFile(f, maxUnzippedBytes ? { maxUnzippedBytes } : {})) !== 'csv') return false;
    return files.length > 0;
  } catch {
    return false;
  }
}
