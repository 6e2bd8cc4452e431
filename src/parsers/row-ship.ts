/**
 * Coerced rows handed from the thread that reads them to the thread that maps them, so a CSV
 * return is read once on two cores (validators/row-rules.ts): the reading thread parses, coerces
 * and checks the row rules, this one maps. Posting the rows as objects would cost about what
 * reading them again does (every value a string or number of its own), so a batch goes packed:
 *   - per value slot of the sheet's plan, a tag (what the value is, and whether its cell was blank);
 *   - numbers (and row numbers) in one Float64Array, transferred, not copied;
 *   - strings only where a column's value changes from the row before (the lines of one invoice
 *     repeat its recipient, number, date and place of supply);
 *   - the raw cells, for findings that quote them: the row's CSV line where its batch has no
 *     quotes (RawRow.line), else its cells joined with each one's length; a row's `cells` are cut
 *     from that text only when asked for (ShippedRow);
 *   - what the reader reported and counted meanwhile.
 * The receiving side rebuilds each row's values with the same object literal the reader uses
 * (valuesMaker), so a mapped row looks the same whichever thread read it. Plain data only: this
 * runs in the browser's engine too, where the host decides whether there is a second thread.
 */
import type { Field, FieldValues } from '../model/fields.js';
import type { Finding, FindingSink } from '../model/finding.js';
import type { SheetId, SheetSpec } from '../model/sheets.js';
import { sheetSpec } from '../model/sheets.js';
import type { ColumnRef } from './headers.js';
import { coercionMemo, defaultFor } from './coerce.js';
import { isBlank, type RawCell } from './raw.js';
import { valuesMaker, type ParsedRow, type SheetContext, type SheetStats } from './rows.js';

// a value slot's tag: what it holds (low bits), and BLANK when the row left its cell blank
const UNDEFINED = 0;
const NUMBER = 1;
const SAME = 2; // the string of the sheet's row before
const TEXT = 3;
const OTHER = 4; // anything else, in `others` as posted
const KNOWN = 5; // a text sent before in this column of the sheet: its index among them in `numbers` (ColumnTexts)
const BLANK = 0x80;
const KIND = 0x7f;
/** a slot whose cell's blankness is not sent (its field has no default) */
const NOT_ASKED = -2;

/**
 * Texts of the columns whose values repeat over a return (dates, places of supply, invoice types:
 * the coercion memo's fields) are sent once per sheet: both sides number the first DICTIONARY
 * texts of such a column as they pass, and a text sent before travels as its number. The
 * reader's values there are the memo's own strings, whose hash is kept, so the lookup is cheap;
 * the mapping thread gets one string per text instead of a new one per row, which its own
 * lookups (the interner's) then hash once.
 */
const DICTIONARY = 1024;

/** Whether a field's texts are numbered (see DICTIONARY). */
function numbered(field: Field): boolean {
  return coercionMemo(field) !== undefined;
}

/** A sheet whose rows follow: its context as plain data (the spec by id unless an older layout changed it). */
export interface ShippedSheet {
  /** index of its counts among the reader's (ShippedBatch.counts) */
  readonly stats: number;
  readonly file: string;
  readonly sheet: string;
  readonly specId: SheetId;
  readonly spec?: SheetSpec;
  readonly columns: Partial<Record<Field, ColumnRef>>;
  readonly format: 'xlsx' | 'csv';
  readonly headerRow: number;
  readonly delimiter?: string;
  /** the value slots, in the order the reader's values object has them */
  readonly fields: readonly Field[];
}

/** One batch of a sheet's rows, and what the reader reported and counted since the last batch. */
export interface ShippedBatch {
  /** the reader's findings since the last batch, in the order made */
  readonly findings: Finding[];
  /** sheets found since the last batch: file, sheet name and id, in the order found */
  readonly found: { file: string; sheet: string; sheetId: SheetId }[];
  /** counts added since the last batch: per sheet (its index), read, rejected, skipped */
  readonly counts: number[];
  /** set when these rows are the first of their sheet */
  readonly sheet?: ShippedSheet;
  readonly rows: number;
  /** per row its number, then each number slot */
  readonly numbers: Float64Array;
  /** per row and slot */
  readonly tags: Uint8Array;
  readonly texts: string[];
  readonly others: unknown[];
  /**
   * per row its cell count, then each cell's length (-1: empty), the cells joined in `cellText`; or
   * -1 - the length of its line in `cellText` (RawRow.line)
   */
  readonly cellLengths: Int32Array;
  readonly cellText: string;
  /** rows whose cells are not all text: their cells as posted, by row index in the batch */
  readonly otherCells: Record<number, readonly RawCell[]>;
}

/** The buffers a batch transfers rather than copies. */
export function shippedBuffers(b: ShippedBatch): ArrayBuffer[] {
  return [b.numbers.buffer as ArrayBuffer, b.tags.buffer as ArrayBuffer, b.cellLengths.buffer as ArrayBuffer];
}

/**
 * The reading side: what the reader reports goes here, and the rows are packed one at a time as
 * they are read (`add`), a batch leaving at `take`. No row is kept once added: a batch's rows held
 * until it is packed outlived the young generation and filled the old one (peak memory grew with
 * the return's length).
 */
export class RowPacker {
  /** the reader's findings sink: they travel with the next batch */
  readonly findings: FindingSink;
  /** the reader's counts, as it fills them */
  readonly stats: SheetStats[] = [];
  private pending: Finding[] = [];
  private sent: number[] = [];
  private ctx: SheetContext | undefined;
  private fields: Field[] = [];
  private cols: number[] = [];
  private last: unknown[] = [];
  /** per slot, the texts numbered so far (undefined: a column not numbered) */
  private dicts: (Map<string, number> | undefined)[] = [];
  private read: (v: Partial<FieldValues>, slots: unknown[]) => void = () => {};
  private slots: unknown[] = [];
  // the batch being packed
  private sheet: ShippedSheet | undefined;
  private n = 0;
  private tags = new Uint8Array(0);
  private numbers = new Float64Array(0);
  private cellLengths = new Int32Array(0);
  private k = 0;
  private q = 0;
  private c = 0;
  private texts: string[] = [];
  private others: unknown[] = [];
  private rowTexts: string[] = [];
  private otherCells: Record<number, readonly RawCell[]> = {};

  constructor() {
    this.findings = { push: (f) => void this.pending.push(f) };
  }

  /** Rows of one sheet packed with what was reported before and while they were read (add each, then take). */
  pack(rows: readonly ParsedRow[]): ShippedBatch {
    for (const r of rows) this.add(r);
    return this.take();
  }

  /** One row, as the reader yielded it: the rows of a batch are of one sheet. */
  add(row: ParsedRow): void {
    if (row.ctx !== this.ctx) {
      if (this.n > 0) throw new Error('a batch holds rows of one sheet');
      this.sheet = this.open(row.ctx);
    }
    const w = this.fields.length;
    const line = row.line;
    // a row read from its line says which cells were blank without cutting them (rows.ts LineParsedRow)
    const bits = line === undefined ? undefined : row.blankBits;
    const cells = bits === undefined ? row.cells : undefined;
    this.room(w, cells ? cells.length + 1 : 1);
    const { cols, last, slots, tags, numbers, cellLengths } = this;
    const r = this.n++;
    let k = this.k;
    let q = this.q;
    let c = this.c;
    this.read(row.values, slots);
    numbers[q++] = row.row;
    for (let i = 0; i < w; i++, k++) {
      const x = slots[i];
      // only a field with a default asks whether its cell was blank (DocumentStore.create)
      const col = cols[i]!;
      const blank = col === NOT_ASKED ? 0 : (cells ? col < 0 || isBlank(cells[col]) : (bits! & (1 << i)) !== 0) ? BLANK : 0;
      if (x === undefined) tags[k] = UNDEFINED | blank;
      else if (typeof x === 'number') {
        tags[k] = NUMBER | blank;
        numbers[q++] = x;
      } else if (typeof x === 'string') {
        if (x === last[i]) tags[k] = SAME | blank;
        else {
          last[i] = x;
          const dict = this.dicts[i];
          const known = dict?.get(x);
          if (known !== undefined) {
            tags[k] = KNOWN | blank;
            numbers[q++] = known;
          } else {
            if (dict && dict.size < DICTIONARY) dict.set(x, dict.size);
            this.texts.push(x);
            tags[k] = TEXT | blank;
          }
        }
      } else {
        tags[k] = OTHER | blank;
        this.others.push(x);
      }
    }
    if (line !== undefined) {
      // the row's cells are its line cut at the separator: the line is all that travels
      cellLengths[c++] = -1 - line.length;
      this.rowTexts.push(line);
    } else {
      const cells = row.cells;
      cellLengths[c++] = cells.length;
      let plain = true;
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i];
        if (cell === null) cellLengths[c++] = -1;
        else if (typeof cell === 'string') cellLengths[c++] = cell.length;
        else {
          plain = false;
          cellLengths[c++] = -1;
        }
      }
      if (plain) this.rowTexts.push(cells.join(''));
      else {
        this.rowTexts.push('');
        this.otherCells[r] = cells;
      }
    }
    this.k = k;
    this.q = q;
    this.c = c;
  }

  /** The batch packed since the last one, with what was reported and counted meanwhile. */
  take(): ShippedBatch {
    const batch: ShippedBatch = {
      ...this.reported(), ...(this.sheet ? { sheet: this.sheet } : {}), rows: this.n,
      numbers: this.numbers.slice(0, this.q), tags: this.tags.slice(0, this.k), texts: this.texts, others: this.others,
      cellLengths: this.cellLengths.slice(0, this.c), cellText: this.rowTexts.join(''), otherCells: this.otherCells,
    };
    this.sheet = undefined;
    this.n = this.k = this.q = this.c = 0;
    this.texts = [];
    this.others = [];
    this.rowTexts = [];
    this.otherCells = {};
    return batch;
  }

  /** Room for one more row of `w` slots and `cellEntries` cell entries (kept from batch to batch, doubled when short). */
  private room(w: number, cellEntries: number): void {
    if (this.k + w > this.tags.length) {
      const a = new Uint8Array(size(this.tags.length, this.k + w));
      a.set(this.tags);
      this.tags = a;
    }
    if (this.q + w + 1 > this.numbers.length) {
      const a = new Float64Array(size(this.numbers.length, this.q + w + 1));
      a.set(this.numbers);
      this.numbers = a;
    }
    if (this.c + cellEntries > this.cellLengths.length) {
      const a = new Int32Array(size(this.cellLengths.length, this.c + cellEntries));
      a.set(this.cellLengths);
      this.cellLengths = a;
    }
  }

  /** What was reported and counted since the last batch (after the last one: the reader's last words). */
  reported(): Pick<ShippedBatch, 'findings' | 'found' | 'counts'> {
    const findings = this.pending;
    this.pending = [];
    const found = this.stats.slice(this.sent.length / 3).map((s) => ({ file: s.file, sheet: s.sheet, sheetId: s.sheetId }));
    const counts: number[] = [];
    this.stats.forEach((s, i) => {
      const at = i * 3;
      const [read, rejected, skipped] = [this.sent[at] ?? 0, this.sent[at + 1] ?? 0, this.sent[at + 2] ?? 0];
      if (s.read !== read || s.rejected !== rejected || s.skipped !== skipped) counts.push(i, s.read - read, s.rejected - rejected, s.skipped - skipped);
      this.sent[at] = s.read;
      this.sent[at + 1] = s.rejected;
      this.sent[at + 2] = s.skipped;
    });
    return { findings, found, counts };
  }

  private open(ctx: SheetContext): ShippedSheet {
    this.ctx = ctx;
    // the reader's values object has a field per column of the spec, in order (rows.ts planOf)
    const fields = ctx.spec.columns.map((c) => c.field);
    this.fields = fields;
    this.cols = fields.map((f) => (defaultFor(f) === undefined ? NOT_ASKED : ctx.columns[f] ? ctx.columns[f]!.col - 1 : -1));
    this.last = new Array<unknown>(fields.length).fill(undefined);
    this.dicts = fields.map((f) => (numbered(f) ? new Map<string, number>() : undefined));
    this.slots = new Array<unknown>(fields.length).fill(undefined);
    this.read = slotsReader(fields);
    const registered = sheetSpec(ctx.spec.id);
    return {
      stats: this.stats.indexOf(ctx.stats), file: ctx.file, sheet: ctx.sheet, specId: ctx.spec.id,
      ...(registered === ctx.spec ? {} : { spec: ctx.spec }),
      columns: ctx.columns, format: ctx.format, headerRow: ctx.headerRow, ...(ctx.delimiter ? { delimiter: ctx.delimiter } : {}), fields,
    };
  }
}

/** A new length for a typed array of `length` items that must hold `need`: doubled until it does. */
function size(length: number, need: number): number {
  let n = Math.max(1024, length * 2);
  while (n < need) n *= 2;
  return n;
}

/** Copies a values object's fields into slots, in order: one compiled function per sheet, like valuesMaker. */
function slotsReader(fields: readonly Field[]): (v: Partial<FieldValues>, slots: unknown[]) => void {
  try {
    // the field names are the model's own (JSON.stringify quotes them): no input reaches this code
    return new Function('v', 's', fields.map((f, i) => `s[${i}] = v[${JSON.stringify(f)}];`).join('\n')) as (v: Partial<FieldValues>, slots: unknown[]) => void;
  } catch {
    return (v, slots) => {
      for (let i = 0; i < fields.length; i++) slots[i] = v[fields[i]!];
    };
  }
}

/** A row rebuilt from a batch: its values at once, its raw cells only if a finding asks for them. */
export class ShippedRow implements ParsedRow {
  private raw: readonly RawCell[] | undefined;

  constructor(
    readonly ctx: SheetContext,
    readonly row: number,
    readonly values: Partial<FieldValues>,
    private readonly batch: ShippedBatch,
    private readonly index: number,
    private readonly tagAt: number,
    private readonly cellAt: number,
    private readonly textAt: number,
    private readonly slotOf: ReadonlyMap<Field, number>,
  ) {}

  get cells(): readonly RawCell[] {
    return (this.raw ??= this.cut());
  }

  /** Whether the row left the field's cell blank (or has no such column), without cutting its cells. */
  blank(field: Field): boolean {
    const slot = this.slotOf.get(field);
    if (slot === undefined) {
      const col = this.ctx.columns[field];
      return !col || isBlank(this.cells[col.col - 1]);
    }
    return (this.batch.tags[this.tagAt + slot]! & BLANK) !== 0;
  }

  private cut(): readonly RawCell[] {
    const other = this.batch.otherCells[this.index];
    if (other) return other;
    const { cellLengths, cellText } = this.batch;
    const n = cellLengths[this.cellAt]!;
    if (n < 0) {
      // a line cut at the separator, as the reader cut it (an empty cell is null)
      const cells: RawCell[] = cellText.slice(this.textAt, this.textAt - 1 - n).split(this.ctx.delimiter!);
      for (let i = 0; i < cells.length; i++) if (cells[i] === '') cells[i] = null;
      return cells;
    }
    const cells: RawCell[] = new Array(n);
    let at = this.textAt;
    for (let i = 0; i < n; i++) {
      const len = cellLengths[this.cellAt + 1 + i]!;
      if (len < 0) cells[i] = null;
      else {
        cells[i] = cellText.slice(at, at + len);
        at += len;
      }
    }
    return cells;
  }
}

/** The mapping side: batches become rows again, and the reader's findings and counts land in the pass's own. */
export class RowLanding {
  private readonly stats: SheetStats[] = [];
  private ctx: SheetContext | undefined;
  private make: (slots: readonly unknown[]) => Partial<FieldValues> = () => ({});
  private slotOf: ReadonlyMap<Field, number> = new Map();
  private width = 0;
  private last: unknown[] = [];
  /** per slot, the texts numbered so far, as the packer numbered them */
  private dicts: (string[] | undefined)[] = [];
  private slots: unknown[] = [];

  constructor(
    private readonly findings: FindingSink,
    private readonly sheets: SheetStats[],
  ) {}

  /** Lands what was reported and counted; returns the batch's rows. */
  land(b: Pick<ShippedBatch, 'findings' | 'found' | 'counts'> & Partial<ShippedBatch>): ShippedRow[] {
    for (const f of b.findings) this.findings.push(f);
    for (const s of b.found) {
      const stats: SheetStats = { file: s.file, sheet: s.sheet, sheetId: s.sheetId, read: 0, rejected: 0, skipped: 0 };
      this.stats.push(stats);
      this.sheets.push(stats);
    }
    for (let i = 0; i < b.counts.length; i += 4) {
      const s = this.stats[b.counts[i]!]!;
      s.read += b.counts[i + 1]!;
      s.rejected += b.counts[i + 2]!;
      s.skipped += b.counts[i + 3]!;
    }
    if (b.sheet) this.open(b.sheet);
    return b.rows ? this.rows(b as ShippedBatch) : [];
  }

  private open(s: ShippedSheet): void {
    this.ctx = {
      file: s.file, sheet: s.sheet, spec: s.spec ?? sheetSpec(s.specId), columns: s.columns, format: s.format, headerRow: s.headerRow,
      ...(s.delimiter ? { delimiter: s.delimiter } : {}), stats: this.stats[s.stats]!,
    };
    this.make = valuesMaker(s.fields);
    // the slots whose tags say whether the cell was blank: fields with a default (RowPacker)
    this.slotOf = new Map(s.fields.flatMap((f, i): [Field, number][] => (defaultFor(f) === undefined ? [] : [[f, i]])));
    this.width = s.fields.length;
    this.last = new Array<unknown>(s.fields.length).fill(undefined);
    this.dicts = s.fields.map((f) => (numbered(f) ? [] : undefined));
    this.slots = new Array<unknown>(s.fields.length).fill(undefined);
  }

  private rows(b: ShippedBatch): ShippedRow[] {
    const ctx = this.ctx!;
    const { numbers, tags, texts, others, cellLengths } = b;
    const { width: w, last, slots, make, slotOf, dicts } = this;
    const out: ShippedRow[] = new Array(b.rows);
    let k = 0;
    let q = 0;
    let t = 0;
    let o = 0;
    let c = 0;
    let at = 0;
    for (let r = 0; r < b.rows; r++) {
      const tagAt = k;
      const row = numbers[q++]!;
      for (let i = 0; i < w; i++, k++) {
        switch (tags[k]! & KIND) {
          case UNDEFINED:
            slots[i] = undefined;
            break;
          case NUMBER:
            slots[i] = numbers[q++];
            break;
          case SAME:
            slots[i] = last[i];
            break;
          case TEXT: {
            const x = texts[t++]!;
            slots[i] = last[i] = x;
            const dict = dicts[i];
            if (dict && dict.length < DICTIONARY) dict.push(x);
            break;
          }
          case KNOWN:
            slots[i] = last[i] = dicts[i]![numbers[q++]!];
            break;
          default:
            slots[i] = others[o++];
        }
      }
      const cellAt = c;
      const textAt = at;
      const n = cellLengths[c++]!;
      if (n < 0) at += -1 - n;
      else {
        for (let i = 0; i < n; i++) {
          const len = cellLengths[c++]!;
          if (len > 0) at += len;
        }
      }
      out[r] = new ShippedRow(ctx, row, make(slots), b, r, tagAt, cellAt, textAt, slotOf);
    }
    return out;
  }
}
