/**
 * The return's document numbers, kept once per run for everyone who needs them: the section
 * mappers (which lines make one invoice or note) and the rules (RET191190 duplicates, document
 * counts). At 500,000 lines that is some 280,000 numbers; one table instead of two saves a lookup
 * per line and about 40 bytes per document.
 *
 * Numbers are compared without (ASCII) case, in four series: invoices (b2b, b2cl, exp), notes
 * (cdnr, cdnur), revised invoices (b2ba, b2cla, expa) and revised notes (cdnra, cdnura). Per
 * number a series keeps one record: where the rules first saw it (packed by the document index,
 * -1 until then) and, per sheet of the series, the id of the document its mapper made of it.
 */
import type { Field } from './fields.js';
import { KeyTable } from './key-table.js';
import { RecordStore } from './columns.js';
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

/** int slot of a number's record holding where the rules first saw it */
const SIGHTING = 0;

/** The numbers of one series. */
export class NumberSeries {
  readonly keys = new KeyTable();
  private readonly records: RecordStore;

  constructor(members: number) {
    this.records = new RecordStore(0, 1 + members);
  }

  /** The id of `num`, added when new. */
  intern(num: string): number {
    const id = this.keys.find(num);
    if (id >= 0) return id;
    this.records.push();
    return this.keys.add(num);
  }

  /** Where the rules first saw number `id` (their packing), -1 before they did. */
  sighting(id: number): number {
    return this.records.int(id, SIGHTING);
  }
  setSighting(id: number, seen: number): void {
    this.records.setInt(id, SIGHTING, seen);
  }

  /** The document the mapper of the series' `member`-th sheet made of number `id`, -1 when none yet. */
  document(id: number, member: number): number {
    return this.records.int(id, 1 + member);
  }
  setDocument(id: number, member: number, doc: number): void {
    this.records.setInt(id, 1 + member, doc);
  }
}

export class DocumentNumbers {
  private readonly series = SERIES_SHEETS.map(([sheets]) => new NumberSeries(sheets.length));
  /** the rules' document index that records sightings here (one per run) */
  owner: unknown;

  /** The series a sheet's numbers belong to, undefined for sheets without document numbers. */
  of(sheet: SheetId): NumberSeries | undefined {
    const s = DOCUMENT_SERIES[sheet];
    return s ? this.series[s.index] : undefined;
  }
}
