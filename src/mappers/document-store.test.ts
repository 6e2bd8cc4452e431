import { describe, expect, it } from 'vitest';
import { DocumentStore } from './document-store.js';

describe('document store: items', () => {
  it('sums lines of one rate into one item, in the order the rates came, and keeps given tax only where given', () => {
    const store = new DocumentStore(['ctin', 'val']);
    const a = store.create(0, 5, { ctin: '29AAACR5055K1Z3', val: 11800 }, () => false);
    const b = store.create(1, 6, { ctin: '29AAACR5055K1Z3', val: 500 }, () => false);
    store.addItem(a, 18, 10000, 0);
    store.addItem(b, 5, 400, 0);
    const given = store.addItem(a, 12, 1000, 10);
    store.addTax(given, { iamt: 120 });
    store.addItem(a, 18, 500, 0);
    store.addTax(store.addItem(a, 12, 200, 0), { iamt: 24, camt: 3 });
    expect(store.itemsOf(a)).toEqual([
      { rt: 18, txval: 10500, csamt: 0 },
      { rt: 12, txval: 1200, csamt: 10, given: { iamt: 144, camt: 3 } },
    ]);
    expect(store.itemsOf(b)).toEqual([{ rt: 5, txval: 400, csamt: 0 }]);
    expect('given' in store.itemsOf(a)[0]!).toBe(false);
  });
});
