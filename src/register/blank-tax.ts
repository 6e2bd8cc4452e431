/**
 * Lines whose tax amounts are blank, in a register with tax-amount columns and no rate column:
 * rate 0 only when the document's own figures agree. An invoice value above the document's
 * taxable value, tax and cess means tax was charged that the register does not show, and its
 * rate cannot be known: those lines are refused, with an error on their tax cell. A document's
 * lines are judged together (a nil-rated line beside a taxed one is no contradiction), so they
 * are held back until the document ends; a register lists a document's lines one under another.
 */
import type { Finding } from '../model/finding.js';
import { formatPaise } from '../model/money.js';
import type { RawRow } from '../parsers/raw.js';
import { cellFinding } from './coerce.js';
import { docKey, type RegisterLine } from './line.js';
import type { RegisterColumns } from './match.js';

/** A row of the sheet: skipped (blank, a totals line, data only in columns not read), unreadable (no line), or a line. */
export interface SheetEntry {
  readonly raw: RawRow;
  readonly skip?: boolean | 'total' | 'unread';
  line?: RegisterLine;
  /** the document of a line refused here */
  refused?: string;
}

/** Rs 1: an invoice value rounded to the rupee is no sign of tax. */
const ROUNDING = 100;

export type Where = { readonly file: string; readonly sheet: string; readonly columns: RegisterColumns };

/** A judgment made on a whole document's entries, once it has ended (it may refuse or rewrite lines). */
export type DocumentJudge = (entries: SheetEntry[]) => void;

/**
 * Holds each document's entries until it has been judged (the next document begins, or the sheet
 * ends), and gives them back in their order. The judges run in the order given.
 */
export class DocumentHold {
  private held: SheetEntry[] = [];
  private key: string | undefined;

  constructor(private readonly judges: readonly DocumentJudge[]) {}

  /** The entries now released (none while a document goes on). */
  push(e: SheetEntry): SheetEntry[] {
    const k = e.line ? docKey(e.line.kind, e.line.docNum) : undefined;
    if (k !== undefined && k !== this.key) {
      const out = this.release();
      this.key = k;
      this.held.push(e);
      return out;
    }
    if (this.key === undefined) return [e];
    this.held.push(e);
    return [];
  }

  /** The last document's entries, at the end of the sheet. */
  end(): SheetEntry[] {
    const out = this.release();
    this.key = undefined;
    return out;
  }

  private release(): SheetEntry[] {
    const out = this.held;
    if (this.key !== undefined) for (const judge of this.judges) judge(out);
    this.held = [];
    return out;
  }
}

/** The judge refusing the blank-tax lines of a document whose value says tax was charged. */
export function blankTaxJudge(where: Where, sink: { push(f: Finding): void }): DocumentJudge {
  return (entries) => judge(entries, where, sink);
}

/** Refuses the blank-tax lines of a document whose value says tax was charged. */
function judge(entries: readonly SheetEntry[], where: Where, sink: { push(f: Finding): void }): void {
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
      params: { document: e.line.docNum, val: formatPaise(val), shown: formatPaise(shown) },
    });
    e.refused = e.line.docNum;
    delete e.line;
  }
}
