import { describe, expect, it } from 'vitest';
import { PAGE } from '../model/columns.js';
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

  it('tells every rate apart, those it looks up by quarter percent and those it does not (0.1, 128, -5, none)', () => {
    const store = new DocumentStore(['val']);
    const rates = [18, 0.1, 0, 0.25, 127.75, 128, 1.5, -5, 40, 7.5, 0.125];
    const doc = store.create(0, 2, { val: 1 }, () => false);
    // each rate twice, the second line summed into the first's item, and a line of no rate
    for (const rt of [...rates, ...rates]) store.addItem(doc, rt, 100, 0);
    store.addItem(doc, -0, 100, 0);
    store.addItem(doc, undefined as unknown as number, 7, 0);
    expect(store.itemsOf(doc).map((i) => [i.rt, i.txval])).toEqual([...rates.map((rt) => [rt, rt === 0 ? 300 : 200]), [undefined, 7]]);
    expect(store.itemAt(doc, 127.75)).toBeGreaterThanOrEqual(0);
    expect(store.itemAt(doc, 12)).toBe(-1);
    // a second document: its rates in another order keep the ids the first one gave
    const other = store.create(1, 3, { val: 1 }, () => false);
    for (const rt of [...rates].reverse()) store.addItem(other, rt, 1, 0);
    expect(store.itemsOf(other).map((i) => i.rt)).toEqual([...rates].reverse());
  });

  it('keeps each item\'s cess exactly, on items across record pages, and 0 where no line had any', () => {
    const store = new DocumentStore(['val']);
    const n = 2 * PAGE + 5;
    const docs: number[] = [];
    for (let d = 0; d < n; d++) {
      const id = store.create(d, d + 2, { val: 100 }, () => false);
      docs.push(id);
      store.addItem(id, 18, 1000, d % 3 === 0 ? 2 ** 40 + d : 0); // paise past 2^32
      store.addItem(id, 5, 10, 0);
    }
    // later lines of the same rates: a zero cess, a cess on an item that had none, a refund
    for (const d of [0, PAGE - 1, PAGE, n - 1]) {
      store.addItem(docs[d]!, 18, 1, 0);
      store.addItem(docs[d]!, 5, 1, 7);
      store.addItem(docs[d]!, 5, 1, -2);
    }
    const wrong: number[] = [];
    for (const d of [0, 1, PAGE - 1, PAGE, PAGE + 1, n - 1]) {
      const again = [0, PAGE - 1, PAGE, n - 1].includes(d);
      const want = [
        { rt: 18, txval: again ? 1001 : 1000, csamt: d % 3 === 0 ? 2 ** 40 + d : 0 },
        { rt: 5, txval: again ? 12 : 10, csamt: again ? 5 : 0 },
      ];
      if (JSON.stringify(store.itemsOf(docs[d]!)) !== JSON.stringify(want)) wrong.push(d);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps few-valued fields in bytes, and fields with more distinct values than a byte holds exactly', () => {
    const store = new DocumentStore(['ctin', 'pos', 'rchrg', 'val', 'invTyp']);
    const n = PAGE + 300;
    for (let d = 0; d < n; d++) {
      // 300 distinct places of supply: past what a byte holds (hostile input)
      const id = store.create(d, d + 5, { ctin: `C${d % 7}`, pos: `P${d % 300}`, rchrg: d % 2 ? 'Y' : 'N', val: d, invTyp: 'R' }, (f) => f === 'invTyp' && d === 3);
      expect(id).toBe(d);
    }
    const wrong: number[] = [];
    for (const d of [0, 3, 253, 254, 299, PAGE - 1, PAGE, PAGE + 254, n - 1]) {
      const want = { ctin: `C${d % 7}`, pos: `P${d % 300}`, rchrg: d % 2 ? 'Y' : 'N', val: d, invTyp: 'R' };
      if (JSON.stringify(store.fieldsOf(d, {})) !== JSON.stringify(want)) wrong.push(d);
      if (store.mismatch(d, want) !== undefined || store.mismatch(d, { ...want, pos: 'P-other' })?.field !== 'pos') wrong.push(-d);
    }
    expect(wrong).toEqual([]);
    const groups = store.groupBy('ctin');
    expect(groups.keys).toEqual(['C0', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6']);
    expect([...groups.members(3)].slice(0, 3)).toEqual([3, 10, 17]);
  });

  it('keeps dates and operators in two bytes, and more distinct values than two bytes hold exactly', () => {
    const store = new DocumentStore(['idt', 'val', 'etin', 'pos']);
    const n = 65_536 + 20;
    // a date per document (hostile input: a month has at most 31), an operator in three, nothing in the fourth
    const want = (d: number) => ({ idt: `D${d}`, val: d, ...(d % 4 === 3 ? {} : { etin: `E${d % 4}` }), pos: `P${d % 5}` });
    for (let d = 0; d < n; d++) store.create(d, d, want(d), () => false);
    const wrong: number[] = [];
    for (const d of [0, 3, 65_532, 65_533, 65_534, 65_535, n - 1]) {
      if (JSON.stringify(store.fieldsOf(d, {})) !== JSON.stringify(want(d))) wrong.push(d);
      if (store.mismatch(d, want(d)) !== undefined || store.mismatch(d, { ...want(d), idt: 'D-1' })?.field !== 'idt') wrong.push(-d);
    }
    expect(wrong).toEqual([]);
  });
});
