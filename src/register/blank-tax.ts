/**
 * Lines whose tax amounts are blank, in a register with tax-amount columns and no rate column:
 * rate 0 only when the document's own figures agree. An invoice value above the document's
 * taxable value, tax and cess means tax was charged that the register does not show, and its
 * rate cannot be known: those lines are refused, with an error on their tax cell. A document's
 * lines are judged together (a nil-rated line beside a taxed one is no contradiction), so they
 * are held back until the document ends; a register lists a document's lines one under another.
 */
import type { Finding } from '../model/finding.js';
import type { RawRow } from '../parsers/raw.js';
import { cellFinding } from './coerce.js';
import { docKey, type RegisterLine } from './line.js';
import type { RegisterColumns } from './match.js';

/** A row of the sheet: skipped (blank, a totals line), unreadable (no line), or a line. */
export interface SheetEntry {
  readonly raw: RawRow;
  readonly skip?: boolean | 'total';
  line?: RegisterLine;
  /** the document of a line refused here */
  refused?: string;
}

/** Rs 1: an invoice value rounded to the rupee is no sign of tax. */
const ROUNDING = 100;

/**
 * The entries in their order, each document's entries released together once it has been judged
 * (the next document begins, or the sheet ends).
 */
export async function* judgedDocuments(
  entries: AsyncIterable<SheetEntry>, where: { file: string; sheet: string; columns: RegisterColumns }, sink: { push(f: Finding): void },
): AsyncGenerator<SheetEntry> {
  let held: SheetEntry[] = [];
  let key: string | undefined;
  for await (const e of entries) {
    const k = e.line ? docKey(e.line.kind, e.line.docNum) : undefined;
    if (k !== undefined && k !== key) {
      if (key !== undefined) judge(held, where, sink);
      yield* held;
      held = [];
      key = k;
    }
    if (key === undefined) yield e;
    else held.push(e);
  }
  if (key !== undefined) judge(held, where, sink);
  yield* held;
}

/** Refuses the blank-tax lines of a document whose value says tax was charged. */
function judge(entries: readonly SheetEntry[], where: { file: string; sheet: string; columns: RegisterColumns }, sink: { push(f: Finding): void }): void {
  const lines = entries.flatMap((e) => (e.line && !e.line.cancelled ? [e.line] : []));
  if (!lines.some((l) => l.rateFrom === 'blank')) return;
  const val = lines.find((l) => l.val !== undefined)?.val;
  if (val === undefined) return; // no value to contradict a nil rate: the document's value is derived from its lines
  const shown = lines.reduce((t, l) => t + l.txval + (l.iamt ?? 0) + (l.camt ?? 0) + (l.samt ?? 0) + (l.csamt ?? 0), 0);
  if (Math.abs(val) - Math.abs(shown) <= ROUNDING) return;
  const c = where.columns;
  for (const e of entries) {
    if (e.line?.rateFrom !== 'blank') continue;
    sink.push({
      ...cellFinding('REGISTER_TAX_BLANK', 'error', { file: where.file, sheet: where.sheet, row: e.raw.row }, c.iamt ?? c.camt ?? c.samt),
      params: { document: e.line.docNum, val: val / 100, shown: shown / 100 },
    });
    e.refused = e.line.docNum;
    delete e.line;
  }
}
