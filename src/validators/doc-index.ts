/**
 * One index of the return's document numbers, shared by the rules that need it (RET191190
 * duplicate numbers, DOCS_COUNT distinct documents) so each number is kept once per run. Numbers
 * are compared without case, in four series: invoices (b2b, b2cl, exp), notes (cdnr, cdnur),
 * revised invoices (b2ba, b2cla, expa) and revised notes (cdnra, cdnura).
 *
 * State: per series a key table of the numbers (model/key-table.ts) and, per number, where it was
 * first seen packed in an integer (owner × 2^20 + row, × 4 + note-type bits); owners are the
 * sheets of the files.
 * Sightings that do not fit (a row past 2^20, a 256th sheet) go to side arrays instead.
 */
import type { Field } from '../model/fields.js';
import type { SheetId } from '../model/sheets.js';
import type { ParsedRow, SheetContext } from '../parsers/rows.js';
import { KeyTable } from '../model/key-table.js';
import { IntColumn } from '../model/columns.js';

export interface DocumentSeries {
  /** 0 invoices, 1 notes, 2 revised invoices, 3 revised notes */
  readonly index: number;
  readonly field: Field;
}

export const DOCUMENT_SERIES: Partial<Record<SheetId, DocumentSeries>> = {
  b2b: { index: 0, field: 'inum' }, b2cl: { index: 0, field: 'inum' }, exp: { index: 0, field: 'inum' },
  cdnr: { index: 1, field: 'ntNum' }, cdnur: { index: 1, field: 'ntNum' },
  b2ba: { index: 2, field: 'inum' }, b2cla: { index: 2, field: 'inum' }, expa: { index: 2, field: 'inum' },
  cdnra: { index: 3, field: 'ntNum' }, cdnura: { index: 3, field: 'ntNum' },
};

const ROWS = 2 ** 20;
const OWNERS = 2 ** 8;
/** note-type bits of a notes-series entry (cdnr, cdnur): seen as a credit / a debit note */
const CREDIT = 1;
/** what `see` returns for a number not seen before */
export const NONE = -1;
const DEBIT = 2;

/** A first sighting: the sheet (file and name) and the row. */
export interface FirstSeen {
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
}

export class DocumentIndex {
  private readonly series = [0, 1, 2, 3].map(() => ({ numbers: new KeyTable(), seen: new IntColumn() }));
  private readonly owners: { file: string; sheet: string }[] = [];
  private readonly ownerIndex = new Map<SheetContext, number>();
  /** sightings that do not pack into a small integer; referenced as -(k + 2) (-1 is NONE) */
  private readonly wideOwner: number[] = [];
  private readonly wideRow: number[] = [];
  private readonly wideBits: number[] = [];
  /** distinct numbers of invoices (b2b, b2cl, exp), and of credit and debit notes (cdnr, cdnur) */
  invoices = 0;
  creditNotes = 0;
  debitNotes = 0;
  private lastRow: ParsedRow | undefined;
  private lastResult = NONE;
  private lastOwner = -1;

  /**
   * Records the document number of `row` (a row of a series sheet) and returns where the number
   * was first seen before it, NONE when it is new or the row has no number. Every rule that asks
   * about the same row gets the same answer: the row is recorded once.
   */
  see(row: ParsedRow): number {
    if (row === this.lastRow) return this.lastResult;
    this.lastRow = row;
    this.lastResult = NONE;
    const s = DOCUMENT_SERIES[row.ctx.spec.id];
    if (!s) return NONE;
    const num = row.values[s.field] as string | undefined;
    if (!num) return NONE;
    const owner = this.ownerOf(row.ctx);
    this.lastOwner = owner;
    const { numbers, seen: sightings } = this.series[s.index]!;
    const bit = s.index === 1 ? (row.values.ntty === 'D' ? DEBIT : CREDIT) : 0;
    const id = numbers.find(num);
    if (id < 0) {
      numbers.add(num);
      sightings.push(this.pack(owner, row.row, bit));
      if (s.index === 0) this.invoices++;
      else if (bit) this.count(bit);
      return NONE;
    }
    const seen = sightings.get(id);
    if (bit) {
      const bits = seen >= 0 ? seen & 3 : this.wideBits[-seen - 2]!;
      if (!(bits & bit)) {
        if (seen >= 0) sightings.set(id, seen | bit);
        else this.wideBits[-seen - 2] = bits | bit;
        this.count(bit);
      }
    }
    this.lastResult = seen;
    return seen;
  }

  /** Whether a sighting returned by `see` came from the same sheet of the same file as the row just seen. */
  sameOwner(seen: number): boolean {
    return this.ownerAt(seen) === this.lastOwner;
  }

  /** Where a sighting returned by `see` was made. */
  first(seen: number): FirstSeen {
    const o = this.owners[this.ownerAt(seen)]!;
    const row = seen >= 0 ? (seen >>> 2) % ROWS : this.wideRow[-seen - 2]!;
    return { file: o.file, sheet: o.sheet, row };
  }

  private ownerAt(seen: number): number {
    return seen >= 0 ? Math.floor((seen >>> 2) / ROWS) : this.wideOwner[-seen - 2]!;
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

  private pack(owner: number, row: number, bits: number): number {
    if (owner < OWNERS && Number.isInteger(row) && row >= 0 && row < ROWS) return (owner * ROWS + row) * 4 + bits;
    this.wideOwner.push(owner);
    this.wideRow.push(row);
    this.wideBits.push(bits);
    return -this.wideOwner.length - 1;
  }
}
