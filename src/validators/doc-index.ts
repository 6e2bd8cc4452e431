/**
 * One index of the return's document numbers, shared by the rules that need it (RET191190
 * duplicate numbers, DOCS_COUNT distinct documents) so each number is kept once per run. Numbers
 * are compared without case, in four series (model/document-numbers.ts): invoices (b2b, b2cl,
 * exp), notes (cdnr, cdnur), revised invoices (b2ba, b2cla, expa) and revised notes (cdnra, cdnura).
 *
 * State: the run's DocumentNumbers (shared with the section mappers when the pass, src/engine,
 * runs the rules: see `share`), where each number's record holds where it was first seen (its
 * packing stays in model/document-numbers.ts); owners are the sheets of the files, numbered here.
 */
import { DOCUMENT_SERIES, DocumentNumbers, NOT_SEEN, type DocumentSeries, type NumberSeries } from '../model/document-numbers.js';
import type { ParsedRow, SheetContext } from '../parsers/rows.js';

export { DOCUMENT_SERIES, type DocumentSeries } from '../model/document-numbers.js';

/** note-type bits of a notes-series entry (cdnr, cdnur): seen as a credit / a debit note */
const CREDIT = 1;
/** what `see` returns for a number not seen before */
export const NONE = NOT_SEEN;
const DEBIT = 2;

/** A first sighting: the sheet (file and name) and the row. */
export interface FirstSeen {
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
}

export class DocumentIndex {
  private numbers = new DocumentNumbers();
  private readonly owners: { file: string; sheet: string }[] = [];
  private readonly ownerIndex = new Map<SheetContext, number>();
  /** distinct numbers of invoices (b2b, b2cl, exp), and of credit and debit notes (cdnr, cdnur) */
  invoices = 0;
  creditNotes = 0;
  debitNotes = 0;
  private lastRow: ParsedRow | undefined;
  private lastResult = NONE;
  private lastOwner = -1;
  private sheet: SheetContext | undefined;
  private sheetSeries: DocumentSeries | undefined;
  private sheetNumbers: NumberSeries | undefined;
  private sheetOwner = -1;

  /**
   * Keeps sightings in the run's shared numbers (the mappers' table) instead of a table of its
   * own; before the first row only. Only the first index to ask gets them: two would mix sightings.
   */
  share(numbers: DocumentNumbers): void {
    if (numbers.owner !== undefined && numbers.owner !== this) return;
    numbers.owner = this;
    this.numbers = numbers;
    this.sheet = undefined;
  }

  /**
   * Records the document number of `row` (a row of a series sheet) and returns where the number
   * was first seen before it, NONE when it is new or the row has no number. Every rule that asks
   * about the same row gets the same answer: the row is recorded once.
   */
  see(row: ParsedRow): number {
    if (row === this.lastRow) return this.lastResult;
    this.lastRow = row;
    this.lastResult = NONE;
    // rows come sheet by sheet: what depends on the sheet is looked up when it changes
    if (row.ctx !== this.sheet) {
      this.sheet = row.ctx;
      this.sheetSeries = DOCUMENT_SERIES[row.ctx.spec.id];
      this.sheetNumbers = this.numbers.of(row.ctx.spec.id);
      this.sheetOwner = this.sheetSeries ? this.ownerOf(row.ctx) : -1;
    }
    const s = this.sheetSeries;
    if (!s) return NONE;
    const num = row.values[s.field] as string | undefined;
    if (!num) return NONE;
    const owner = this.sheetOwner;
    this.lastOwner = owner;
    const series = this.sheetNumbers!;
    const bit = s.index === 1 ? (row.values.ntty === 'D' ? DEBIT : CREDIT) : 0;
    const id = series.intern(num);
    const seen = series.sighting(id);
    if (seen === NONE) {
      series.see(id, owner, row.row, bit);
      if (s.index === 0) this.invoices++;
      else if (bit) this.count(bit);
      return NONE;
    }
    if (bit && series.addBits(id, bit)) this.count(bit);
    this.lastResult = seen;
    return seen;
  }

  /** Whether a sighting returned by `see` came from the same sheet of the same file as the row just seen. */
  sameOwner(seen: number): boolean {
    return this.numbers.sightingOwner(seen) === this.lastOwner;
  }

  /** Where a sighting returned by `see` was made. */
  first(seen: number): FirstSeen {
    const o = this.owners[this.numbers.sightingOwner(seen)]!;
    return { file: o.file, sheet: o.sheet, row: this.numbers.sightingRow(seen) };
  }

  private count(bit: number) {
    if (bit === CREDIT) this.creditNotes++;
    else this.debitNotes++;
  }

  /** one owner per sheet of a file (a sheet is read once, so its context is its identity) */
  private ownerOf(ctx: SheetContext): number {
    let owner = this.ownerIndex.get(ctx);
    if (owner === undefined) {
      owner = this.owners.length;
      this.owners.push({ file: ctx.file, sheet: ctx.sheet });
      this.ownerIndex.set(ctx, owner);
    }
    return owner;
  }
}
