import { describe, expect, it } from 'vitest';
import { PAGE } from './columns.js';
import { DocumentNumbers, NOT_SEEN } from './document-numbers.js';

describe('DocumentNumbers', () => {
  it('keeps each number\'s sighting and documents in its own record, across record pages', () => {
    const invoices = new DocumentNumbers().of('b2b')!;
    const n = 2 * PAGE + 3;
    for (let i = 0; i < n; i++) {
      const id = invoices.intern(`INV/${i}`);
      expect(invoices.sighting(id)).toBe(NOT_SEEN);
      expect(invoices.document(id, 0)).toBe(-1);
      invoices.see(id, i % 7, i, 0);
      invoices.setDocument(id, 0, n - i);
    }
    const wrong: number[] = [];
    for (const i of [0, PAGE - 1, PAGE, 2 * PAGE - 1, 2 * PAGE, n - 1]) {
      const id = invoices.intern(`inv/${i}`);
      if (id !== i || invoices.document(id, 0) !== n - i || invoices.document(id, 1) !== -1) wrong.push(i);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the same number\'s documents on every sheet of its series, and documents past the packing', () => {
    const numbers = new DocumentNumbers();
    const invoices = numbers.of('exp')!;
    const a = invoices.intern('E/1');
    invoices.setDocument(a, 2, 5); // exp first
    invoices.setDocument(a, 0, 9); // then b2b
    invoices.setDocument(a, 1, 2 ** 30); // b2cl, a document id past the packing
    expect([invoices.document(a, 0), invoices.document(a, 1), invoices.document(a, 2)]).toEqual([9, 2 ** 30, 5]);
    const b = invoices.intern('E/2');
    invoices.setDocument(b, 1, 2 ** 29); // the first document of a number, past the packing
    expect([invoices.document(b, 0), invoices.document(b, 1), invoices.document(b, 2)]).toEqual([-1, 2 ** 29, -1]);
    // series are apart: a note with the same number is another record
    const notes = numbers.of('cdnr')!;
    expect(notes.document(notes.intern('E/1'), 0)).toBe(-1);
  });

  it('reads back sightings and note-type bits', () => {
    const numbers = new DocumentNumbers();
    const notes = numbers.of('cdnur')!;
    const id = notes.intern('N/1');
    notes.see(id, 3, 42, 1);
    expect(notes.addBits(id, 1)).toBe(false);
    expect(notes.addBits(id, 2)).toBe(true);
    const s = notes.sighting(id);
    expect([numbers.sightingOwner(s), numbers.sightingRow(s)]).toEqual([3, 42]);
  });
});
