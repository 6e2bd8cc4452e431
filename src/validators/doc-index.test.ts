import { describe, expect, it } from 'vitest';
import { returnContext } from '../engine/options.js';
import { processReturn } from '../api/process.js';
import { DocumentNumbers } from '../model/document-numbers.js';
import { DocumentIndex, NONE } from './doc-index.js';
import { defaultCheckers } from './index.js';
import duplicates from './rules/duplicate-document.js';
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

describe('document numbers shared with the mappers', () => {
  const row = (sheet: 'b2b' | 'b2cl', inum: string, n: number) =>
    makeRow(sheet, { ctin: '29AABCU9603R1ZM', inum, idt: '2025-03-05', val: 11_800_00, pos: '29', rt: 18, txval: 10_000_00, invTyp: 'R' }, n);

  it('one run keeps each number once: lines grouped per section, a repeat in another section flagged', async () => {
    const ctx = returnContext({ gstin: '27AAACR5055K1Z7', period: '032025' });
    const rows = [row('b2b', 'INV/1', 5), row('b2b', 'inv/1', 6), row('b2b', 'INV/2', 7), row('b2cl', 'Inv/1', 5)];
    const result = await processReturn([], ctx, { checkers: defaultCheckers(ctx, {}, [duplicates]), rows: async function* () { yield* rows; } });
    expect(result.findings.items.map((f) => [f.code, f.sheet, f.row])).toEqual([['RET191190', 'b2cl', 5]]);
    const numbers = (key: 'b2b' | 'b2cl') => {
      const out = result.outputs.get(key) as { items: Iterable<Record<string, unknown>> };
      return [...out.items].flatMap((e) => ((e.inv as { inum: string }[] | undefined) ?? [e as { inum: string }]).map((d) => d.inum));
    };
    // the two b2b lines of INV/1 are one invoice (first spelling); b2cl keeps its own document
    expect(numbers('b2b')).toEqual(['INV/1', 'INV/2']);
    expect(numbers('b2cl')).toEqual(['INV/1']);
  });

  it('are recorded by one index only: a second checker in the same run keeps its own', () => {
    const shared = new DocumentNumbers();
    const a = new DocumentIndex();
    const b = new DocumentIndex();
    a.share(shared);
    b.share(shared);
    const r = row('b2b', 'INV/9', 5);
    expect(a.see(r)).toBe(NONE);
    expect(b.see(r)).toBe(NONE); // b did not see it through a's table
    expect(shared.owner).toBe(a);
  });
});
