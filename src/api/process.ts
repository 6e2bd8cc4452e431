/**
 * One pass over a return's files: read → coerce → check → map, row by row. Commands (convert,
 * validate, upload) are thin layers over this.
 */
import { DocumentNumbers } from '../model/document-numbers.js';
import { FindingList } from '../model/finding.js';
import type { SectionKey, SheetId } from '../model/sheets.js';
import { mapperForSheet } from '../mappers/registry.js';
import type { MapContext, ReturnContext, SectionBuilder, SectionOutput } from '../mappers/types.js';
import { readRowBatches, type ParsedRow, type ReadOptions, type SheetStats } from '../parsers/rows.js';

/** A validation pass plugged into the row stream (see src/validators). */
export interface Checker {
  /** once, before the first row: what the run shares (the document numbers the mappers keep) */
  start?(run: RunState): void;
  /** every row that was read and coerced, before it is mapped */
  row?(row: ParsedRow): void;
  /** once, after every row is mapped */
  finish?(result: ProcessResult): void | Promise<void>;
}

export interface RunState {
  readonly documents: DocumentNumbers;
}

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

export interface ProcessResult {
  readonly ctx: ReturnContext;
  readonly files: readonly string[];
  readonly outputs: Map<SectionKey, SectionOutput>;
  readonly findings: FindingList;
  readonly stats: SheetStats[];
}

export async function processReturn(files: readonly string[], ctx: ReturnContext, opts: ProcessOptions = {}): Promise<ProcessResult> {
  const findings = new FindingList();
  const stats: SheetStats[] = [];
  const documents = new DocumentNumbers();
  const mapCtx: MapContext = { ...ctx, findings, documents };
  const builders = new Map<SectionKey, SectionBuilder>();
  const checkers = opts.checkers ?? [];
  for (const c of checkers) c.start?.({ documents });
  const readOpts: ReadOptions = {
    findings, stats, period: ctx.period,
    ...(opts.section ? { section: opts.section } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(opts.maxUnzippedBytes ? { maxUnzippedBytes: opts.maxUnzippedBytes } : {}),
  };
  // the builder of the last sheet seen: rows come sheet by sheet
  let lastSheet: ParsedRow['ctx'] | undefined;
  let lastBuilder: SectionBuilder | undefined;
  const builderOf = (row: ParsedRow): SectionBuilder | undefined => {
    if (row.ctx === lastSheet) return lastBuilder;
    const mapper = mapperForSheet(row.ctx.spec.id);
    let b: SectionBuilder | undefined;
    if (mapper) {
      b = builders.get(mapper.key);
      if (!b) builders.set(mapper.key, (b = mapper.create(mapCtx)));
    }
    lastSheet = row.ctx;
    lastBuilder = b;
    return b;
  };
  const handle = (row: ParsedRow) => {
    for (let i = 0; i < checkers.length; i++) checkers[i]!.row?.(row);
    const b = builderOf(row);
    if (!b) {
      findings.push({ code: 'SHEET_UNSUPPORTED', severity: 'warning', file: row.ctx.file, sheet: row.ctx.sheet, row: row.row });
      row.ctx.stats.rejected++;
      return;
    }
    if (!b.add(row)) row.ctx.stats.rejected++;
  };
  if (opts.rows) {
    for await (const row of opts.rows(readOpts)) handle(row);
  } else {
    // rows come in batches read lazily, one async step per parsed chunk rather than per row
    for await (const batch of readRowBatches(files, readOpts)) for (const row of batch) handle(row);
  }
  const outputs = new Map<SectionKey, SectionOutput>();
  for (const [key, b] of builders) {
    const out = b.build();
    if (out) outputs.set(key, out);
  }
  const result: ProcessResult = { ctx, files, outputs, findings, stats };
  for (const c of checkers) await c.finish?.(result);
  return result;
}
