/**
 * A compact set of document numbers (or any short keys) that gives each distinct key a dense id,
 * compared without ASCII case: "INV/1" and "inv/1" are the same key. It holds hundreds of
 * thousands of numbers for a whole run (one per invoice of a large return), so it keeps no
 * JavaScript string per key: the first spelling of each key is stored as bytes in pages of a
 * buffer and found again through an open-addressing hash table of integers. A 16-character key
 * costs about 44 bytes here (its bytes, 12 for where they are and its hash, 4-12 in the hash table) against
 * about 90 for a Map of copied strings, and nothing for the collector to walk. A caller that keeps
 * something per key asks for `extra` int slots in the key's own record instead of a store of its
 * own: one record per key, found with the key (document-numbers.ts keeps its sighting there).
 *
 * Document numbers are ASCII by the portal's format (letters, digits, / and -); only ASCII letters
 * are folded. A key with a character past U+00FF (which the format rules reject anyway) is
 * kept as a string on the side and still found exactly.
 */
import { RecordStore } from './columns.js';

const EMPTY = 0;
const START = 0;
const LEN = 1;
/** the key's hash: the table grows without reading the keys again */
const HASH = 2;
/** the caller's slots follow START, LEN and HASH */
const EXTRA = 3;
/** bytes per page of keys; a longer key is kept as a string */
const BYTE_PAGE = 64 * 1024;
/**
 * A slot holds id + 1 in its low ID_BITS and the top 7 bits of the key's 31-bit hash above them
 * (its tag), so most misses are settled without reading the key. Past 2^25 - 1 keys, which no
 * return comes near, the slots hold id + 1 alone.
 */
const ID_BITS = 25;

export class KeyTable {
  /** the keys' bytes, in pages; a key never straddles two pages */
  private readonly pages: Buffer[] = [];
  private used = BYTE_PAGE;
  /**
   * per id, side by side: where its bytes are (page × BYTE_PAGE + offset, or -(k + 1) for the
   * k-th key kept as a string) and its length
   */
  private readonly entries: RecordStore;
  private readonly wide: string[] = [];
  /**
   * The hash table: per slot, id + 1 (0 for an empty slot) with the key's tag (see ID_BITS). A
   * power of two in slots, at most 70 % full. 4 bytes a slot, the full hash kept once per key in
   * its record: beside the id in every slot it took 2 MB more at 500,000 lines (1 MB net), and
   * the tag settles misses as well.
   */
  private slots = new Uint32Array(2048);
  /** a slot's tag is its multiple of tagUnit (2^ID_BITS); 0 once the ids no longer fit beside a tag */
  private tagUnit: number;
  size = 0;
  /** the last key found or added, and its id: the lines of one document usually come together */
  private lastKey: string | undefined;
  private lastId = -1;
  /** the key of the last `find` that missed, and the empty slot it ended on */
  private missKey: string | undefined;
  private missHash = 0;
  private missSlot = -1;

  /**
   * `extra`: int slots kept per key for the caller (extra / setExtra), -1 until set. `idBits`:
   * for the tests, fewer ids beside a tag, so that dropping the tags can be seen.
   */
  constructor(extra = 0, idBits = ID_BITS) {
    this.entries = new RecordStore(0, EXTRA + extra);
    this.tagUnit = 2 ** idBits;
  }

  /** the hash table's slots, 4 bytes each (how full it runs: between 35 and 70 %) */
  get slotCount(): number {
    return this.slots.length;
  }

  /** The id of `key`, or -1 when it is not in the table. */
  find(key: string): number {
    if (key === this.lastKey) return this.lastId;
    const h = hashOf(key);
    const slots = this.slots;
    const mask = slots.length - 1;
    const unit = this.tagUnit;
    const tagged = (h >>> 24) * unit;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const e = slots[i]!;
      if (e === EMPTY) {
        this.missKey = key;
        this.missHash = h;
        this.missSlot = i;
        return -1;
      }
      // untagged, a slot may be past 2^31, where & would turn it negative
      const id = unit === 0 ? e - 1 : (e & (unit - 1)) - 1;
      if (e - id - 1 === tagged && this.equals(id, key)) {
        this.lastKey = key;
        this.lastId = id;
        return id;
      }
    }
  }

  /** Adds `key`, which must not be in the table yet, and returns its new id. */
  add(key: string): number {
    if (this.missKey !== key && this.find(key) >= 0) throw new Error(`key table: "${key}" is already present`);
    const h = this.missHash;
    const slot = this.missSlot;
    this.missKey = undefined;
    const id = this.entries.push();
    this.entries.setInt(id, LEN, key.length);
    this.entries.setInt(id, HASH, h);
    if (key.length <= BYTE_PAGE && isNarrow(key)) {
      if (this.used + key.length > BYTE_PAGE) {
        this.pages.push(Buffer.alloc(BYTE_PAGE));
        this.used = 0;
      }
      const b = this.pages[this.pages.length - 1]!;
      for (let i = 0, at = this.used; i < key.length; i++) b[at + i] = key.charCodeAt(i);
      this.entries.setInt(id, START, (this.pages.length - 1) * BYTE_PAGE + this.used);
      this.used += key.length;
    } else {
      this.wide.push(key);
      this.entries.setInt(id, START, -this.wide.length);
    }
    this.size++;
    this.slots[slot] = this.slotOf(id, h);
    // past 70 % full the table doubles: linear probing stays short
    const full = this.size * 10 > this.slots.length * 7;
    // no more ids fit beside a tag: the slots hold id + 1 alone from now on
    const untag = this.tagUnit !== 0 && this.size >= this.tagUnit - 1;
    if (untag) this.tagUnit = 0;
    if (full || untag) this.rehash(full ? this.slots.length * 2 : this.slots.length);
    this.lastKey = key;
    this.lastId = id;
    return id;
  }

  /** The id of `key`, added when it is new. */
  intern(key: string): number {
    const id = this.find(key);
    return id >= 0 ? id : this.add(key);
  }

  /** The key with this id, spelt as it was first added. */
  key(id: number): string {
    const s = this.entries.int(id, START);
    if (s < 0) return this.wide[-s - 1]!;
    const at = s % BYTE_PAGE;
    return this.pages[(s - at) / BYTE_PAGE]!.toString('latin1', at, at + this.entries.int(id, LEN));
  }

  /**
   * Whether every character of key `id` is one `ok` marks (ok[code] === 1) and its length one
   * `lengths` marks, without making its string; false for a key kept as a string.
   */
  within(id: number, ok: Uint8Array, lengths: Uint8Array): boolean {
    const s = this.entries.int(id, START);
    const n = this.entries.int(id, LEN);
    if (s < 0 || lengths[n] !== 1) return false;
    const at = s % BYTE_PAGE;
    const b = this.pages[(s - at) / BYTE_PAGE]!;
    for (let i = at, end = at + n; i < end; i++) if (ok[b[i]!] !== 1) return false;
    return true;
  }

  /** The caller's `k`-th int slot of key `id`. */
  extra(id: number, k: number): number {
    return this.entries.int(id, EXTRA + k);
  }
  setExtra(id: number, k: number, v: number): void {
    this.entries.setInt(id, EXTRA + k, v);
  }

  private equals(id: number, key: string): boolean {
    const n = this.entries.int(id, LEN);
    if (n !== key.length) return false;
    const s = this.entries.int(id, START);
    if (s < 0) return fold(this.wide[-s - 1]!) === fold(key);
    const at = s % BYTE_PAGE;
    const b = this.pages[(s - at) / BYTE_PAGE]!;
    for (let i = 0; i < n; i++) {
      const c = key.charCodeAt(i);
      const d = b[at + i]!;
      if (c !== d && lower(c) !== lower(d)) return false;
    }
    return true;
  }

  /** What slot of id `id`, whose key hashes to `h`, holds. */
  private slotOf(id: number, h: number): number {
    return (h >>> 24) * this.tagUnit + id + 1;
  }

  /** The slots rebuilt at `size`. */
  private rehash(size: number) {
    const slots = new Uint32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.size; id++) {
      const h = this.entries.int(id, HASH);
      let i = h & mask;
      while (slots[i] !== EMPTY) i = (i + 1) & mask;
      slots[i] = this.slotOf(id, h);
    }
    this.slots = slots;
  }
}

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : c;
}

/** ASCII letters lower-cased, everything else as it is. */
function fold(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/**
 * FNV-1a over the UTF-16 code units with bit 5 set: that folds ASCII case (and a few other pairs,
 * which `equals` tells apart) without a branch per character.
 */
function hashOf(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ (s.charCodeAt(i) | 32), 0x01000193);
  return h >>> 1; // non-negative, so `h & mask` is a slot
}

function isNarrow(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return false;
  return true;
}
