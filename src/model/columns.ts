/**
 * Compact column storage for what must be kept across rows (hundreds of thousands of documents):
 * numbers in typed arrays, repeated values (dates, GSTINs, codes, rates) interned once and stored
 * as indexes. A document costs a few dozen bytes, not an object graph.
 *
 * The typed arrays are pages of a fixed size, added as rows come: a column holds at most one
 * partly filled page more than it needs, and growing never copies. (A single array doubled on
 * demand is up to twice the size it needs, and three times while it is being copied: at 500,000
 * lines that slack alone made memory grow faster than the file.)
 */
import { flatCopy } from './flat.js';

const PAGE_BITS = 12;
/** entries per page */
export const PAGE = 1 << PAGE_BITS;
const MASK = PAGE - 1;

/** A growable column of 32-bit integers. */
export class IntColumn {
  private readonly pages: Int32Array[] = [];
  length = 0;
  push(v: number): number {
    const i = this.length;
    if ((i & MASK) === 0) this.pages.push(new Int32Array(PAGE));
    this.pages[i >>> PAGE_BITS]![i & MASK] = v;
    return this.length++;
  }
  get(i: number): number {
    return this.pages[i >>> PAGE_BITS]![i & MASK]!;
  }
  set(i: number, v: number): void {
    this.pages[i >>> PAGE_BITS]![i & MASK] = v;
  }
}

/** A growable column of numbers (amounts in paise); NaN stands for "absent". */
export class NumberColumn {
  private readonly pages: Float64Array[] = [];
  length = 0;
  push(v: number | undefined): number {
    const i = this.length;
    if ((i & MASK) === 0) this.pages.push(new Float64Array(PAGE));
    this.pages[i >>> PAGE_BITS]![i & MASK] = v === undefined ? Number.NaN : v;
    return this.length++;
  }
  get(i: number): number | undefined {
    const v = this.pages[i >>> PAGE_BITS]![i & MASK]!;
    return Number.isNaN(v) ? undefined : v;
  }
  set(i: number, v: number): void {
    this.pages[i >>> PAGE_BITS]![i & MASK] = v;
  }
}

/**
 * Values that repeat (dates, recipient GSTINs, POS, codes, rates) are stored once; each row keeps
 * an index. A string is copied flat on first sight, so a substring handed out by a CSV parser
 * does not keep its whole input chunk alive.
 */
export class InternedColumn<T extends string | number = string | number> {
  private readonly ids = new Map<T, number>();
  private readonly values: T[] = [];
  private readonly refs = new IntColumn();
  /** the last value pushed and its id: consecutive documents often share a date, POS or type */
  private last: T | undefined;
  private lastId = -1;
  get length(): number {
    return this.refs.length;
  }
  push(v: T | undefined): number {
    return this.refs.push(v === undefined ? -1 : this.intern(v));
  }
  get(i: number): T | undefined {
    const r = this.refs.get(i);
    return r < 0 ? undefined : this.values[r];
  }
  /** The index of row i's value among the distinct values (in order of first sight), -1 when absent. */
  ref(i: number): number {
    return this.refs.get(i);
  }
  /** The distinct values, in order of first sight. */
  distinct(): readonly T[] {
    return this.values;
  }
  private intern(v: T): number {
    if (v === this.last) return this.lastId;
    let id = this.ids.get(v);
    if (id === undefined) {
      const copy = (typeof v === 'string' ? flatCopy(v) : v) as T;
      id = this.values.length;
      this.values.push(copy);
      this.ids.set(copy, id);
    }
    this.last = v;
    this.lastId = id;
    return id;
  }
}

/** A flat copy of a string (V8 keeps sliced substrings pointing into their parent). */
export function flatString(s: string): string {
  return flatCopy(s);
}
