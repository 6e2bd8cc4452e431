/** Table 13 from document numbers: series by prefix and suffix, totals, gaps and cancelled documents. */
import { describe, expect, it } from 'vitest';
import { DocumentSeries, splitSerial } from '../src/register/derive.js';

/** A row of the register `sales.csv`. */
const at = (row: number) => ({ file: 'sales.csv', sheet: 'sales', row });

describe('register: document series (Table 13)', () => {
  it('splits a number around its serial; a trailing financial year belongs to the suffix', () => {
    expect(splitSerial('INV/25-26/0012')).toEqual({ prefix: 'INV/25-26/', digits: '0012', suffix: '' });
    expect(splitSerial('0012/25-26')).toEqual({ prefix: '', digits: '0012', suffix: '/25-26' });
    expect(splitSerial('GST-145/2025-26')).toEqual({ prefix: 'GST-', digits: '145', suffix: '/2025-26' });
    expect(splitSerial('A12B')).toEqual({ prefix: 'A', digits: '12', suffix: 'B' });
    expect(splitSerial('CASH')).toEqual({ prefix: 'CASH', suffix: '' });
    // not a financial year (26 does not follow 24): the last digits are the serial
    expect(splitSerial('X/24-26')).toEqual({ prefix: 'X/24-', digits: '26', suffix: '' });
  });

  it('counts every number from the lowest to the highest; missing ones and marked ones are cancelled', () => {
    const s = new DocumentSeries();
    for (const n of [3, 1, 2, 5, 7]) expect(s.add('INV', `INV/25-26/${String(n).padStart(4, '0')}`, n === 5, at(n))).toBe('new');
    expect(s.add('INV', 'inv/25-26/0002', false, at(9))).toBe('same');
    expect(s.add('INV', 'INV/25-26/0005', false, at(10))).toBe('cancel-mismatch');
    expect(s.list()).toEqual([{
      nature: 1, from: 'INV/25-26/0001', to: 'INV/25-26/0007', totnum: 7, cancel: 3, documents: 5, markedCancelled: 1,
      gaps: 2, missing: ['INV/25-26/0004', 'INV/25-26/0006'], leftOut: [], sources: s.list()[0]!.sources,
    }]);
    // the rows of the series' documents, in the order read: a finding on its Table 13 row names them
    expect(s.list()[0]!.sources.listed.map((p) => p.row)).toEqual([3, 1, 2, 5, 7]);
    expect(s.rows().map((r) => r.values)).toEqual([{ docNature: 1, docFrom: 'INV/25-26/0001', docTo: 'INV/25-26/0007', totnum: 7, cancel: 3 }]);
  });

  it('keeps series apart by prefix, suffix and nature, listed invoices, debit notes, credit notes', () => {
    const s = new DocumentSeries();
    s.add('C', 'CN/1', false, at(1));
    s.add('INV', 'B/25-26/001', false, at(2));
    s.add('INV', 'A/25-26/001', false, at(3));
    s.add('INV', 'A/25-26/002', false, at(4));
    s.add('D', 'CN/2', false, at(5));
    s.add('INV', '7/24-25', false, at(6));
    s.add('INV', '9/24-25', false, at(7));
    expect(s.list().map((x) => [x.nature, x.from, x.to, x.totnum, x.cancel])).toEqual([
      [1, 'B/25-26/001', 'B/25-26/001', 1, 0],
      [1, 'A/25-26/001', 'A/25-26/002', 2, 0],
      [1, '7/24-25', '9/24-25', 3, 1],
      [4, 'CN/2', 'CN/2', 1, 0],
      [5, 'CN/1', 'CN/1', 1, 0],
    ]);
  });

  it('unpadded serials: from/to are the documents\' own numbers', () => {
    const s = new DocumentSeries();
    for (const n of [9, 10, 12]) s.add('INV', `S${n}`, false, at(n));
    expect(s.list()[0]).toMatchObject({ from: 'S9', to: 'S12', totnum: 4, cancel: 1, missing: ['S11'] });
  });

  it('a number another kind of document holds in the same series is neither counted nor cancelled (ERPNext numbers returns among invoices)', () => {
    const s = new DocumentSeries();
    s.add('INV', 'S/001', false, at(2));
    s.add('C', 'S/002', false, at(3));
    s.add('INV', 'S/003', false, at(4));
    s.add('INV', 'S/005', false, at(5));
    const [invoices, notes] = s.list();
    // S/001 … S/005 is five numbers: S/002 is the credit note's, S/004 is missing (cancelled)
    expect(invoices).toMatchObject({
      nature: 1, from: 'S/001', to: 'S/005', totnum: 4, cancel: 1, gaps: 1, missing: ['S/004'], leftOut: [{ by: 5, count: 1, numbers: ['S/002'] }],
    });
    expect(notes).toMatchObject({ nature: 5, from: 'S/002', to: 'S/002', totnum: 1, cancel: 0, leftOut: [] });
    expect(s.rows().map((r) => r.values)).toEqual([
      { docNature: 1, docFrom: 'S/001', docTo: 'S/005', totnum: 4, cancel: 1 },
      { docNature: 5, docFrom: 'S/002', docTo: 'S/002', totnum: 1, cancel: 0 },
    ]);
  });

  it('a number of a document never issued (a draft) is neither counted nor cancelled, in whichever series it falls', () => {
    const s = new DocumentSeries();
    for (const n of [1, 3, 4]) s.add('INV', `INV-00${n}`, false, at(n));
    s.add('C', 'inv-006', false, at(6));
    s.notIssued('INV-002');
    s.notIssued('INV-005');
    s.notIssued('INV-009'); // beyond every range: changes nothing
    s.notIssued('CN-002'); // another series
    const [invoices] = s.list();
    expect(invoices).toMatchObject({
      from: 'INV-001', to: 'INV-004', totnum: 3, cancel: 0, gaps: 0, missing: [], leftOut: [{ by: 'not-issued', count: 1, numbers: ['INV-002'] }],
    });
    expect(s.list()[1]).toMatchObject({ nature: 5, totnum: 1, leftOut: [] });
  });
});
