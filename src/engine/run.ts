/**
 * The async driver of a pass: rows from a row source (the template reader, a sales register,
 * or anything else yielding coerced rows) pushed through the synchronous core. It takes no file
 * names: where the rows come from is the source's business, so the same pass runs wherever a
 * source can be written (a browser included).
 */
import { byPlace } from '../model/finding.js';
import type { ReturnContext } from '../model/return.js';
import type { ParsedRow, ReadOptions } from '../parsers/rows.js';
import { createPass, type Checker, type ProcessResult, type RowSource } from './pass.js';

export type { RowSource };


export interface RunPassOptions {
  checkers?: readonly Checker[];
  /** the inputs, as the result names them */
  files?: readonly string[];
  /** reading options handed to the source besides the pass's findings and stats */
  read?: Omit<ReadOptions, 'findings' | 'stats'>;
}

export async function runPass(source: RowSource, ctx: ReturnContext, opts: RunPassOptions = {}): Promise<ProcessResult> {
  const pass = createPass(ctx, { ...(opts.checkers ? { checkers: opts.checkers } : {}), ...(opts.files ? { files: opts.files } : {}) });
  const read: ReadOptions = { ...opts.read, findings: pass.findings, stats: pass.stats };
  for await (const item of source(read)) {
    // the template reader yields batches (one async step per parsed chunk, not per row)
    if ((item as ParsedRow).ctx !== undefined) pass.push(item as ParsedRow);
    else for (const row of item as Iterable<ParsedRow>) pass.push(row);
  }
  const result = await pass.finish();
  // in the order the user reads them, sheet by sheet and row by row, whichever rule made them when
  const items = result.findings.items;
  const sorted = byPlace(items, opts.files ?? [], result.stats);
  if (sorted !== items) for (let i = 0; i < sorted.length; i++) items[i] = sorted[i]!;
  return result;
}
