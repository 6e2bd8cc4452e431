import { describe, expect, it } from 'vitest';
import { Interner, PAGE, RecordStore, StringPool } from './columns.js';

describe('RecordStore', () => {
  it('starts each record with absent floats (NaN) and ints of -1, and keeps fields apart', () => {
    const s = new RecordStore(2, 3);
    const n = PAGE + 10;
    for (let i = 0; i < n; i++) {
      const id = s.push();
      expect(Number.isNaN(s.float(id, 0)) && Number.isNaN(s.float(id, 1))).toBe(true);
      expect([s.int(id, 0), s.int(id, 1), s.int(id, 2)]).toEqual([-1, -1, -1]);
      s.setFloat(id, 0, i + 0.25);
      s.setFloat(id, 1, -i * 1e12); // amounts in paise beyond 2^32
      s.setInt(id, 0, i);
      s.setInt(id, 2, -i - 2);
    }
    for (const id of [0, 1, PAGE - 1, PAGE, n - 1]) {
      expect([s.float(id, 0), s.float(id, 1), s.int(id, 0), s.int(id, 1), s.int(id, 2)]).toEqual([id + 0.25, -id * 1e12, id, -1, -id - 2]);
    }
  });

  it('keeps byte slots beside floats and ints, 0 in a new record, across pages', () => {
    const s = new RecordStore(1, 3, 3); // 8 + 12 + 3 bytes: a 24-byte record
    const n = 2 * PAGE + 1;
    for (let i = 0; i < n; i++) {
      const id = s.push();
      expect([s.byte(id, 0), s.byte(id, 2), s.int(id, 2)]).toEqual([0, 0, -1]);
      s.setFloat(id, 0, -i);
      s.setInt(id, 2, i);
      s.setByte(id, 0, i & 255);
      s.setByte(id, 2, 255 - (i & 255));
    }
    const wrong: number[] = [];
    for (const id of [0, PAGE - 1, PAGE, 2 * PAGE - 1, 2 * PAGE]) {
      const got = [s.float(id, 0), s.int(id, 0), s.int(id, 2), s.byte(id, 0), s.byte(id, 1), s.byte(id, 2)];
      if (JSON.stringify(got) !== JSON.stringify([-id, -1, id, id & 255, 0, 255 - (id & 255)])) wrong.push(id);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps 16-bit slots between the ints and the bytes, 0 in a new record, across pages', () => {
    const s = new RecordStore(1, 1, 3, 2); // 8 + 4 + 2 × 2 + 3 bytes: a 24-byte record
    const n = 2 * PAGE + 1;
    for (let i = 0; i < n; i++) {
      const id = s.push();
      expect([s.half(id, 0), s.half(id, 1), s.byte(id, 0), s.int(id, 0)]).toEqual([0, 0, 0, -1]);
      s.setFloat(id, 0, i + 0.5);
      s.setInt(id, 0, -i);
      s.setHalf(id, 0, 65535 - (i % 65536));
      s.setHalf(id, 1, i * 7);
      s.setByte(id, 0, 255);
      s.setByte(id, 2, i & 255);
    }
    const wrong: number[] = [];
    for (const id of [0, PAGE - 1, PAGE, 2 * PAGE - 1, 2 * PAGE]) {
      const got = [s.float(id, 0), s.int(id, 0), s.half(id, 0), s.half(id, 1), s.byte(id, 0), s.byte(id, 1), s.byte(id, 2)];
      if (JSON.stringify(got) !== JSON.stringify([id + 0.5, -id, 65535 - id, (id * 7) % 65536, 255, 0, id & 255])) wrong.push(id);
    }
    expect(wrong).toEqual([]);
  });

  it('holds records of ints only', () => {
    const s = new RecordStore(0, 3);
    const a = s.push();
    const b = s.push();
    s.setInt(a, 2, 7);
    s.setInt(b, 0, 9);
    expect([s.int(a, 0), s.int(a, 2), s.int(b, 0), s.int(b, 2)]).toEqual([-1, 7, 9, -1]);
  });

  it('packs records without floats to 4 bytes, across pages', () => {
    const s = new RecordStore(0, 2, 1, 1); // 8 + 2 + 1 bytes: 12, not 16
    const t = new RecordStore(0, 5); // 20 bytes, not 24
    expect([s.recordBytes, t.recordBytes, new RecordStore(1, 1).recordBytes]).toEqual([12, 20, 16]);
    const n = 2 * PAGE + 1;
    for (let i = 0; i < n; i++) {
      s.push();
      t.push();
      s.setInt(i, 0, i);
      s.setInt(i, 1, -i);
      s.setHalf(i, 0, i % 65536);
      s.setByte(i, 0, i & 255);
      for (let k = 0; k < 5; k++) t.setInt(i, k, i * 5 + k);
    }
    const wrong: number[] = [];
    for (const i of [0, 1, PAGE - 1, PAGE, 2 * PAGE]) {
      if (JSON.stringify([s.int(i, 0), s.int(i, 1), s.half(i, 0), s.byte(i, 0)]) !== JSON.stringify([i, -i, i, i & 255])) wrong.push(i);
      for (let k = 0; k < 5; k++) if (t.int(i, k) !== i * 5 + k) wrong.push(-i);
    }
    expect(wrong).toEqual([]);
  });
});

describe('Interner', () => {
  it('gives equal values one id in order of first sight, and -1 to undefined', () => {
    const i = new Interner();
    expect([i.id('27'), i.id('29'), i.id('27'), i.id(65), i.id(undefined), i.id('29')]).toEqual([0, 1, 0, 2, -1, 1]);
    expect(i.distinct()).toEqual(['27', '29', 65]);
    expect([i.value(1), i.value(-1)]).toEqual(['29', undefined]);
  });
});

describe('StringPool', () => {
  it('keeps one copy per text, equal to it, and empties itself at its limit', () => {
    const pool = new StringPool(2);
    const [a, gstin, b] = 'INV/25-26/000001,27AAACR5055K1Z7,INV/25-26/000001'.split(',');
    expect(pool.keep(a!)).toBe('INV/25-26/000001');
    expect(pool.keep(b!)).toBe('INV/25-26/000001');
    expect(pool.size).toBe(1);
    pool.keep(gstin!);
    expect(pool.size).toBe(2);
    expect(pool.keep('29AAACR5055K1Z3')).toBe('29AAACR5055K1Z3'); // the third text: the pool starts again
    expect(pool.size).toBe(1);
  });
});
