/**
 * The return's document numbers, kept once per run for everyone who needs them: the section
 * mappers (which lines make one invoice or note) and the rules (RET191190 duplicates, document
 * counts). At 500,000 lines that is some 280,000 numbers; one table instead of two saves a lookup
 * per line and about 40 bytes per document.
 *
 * Numbers are compared without (ASCII) case, in four series: invoices (b2b, b2cl, exp), notes
 * (cdnr, cdnur), revised invoices (b2ba, b2cla, expa) and revised notes (cdnra, cdnura). Per
 * number a series keeps one record: where the rules first saw it and the id of the document the
 * first sheet's mapper made of it (another sheet's document of the same number, which is rare,
 * is kept on the side). The record is the number's own in the key table (KeyTable's extra slots):
 * one record per number, found with it, 8 bytes less per number than a store beside the table.
 *
 * A sighting (the sheet, as an owner number the rules keep, the row, and the note types seen) is
 * packed into the record's one int: (owner × 2^20 + row) × 4 + note-type bits. Sightings that do
 * not fit (a row past 2^20, a 256th sheet) go to side lists, and the int refers to them.
 */
import type { Field } from './fields.js';
import { KeyTable } from './key-table.js';
import type { SheetId } from './sheets.js';

export interface DocumentSeries {
  /** 0 invoices, 1 notes, 2 revised invoices, 3 revised notes */
  readonly index: number;
  readonly field: Field;
  /** the sheet's place among the series' sheets */
  readonly member: number;
}

const SERIES_SHEETS: readonly (readonly [SheetId[], Field])[] = [
  [['b2b', 'b2cl', 'exp'], 'inum'],
  [['cdnr', 'cdnur'], 'ntNum'],
  [['b2ba', 'b2cla', 'expa'], 'inum'],
  [['cdnra', 'cdnura'], 'ntNum'],
];

export const DOCUMENT_SERIES: Partial<Record<SheetId, DocumentSeries>> = {};
SERIES_SHEETS.forEach(([sheets, field], index) => sheets.forEach((s, member) => (DOCUMENT_SERIES[s] = { index, field, member })));

/** int slots of a number's record: where the rules first saw it */
const SIGHTING = 0;
/**
 * the document the first sheet to map the number made of it, as document × MEMBERS + the sheet's
 * place in the series; the same number's document on another sheet goes to a side map
 */
const DOC = 1;
/** sheets a series may have: DOC's low bits */
const MEMBER_BITS = 2;
const MEMBERS = 1 << MEMBER_BITS;
/** documents that fit DOC's packing */
const DOCS = 2 ** 29;

/** What a number's sighting is before the rules see it. */
export const NOT_SEEN = -1;

const ROWS = 2 ** 20;
const OWNERS = 2 ** 8;

/** The packing of sightings (see the header), with the side lists of those that do not fit. */
class Sightings {
  /** referenced as -(k + 2) (-1 is NOT_SEEN) */
  private readonly wideOwner: number[] = [];
  private readonly wideRow: number[] = [];
  private readonly wideBits: number[] = [];

  pack(owner: number, row: number, bits: number): number {
    if (owner < OWNERS && Number.isInteger(row) && row >= 0 && row < ROWS) return (owner * ROWS + row) * 4 + bits;
    this.wideOwner.push(owner);
    this.wideRow.push(row);
    this.wideBits.push(bits);
    return -this.wideOwner.length - 1;
  }

  owner(s: number): number {
    return s >= 0 ? Math.floor((s >>> 2) / ROWS) : this.wideOwner[-s - 2]!;
  }

  row(s: number): number {
    return s >= 0 ? (s >>> 2) % ROWS : this.wideRow[-s - 2]!;
  }

  bits(s: number): number {
    return s >= 0 ? s & 3 : this.wideBits[-s - 2]!;
  }

  /** The sighting with `bits` added: a new packed value, or the same reference with its side entry updated. */
  withBits(s: number, bits: number): number {
    if (s >= 0) return s | bits;
    this.wideBits[-s - 2]! |= bits;
    return s;
  }
}

/** The numbers of one series. */
export class NumberSeries {
  /** per number, in the key's own record: its sighting and its document (see DOC) */
  readonly keys = new KeyTable(2);
  /**
   * Documents of a number that a second sheet of the series also made (the same invoice number
   * in b2b and b2cl: rare, and reported), keyed number id × 4 + member.
   */
  private readonly otherDocs = new Map<number, number>();

  constructor(
    members: number,
    private readonly sightings: Sightings,
  ) {
    if (members > MEMBERS) throw new Error(`a series of ${members} sheets: at most ${MEMBERS}`);
  }

  /** The id of `num`, added when new. */
  intern(num: string): number {
    return this.keys.intern(num);
  }

  /** Where the rules first saw number `id` (read it with DocumentNumbers' sightingOwner / sightingRow), NOT_SEEN before. */
  sighting(id: number): number {
    return this.keys.extra(id, SIGHTING);
  }

  /** Records the first sighting of number `id`: the rules' owner number of the sheet, the row, note-type bits (0-3). */
  see(id: number, owner: number, row: number, bits: number): void {
    this.keys.setExtra(id, SIGHTING, this.sightings.pack(owner, row, bits));
  }

  /** Adds a note-type bit to number `id`'s sighting; false when it was there already. */
  addBits(id: number, bit: number): boolean {
    const s = this.sighting(id);
    if (this.sightings.bits(s) & bit) return false;
    this.keys.setExtra(id, SIGHTING, this.sightings.withBits(s, bit));
    return true;
  }

  /** The document the mapper of the series' `member`-th sheet made of number `id`, -1 when none yet. */
  document(id: number, member: number): number {
    const d = this.keys.extra(id, DOC);
    if (d >= 0 && (d & (MEMBERS - 1)) === member) return d >>> MEMBER_BITS;
    return this.otherDocs.size === 0 ? -1 : (this.otherDocs.get(id * MEMBERS + member) ?? -1);
  }
  setDocument(id: number, member: number, doc: number): void {
    const d = this.keys.extra(id, DOC);
    const mine = d < 0 || (d & (MEMBERS - 1)) === member;
    if (mine && doc < DOCS) this.keys.setExtra(id, DOC, doc * MEMBERS + member);
    else this.otherDocs.set(id * MEMBERS + member, doc);
  }
}

export class DocumentNumbers {
  private readonly sightings = new Sightings();
  private readonly series = SERIES_SHEETS.map(([sheets]) => new NumberSeries(sheets.length, this.sightings));
  /** the rules' document index that records sightings here (one per run) */
  owner: unknown;

  /** The series a sheet's numbers belong to, undefined for sheets without document numbers. */
  of(sheet: SheetId): NumberSeries | undefined {
    const s = DOCUMENT_SERIES[sheet];
    return s ? this.series[s.index] : undefined;
  }

  /** The owner number of a sighting (NumberSeries.sighting). */
  sightingOwner(s: number): number {
    return this.sightings.owner(s);
  }

  /** The row of a sighting. */
  sightingRow(s: number): number {
    return this.sightings.row(s);
  }
}
