/**
 * Compact column storage for what must be kept across rows (hundreds of thousands of
 * documents): numbers in growable typed arrays, repeated strings (dates, GSTINs, codes)
 * interned once and stored as indexes. A document costs a few dozen bytes, not an object graph.
 */
import { flatCopy } from '../model/flat.js';

/** A growable Float64Array; NaN stands for "absent". */
export class NumberColumn {
  private data = new Float64Array(1024);
  length = 0;
  push(v: number | undefined): number {
    if (this.length === this.data.length) this.grow();
    this.data[this.length] = v === undefined ? Number.NaN : v;
    return this.length++;
  }
  get(i: number): number | undefined {
    const v = this.data[i]!;
    return Number.isNaN(v) ? undefined : v;
  }
  set(i: number, v: number): void {
    this.data[i] = v;
  }
  private grow() {
    const next = new Float64Array(this.data.length * 2);
    next.set(this.data);
    this.data = next;
  }
}

/** A growable Int32Array. */
export class IntColumn {
  private data = new Int32Array(1024);
  length = 0;
  push(v: number): number {
    if (this.length === this.data.length) this.grow();
    this.data[this.length] = v;
    return this.length++;
  }
  get(i: number): number {
    return this.data[i]!;
  }
  set(i: number, v: number): void {
    this.data[i] = v;
  }
  private grow() {
    const next = new Int32Array(this.data.length * 2);
    next.set(this.data);
    this.data = next;
  }
}

/**
 * Strings that repeat (dates, recipient GSTINs, POS, codes) are stored once; each row keeps an
 * index. The copy made on first sight is a flat string, so a substring handed out by a CSV
 * parser does not keep its whole input chunk alive.
 */
export class InternedColumn {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];
  private readonly refs = new IntColumn();
  push(v: string | undefined): number {
    return this.refs.push(v === undefined ? -1 : this.intern(v));
  }
  get(i: number): string | undefined {
    const r = this.refs.get(i);
    return r < 0 ? undefined : this.strings[r];
  }
  private intern(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      const copy = flatString(s);
      id = this.strings.length;
      this.strings.push(copy);
      this.ids.set(copy, id);
    }
    return id;
  }
}

/** A flat copy of a string (V8 keeps sliced substrings pointing into their parent). */
export function flatString(s: string): string {
  return flatCopy(s);
}
