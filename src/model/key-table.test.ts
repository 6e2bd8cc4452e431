import { describe, expect, it } from 'vitest';
import { PAGE } from './columns.js';
import { KeyTable } from './key-table.js';

describe('KeyTable', () => {
  it('gives each distinct key one dense id, without ASCII case, and keeps the first spelling', () => {
    const t = new KeyTable();
    expect(t.intern('INV/1')).toBe(0);
    expect(t.intern('inv/1')).toBe(0);
    expect(t.intern('INV/2')).toBe(1);
    expect(t.find('Inv/2')).toBe(1);
    expect(t.find('INV/3')).toBe(-1);
    expect(t.key(0)).toBe('INV/1');
    expect(t.size).toBe(2);
  });

  it('finds every one of 300,000 keys after growing, and only those', () => {
    const t = new KeyTable();
    const n = 300_000;
    const wrong: number[] = [];
    for (let i = 0; i < n; i++) if (t.add(`INV/25-26/${i}`) !== i) wrong.push(i);
    for (let i = 0; i < n; i++) if (t.find(`inv/25-26/${i}`) !== i) wrong.push(i);
    expect(wrong).toEqual([]);
    expect(t.find(`INV/25-26/${n}`)).toBe(-1);
    expect(t.key(n - 1)).toBe(`INV/25-26/${n - 1}`);
    expect(t.size).toBe(n);
    // up to 70 % full before it doubles: 300,000 keys in 2^19 slots (2 MB)
    expect(t.slotCount).toBe(2 ** 19);
  });

  it('keeps Latin-1 and wider characters exactly, folding only ASCII letters', () => {
    const t = new KeyTable();
    const a = t.intern('FACTURE-É1');
    const b = t.intern('बिल/1');
    const long = 'X'.repeat(100_000);
    const c = t.intern(long);
    expect(t.find('facture-É1')).toBe(a);
    expect(t.find('facture-é1')).toBe(-1); // not ASCII: not folded
    expect(t.find('बिल/1')).toBe(b);
    expect(t.find('बिल/2')).toBe(-1);
    expect(t.key(a)).toBe('FACTURE-É1');
    expect(t.key(b)).toBe('बिल/1');
    expect(t.key(c)).toBe(long);
    expect(t.find(long.toLowerCase())).toBe(c);
  });

  it('still finds every key once the ids no longer fit beside the tags', () => {
    // 4 id bits: from the 15th key the slots hold ids alone (a return never has 2^25 keys)
    const t = new KeyTable(1, 4);
    const n = 5000; // past rehashes in both forms
    const wrong: number[] = [];
    for (let i = 0; i < n; i++) {
      if (t.add(i % 7 === 0 ? `Δ-${i}` : `INV-${i}`) !== i) wrong.push(i);
      t.setExtra(i, 0, i);
    }
    for (let i = 0; i < n; i++) {
      const key = i % 7 === 0 ? `Δ-${i}` : `inv-${i}`;
      if (t.find(key) !== i || t.extra(i, 0) !== i || t.key(i).toLowerCase() !== key.toLowerCase()) wrong.push(i);
    }
    expect(wrong).toEqual([]);
    expect([t.find('INV-5000'), t.find('Δ-7000'), t.size]).toEqual([-1, -1, n]);
  });

  it('refuses to add a key twice', () => {
    const t = new KeyTable();
    t.add('A1');
    expect(() => t.add('a1')).toThrow(/already present/);
  });
});

describe('KeyTable extra slots', () => {
  it('keeps the caller\'s ints per key, -1 until set, across record pages and a rehash', () => {
    const t = new KeyTable(2);
    const n = 3 * PAGE + 1; // past a rehash too (the table starts at 2,048 slots)
    for (let i = 0; i < n; i++) {
      const id = t.add(`K${i}`);
      expect([t.extra(id, 0), t.extra(id, 1)]).toEqual([-1, -1]);
      t.setExtra(id, 1, i * 3);
    }
    const wrong: number[] = [];
    for (const i of [0, PAGE - 1, PAGE, 3 * PAGE - 1, 3 * PAGE]) {
      const id = t.find(`k${i}`);
      if (id !== i || t.extra(id, 0) !== -1 || t.extra(id, 1) !== i * 3 || t.key(id) !== `K${i}`) wrong.push(i);
    }
    expect(wrong).toEqual([]);
  });
});
