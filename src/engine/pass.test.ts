/** The pass over a return: a synchronous core, an async driver over row sources (issue 15 item 1). */
import { describe, expect, it } from 'vitest';
import type { ParsedRow } from '../parsers/rows.js';
import { makeRow, SUPPLIER } from '../validators/test-helpers.js';
import { inOrder } from './in-order.js';
import { returnContext } from './options.js';
import { createPass, type Checker } from './pass.js';
import { runPass } from './run.js';

const ctx = returnContext({ gstin: SUPPLIER, period: '032025' });
const b2cs = (row: number, txval: number) => makeRow('b2cs', { typ: 'OE', pos: '27', rt: 18, txval }, row, 'pass.xlsx');

describe('engine: createPass', () => {
  it('shows each row to the checkers before its mapper, and finishes synchronously when they do', () => {
    const seen: string[] = [];
    const checker: Checker = {
      start: (run) => seen.push(`start:${run.documents.of('b2b') ? 'numbers' : ''}`),
      row: (row) => seen.push(`row ${row.row}`),
      finish: (result) => void seen.push(`finish:${[...result.outputs.keys()].join(',')}`),
    };
    const pass = createPass(ctx, { checkers: [checker], files: ['pass.xlsx'] });
    pass.push(b2cs(5, 10000));
    pass.push(b2cs(6, 5000));
    const result = pass.finish();
    expect(result).not.toBeInstanceOf(Promise);
    expect(seen).toEqual(['start:numbers', 'row 5', 'row 6', 'finish:b2cs']);
    expect((result as Exclude<typeof result, Promise<unknown>>).files).toEqual(['pass.xlsx']);
  });

  it('shares the document numbers its mappers keep with the checkers', () => {
    let numbers: import('../model/document-numbers.js').DocumentNumbers | undefined;
    const pass = createPass(ctx, { checkers: [{ start: (run) => void (numbers = run.documents) }] });
    pass.push(makeRow('b2b', { ctin: '29AAACR5055K1Z3', inum: 'INV-1', idt: '2025-03-05', val: 11800, pos: '29', rchrg: 'N', invTyp: 'R', rt: 18, txval: 10000 }));
    expect(numbers!.of('b2b')!.keys.find('inv-1')).toBe(0);
  });

  it('waits for a checker that finishes asynchronously, keeping the checkers\' order', async () => {
    const order: string[] = [];
    const later = (name: string): Checker => ({ finish: () => new Promise<void>((r) => setTimeout(() => (order.push(name), r()), 5)) });
    const now = (name: string): Checker => ({ finish: () => void order.push(name) });
    const pass = createPass(ctx, { checkers: [now('a'), later('b'), now('c')] });
    const done = pass.finish();
    expect(done).toBeInstanceOf(Promise);
    expect(order).toEqual(['a']);
    await done;
    expect(order).toEqual(['a', 'b', 'c']);
  });
});

describe('engine: runPass', () => {
  it('takes rows one by one or in batches from a row source, which reports into the pass', async () => {
    const source = async function* (read: import('../parsers/rows.js').ReadOptions): AsyncGenerator<ParsedRow | Iterable<ParsedRow>> {
      read.findings.push({ code: 'SOURCE_NOTE', severity: 'warning', file: 'pass.xlsx' });
      read.stats.push(b2cs(5, 0).ctx.stats);
      yield b2cs(5, 10000);
      yield (function* () {
        yield b2cs(6, 2000);
        yield b2cs(7, 3000);
      })();
    };
    const rows: number[] = [];
    const result = await runPass(source, ctx, { checkers: [{ row: (r) => void rows.push(r.row) }], files: ['pass.xlsx'] });
    expect(rows).toEqual([5, 6, 7]);
    expect(result.findings.items.map((f) => f.code)).toEqual(['SOURCE_NOTE']);
    expect(result.stats.map((s) => s.sheet)).toEqual(['b2cs']);
    const out = result.outputs.get('b2cs');
    expect(out?.kind === 'array' ? [...out.items].map((x) => (x as { txval: number }).txval) : undefined).toEqual([150]);
  });
});

describe('engine: inOrder', () => {
  it('is synchronous (undefined) while every hook is', () => {
    const calls: number[] = [];
    expect(inOrder([(n: number) => void calls.push(n), (n: number) => void calls.push(n + 1)], 1)).toBeUndefined();
    expect(calls).toEqual([1, 2]);
  });
});
