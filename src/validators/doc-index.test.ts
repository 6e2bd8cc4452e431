import { describe, expect, it } from 'vitest';
import { DocumentIndex, NONE } from './doc-index.js';
import { makeRow } from './test-helpers.js';

describe('DocumentIndex', () => {
  it('records a row once however many rules ask, and counts distinct numbers per kind', () => {
    const ix = new DocumentIndex();
    const a = makeRow('b2b', { inum: 'INV/1' }, 5);
    expect(ix.see(a)).toBe(NONE);
    expect(ix.see(a)).toBe(NONE);
    const b = makeRow('b2cl', { inum: 'inv/1' }, 9);
    const seen = ix.see(b);
    expect(seen).not.toBe(NONE);
    expect(ix.see(b)).toBe(seen);
    expect(ix.sameOwner(seen)).toBe(false);
    expect(ix.first(seen)).toEqual({ file: 'gstr1.xlsx', sheet: 'b2b,sez,de', row: 5 });
    ix.see(makeRow('cdnr', { ntNum: 'N/1', ntty: 'C' }, 5));
    ix.see(makeRow('cdnr', { ntNum: 'n/1', ntty: 'C' }, 6));
    ix.see(makeRow('cdnur', { ntNum: 'N/1', ntty: 'D' }, 5));
    ix.see(makeRow('cdnra', { ntNum: 'N/2', ntty: 'D' }, 5));
    expect([ix.invoices, ix.creditNotes, ix.debitNotes]).toEqual([1, 1, 1]);
  });

  it('keeps sightings past 2^20 rows and past 256 sheets exactly', () => {
    const ix = new DocumentIndex();
    expect(ix.see(makeRow('b2b', { inum: 'BIG/1' }, 2 ** 21 + 3, 'big.csv'))).toBe(NONE);
    for (let f = 0; f < 300; f++) ix.see(makeRow('exp', { inum: `E/${f}` }, 7, `f${f}.csv`));
    ix.see(makeRow('cdnr', { ntNum: 'W/1', ntty: 'C' }, 11, 'f299.csv'));
    const s1 = ix.see(makeRow('b2cl', { inum: 'big/1' }, 4, 'other.csv'));
    expect(ix.first(s1)).toEqual({ file: 'big.csv', sheet: 'b2b,sez,de', row: 2 ** 21 + 3 });
    const s2 = ix.see(makeRow('b2b', { inum: 'e/299' }, 4, 'other.csv'));
    expect(ix.first(s2)).toEqual({ file: 'f299.csv', sheet: 'exp', row: 7 });
    ix.see(makeRow('cdnur', { ntNum: 'w/1', ntty: 'D' }, 12, 'other.csv'));
    ix.see(makeRow('cdnur', { ntNum: 'W/1', ntty: 'D' }, 13, 'other.csv'));
    expect([ix.invoices, ix.creditNotes, ix.debitNotes]).toEqual([301, 1, 1]);
  });
});
