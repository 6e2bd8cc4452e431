/**
 * Compact storage for what must be kept across rows (hundreds of thousands of documents): numbers
 * in typed-array records, repeated values (dates, GSTINs, codes, rates) interned once and stored
 * as indexes. A document costs a few dozen bytes, not an object graph.
 *
 * The typed arrays are pages of a fixed size, added as rows come: a store holds at most one
 * partly filled page more than it needs, and growing never copies. (A single array doubled on
 * demand is up to twice the size it needs, and three times while it is being copied: at 500,000
 * lines that slack alone made memory grow faster than the file.)
 */
import { flatCopy } from './flat.js';

const PAGE_BITS = 12;
/** entries per page */
export const PAGE = 1 << PAGE_BITS;
const MASK = PAGE - 1;

/**
 * Fixed-size records of numbers, one per document or item, in pages: the fields of one record
 * sit side by side, so reading a document back costs one or two cache lines instead of one per
 * field (documents are read back grouped by recipient, in no order the pages know).
 * A record has `floats` float64 slots (amounts in paise, NaN for "absent"), then `ints` int32 slots,
 * then `halves` uint16 slots and `bytes` uint8 slots (0 in a new record), the record rounded up to
 * 8 bytes, or to 4 when it has no floats.
 */
export class RecordStore {
  private readonly floatPages: Float64Array[] = [];
  private readonly intPages: Int32Array[] = [];
  private readonly halfPages: Uint16Array[] = [];
  private readonly bytePages: Uint8Array[] = [];
  /** record size in float64, int32, uint16 and byte units */
  private readonly fStride: number;
  private readonly iStride: number;
  private readonly hStride: number;
  private readonly bStride: number;
  private readonly iBase: number;
  private readonly hBase: number;
  private readonly bBase: number;
  length = 0;

  constructor(
    floats: number,
    private readonly ints: number,
    bytes = 0,
    halves = 0,
  ) {
    // in int32 units: a float's 8-byte alignment only matters when there are floats
    const rest = Math.ceil((ints * 4 + halves * 2 + bytes) / 4);
    this.iStride = floats > 0 ? 2 * (floats + Math.ceil(rest / 2)) : rest;
    this.fStride = this.iStride / 2;
    this.hStride = this.iStride * 2;
    this.bStride = this.iStride * 4;
    this.iBase = floats * 2;
    this.hBase = floats * 4 + ints * 2;
    this.bBase = floats * 8 + ints * 4 + halves * 2;
  }

  /** bytes a record takes */
  get recordBytes(): number {
    return this.iStride * 4;
  }

  /** A new record, every float absent and every int -1. */
  push(): number {
    const id = this.length;
    const at = id & MASK;
    if (at === 0) {
      const buf = new ArrayBuffer(PAGE * this.iStride * 4);
      this.floatPages.push(new Float64Array(buf));
      this.intPages.push(new Int32Array(buf));
      this.halfPages.push(new Uint16Array(buf));
      this.bytePages.push(new Uint8Array(buf));
    }
    // plain loops: a record is a few slots, and fill() costs more than it saves at that size
    const page = id >>> PAGE_BITS;
    const floats = this.floatPages[page]!;
    for (let k = at * this.fStride, end = k + this.iBase / 2; k < end; k++) floats[k] = Number.NaN;
    const ints = this.intPages[page]!;
    for (let k = at * this.iStride + this.iBase, end = k + this.ints; k < end; k++) ints[k] = -1;
    return this.length++;
  }

  float(id: number, slot: number): number {
    return this.floatPages[id >>> PAGE_BITS]![(id & MASK) * this.fStride + slot]!;
  }
  setFloat(id: number, slot: number, v: number): void {
    this.floatPages[id >>> PAGE_BITS]![(id & MASK) * this.fStride + slot] = v;
  }
  int(id: number, slot: number): number {
    return this.intPages[id >>> PAGE_BITS]![(id & MASK) * this.iStride + this.iBase + slot]!;
  }
  setInt(id: number, slot: number, v: number): void {
    this.intPages[id >>> PAGE_BITS]![(id & MASK) * this.iStride + this.iBase + slot] = v;
  }
  half(id: number, slot: number): number {
    return this.halfPages[id >>> PAGE_BITS]![(id & MASK) * this.hStride + this.hBase + slot]!;
  }
  setHalf(id: number, slot: number, v: number): void {
    this.halfPages[id >>> PAGE_BITS]![(id & MASK) * this.hStride + this.hBase + slot] = v;
  }
  byte(id: number, slot: number): number {
    return this.bytePages[id >>> PAGE_BITS]![(id & MASK) * this.bStride + this.bBase + slot]!;
  }
  setByte(id: number, slot: number, v: number): void {
    this.bytePages[id >>> PAGE_BITS]![(id & MASK) * this.bStride + this.bBase + slot] = v;
  }
}

/**
 * Values that repeat (dates, recipient GSTINs, POS, codes, rates) are stored once and referred
 * to by a small integer. A string is copied flat on first sight, so a substring handed out by a
 * CSV parser does not keep its whole input chunk alive.
 */
export class Interner<T extends string | number = string | number> {
  private readonly ids = new Map<T, number>();
  private readonly values: T[] = [];
  /** the last value and its id: consecutive documents often share a date, POS or type */
  private last: T | undefined;
  private lastId = -1;

  /** The id of `v`, -1 for undefined. */
  id(v: T | undefined): number {
    if (v === undefined) return -1;
    if (v === this.last) return this.lastId;
    let id = this.ids.get(v);
    if (id === undefined) {
      const copy = (typeof v === 'string' ? flatCopy(v) : v) as T;
      id = this.values.length;
      this.values.push(copy);
      this.ids.set(copy, id);
    }
    // the stored copy, not `v`: a slice handed out by a parser would keep its chunk alive
    this.last = this.values[id];
    this.lastId = id;
    return id;
  }

  value(id: number): T | undefined {
    return id < 0 ? undefined : this.values[id];
  }

  /** The distinct values, in order of first sight. */
  distinct(): readonly T[] {
    return this.values;
  }
}

/**
 * Strings kept across rows, each once, as a copy of its own: a parser's slice would pin its whole
 * input chunk (see flat.ts). With a `limit`, a pool that only saves work is emptied when full.
 */
export class StringPool {
  private readonly kept = new Map<string, string>();

  constructor(private readonly limit = Number.POSITIVE_INFINITY) {}

  /** texts kept */
  get size(): number {
    return this.kept.size;
  }

  /** The kept copy of `s`. */
  keep(s: string): string {
    let k = this.kept.get(s);
    if (k === undefined) {
      if (this.kept.size >= this.limit) this.kept.clear();
      k = flatCopy(s);
      this.kept.set(k, k);
    }
    return k;
  }
}
