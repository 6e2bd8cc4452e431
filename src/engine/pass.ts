/**
 * The pass over a return, as a synchronous core: rows are pushed one at a time (checked, then
 * mapped into their section) and `finish` builds the sections and lets the checkers conclude.
 * It reads nothing itself: drivers feed it (the async driver in run.ts for files and registers,
 * the emulator for a save body), the way csv-parse keeps its parser apart from its streams.
 *   const pass = createPass(ctx, { checkers });
 *   for (const row of rows) pass.push(row);
 *   const result = await pass.finish();
 */
import { DocumentNumbers } from '../model/document-numbers.js';
import { FindingList } from '../model/finding.js';
import type { ReturnContext } from '../model/return.js';
import type { Period } from '../model/period.js';
import type { SectionKey, SheetId } from '../model/sheets.js';
import { mapperForSheet } from '../mappers/registry.js';
import type { DocumentPrecheck, MapContext, SectionBuilder, SectionOutput } from '../mappers/types.js';
import type { ParsedRow, ReadOptions, SheetStats } from '../parsers/rows.js';
import { inOrder, type Hook } from './in-order.js';

/**
 * Where a pass's rows come from: given the pass's finding list and per-sheet counts (and the
 * reading options), it yields the rows one at a time or in batches.
 */
export type RowSource = (read: ReadOptions) => AsyncIterable<ParsedRow | Iterable<ParsedRow>>;

/** A validation pass plugged into the row stream (see src/validators). */
export interface Checker {
  /** once, before the first row: what the run shares (the document numbers the mappers keep) */
  start?(run: RunState): void;
  /**
   * Before the first row, when every row will come from the template reader over these CSV
   * files: a checker may read them on another thread (validators/row-rules.ts). While `rows` is
   * asked, it may return the rows it reads there, which the pass then takes instead of reading
   * the files itself (one checker at most is asked).
   */
  reads?(source: TemplateFiles, rows: boolean): RowSource | undefined;
  /** the pass ended before `finish` (an unreadable file): let go of what runs elsewhere */
  stop?(): void;
  /** every row that was read and coerced, before it is mapped */
  row?(row: ParsedRow): void;
  /** once, after every row is mapped; synchronous unless it has to wait for something */
  finish?(result: ProcessResult): void | Promise<void>;
}

/** Files the template reader reads, and how (ReadOptions less the pass's own lists). */
export interface TemplateFiles {
  readonly files: readonly string[];
  readonly read: { readonly period: Period; readonly section?: SheetId; readonly maxUnzippedBytes?: number };
}

export interface RunState {
  readonly documents: DocumentNumbers;
  /** a checker's judgment of one document, offered to the mappers to make while rows stream */
  precheck?: DocumentPrecheck;
}

export interface ProcessResult {
  readonly ctx: ReturnContext;
  readonly files: readonly string[];
  readonly outputs: Map<SectionKey, SectionOutput>;
  readonly findings: FindingList;
  readonly stats: SheetStats[];
}

export interface PassOptions {
  checkers?: readonly Checker[];
  /** the inputs the rows come from, as the result names them */
  files?: readonly string[];
  /** per-sheet counts, filled by the row source (a fresh list when not given) */
  stats?: SheetStats[];
}

export interface Pass {
  /** the return's findings: the row source reports into it too */
  readonly findings: FindingList;
  readonly stats: SheetStats[];
  /** one row read and coerced: the checkers see it, then its section's mapper takes it */
  push(row: ParsedRow): void;
  /**
   * The mapped sections, after every checker has finished: a value while the checkers finish
   * synchronously, a promise from the first one that does not.
   */
  finish(): ProcessResult | Promise<ProcessResult>;
}

export function createPass(ctx: ReturnContext, opts: PassOptions = {}): Pass {
  const findings = new FindingList();
  const stats = opts.stats ?? [];
  const documents = new DocumentNumbers();
  const builders = new Map<SectionKey, SectionBuilder>();
  const checkers = opts.checkers ?? [];
  const run: RunState = { documents };
  for (const c of checkers) c.start?.(run);
  const mapCtx: MapContext = { ...ctx, findings, documents, ...(run.precheck ? { precheck: run.precheck } : {}) };

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

  return {
    findings,
    stats,
    push(row) {
      for (let i = 0; i < checkers.length; i++) checkers[i]!.row?.(row);
      const b = builderOf(row);
      if (!b) {
        findings.push({ code: 'SHEET_UNSUPPORTED', severity: 'warning', file: row.ctx.file, sheet: row.ctx.sheet, row: row.row });
        row.ctx.stats.rejected++;
        return;
      }
      if (!b.add(row)) row.ctx.stats.rejected++;
    },
    finish() {
      const outputs = new Map<SectionKey, SectionOutput>();
      for (const [key, b] of builders) {
        const out = b.build();
        if (out) outputs.set(key, out);
      }
      const result: ProcessResult = { ctx, files: opts.files ?? [], outputs, findings, stats };
      const hooks: Hook<ProcessResult>[] = [];
      for (const c of checkers) if (c.finish) hooks.push((r) => c.finish!(r));
      const done = inOrder(hooks, result);
      return done ? done.then(() => result) : result;
    },
  };
}
