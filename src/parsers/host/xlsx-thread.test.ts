/**
 * Reading on the second core changes nothing: the worker's sheets, batches and rows are readXlsx's,
 * a whole pass gives the same findings and the same JSON, and a damaged workbook the same error.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateReturn } from '../../../bench/gen-return.mjs';
import { processReturn } from '../../api/process.js';
import { serialisePayloads } from '../../mappers/payload.js';
import { readXlsx } from '../xlsx.js';
import { readsInWorker, readXlsxInWorker } from './xlsx-thread.js';
import { readZip } from '../zip.js';
import { returnContext } from '../../engine/options.js';
import { defaultCheckers } from '../../validators/index.js';
import type { RawSheet } from '../raw.js';

let dir: string;
let book: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gstr1-thread-'));
  // defects in 3 % of the rows, so the findings are many and varied
  const m = await generateReturn({ lines: 3000, out: join(dir, 'ret'), formats: 'xlsx', errors: 0.03 });
  book = m.files.xlsx!;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.GSTR1_READER_THREAD;
});

async function everything(sheets: AsyncIterable<RawSheet>) {
  const out: unknown[] = [];
  for await (const s of sheets) {
    const batches: unknown[] = [];
    for await (const b of s.batches!) batches.push(b);
    out.push({ name: s.name, hidden: s.hidden, batches });
  }
  return out;
}

async function failure(sheets: AsyncIterable<RawSheet>) {
  let rows = 0;
  try {
    for await (const s of sheets) for await (const r of s.rows) rows += r.row > 0 ? 1 : 0;
    return { rows, error: 'none' };
  } catch (e) {
    const { name, code, params } = e as { name: string; code?: string; params?: unknown };
    return { rows, error: `${name} ${code}: ${JSON.stringify(params)}` };
  }
}

describe('reading a workbook in a worker thread', () => {
  it('yields the sheets, batches and rows readXlsx yields (dates, numbers, texts, blanks)', async () => {
    const direct = await everything(readXlsx(book));
    expect(direct.length).toBeGreaterThan(5);
    expect(await everything(readXlsxInWorker(book))).toEqual(direct);
  });

  it('a whole pass: the same findings and the same JSON with and without the thread', async () => {
    const ctx = returnContext({ gstin: '27AAACR5055K1Z7', period: '102025' });
    const run = async (thread: '0' | '1') => {
      process.env.GSTR1_READER_THREAD = thread;
      const r = await processReturn([book], ctx, { checkers: defaultCheckers(ctx, {}) });
      return { findings: r.findings.items, stats: r.stats, json: [...serialisePayloads(r.outputs, { gstin: ctx.gstin, fp: '102025' })] };
    };
    const inThread = await run('0');
    expect(inThread.findings.length).toBeGreaterThan(20);
    expect(await run('1')).toEqual(inThread);
  });

  it('a damaged workbook: the same error, after the same rows', async () => {
    const bytes = readFileSync(book);
    const truncated = join(dir, 'truncated.xlsx');
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 40));
    // a few bytes of the b2b sheet's deflate stream changed: its rows stop part-way
    const sheet = (await readZip(book)).entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const broken = Buffer.from(bytes);
    const mid = sheet.localOffset + 60 + (sheet.compressedSize >> 1);
    for (let i = 0; i < 8; i++) broken[mid + i] = broken[mid + i]! ^ 0x5a;
    const damaged = join(dir, 'damaged.xlsx');
    writeFileSync(damaged, broken);
    for (const f of [truncated, damaged]) {
      const direct = await failure(readXlsx(f));
      expect(direct.error).toMatch(/^InputError FILE_/);
      expect(await failure(readXlsxInWorker(f))).toEqual(direct);
    }
  });

  it('a sheet left part-way is passed over: the next sheet still comes whole', async () => {
    const read = async (sheets: AsyncIterable<RawSheet>) => {
      const firstRows: number[] = [];
      const names: string[] = [];
      for await (const s of sheets) {
        names.push(s.name);
        for await (const r of s.rows) {
          firstRows.push(r.row);
          break;
        }
      }
      return { names, firstRows };
    };
    const direct = await read(readXlsx(book));
    expect(await read(readXlsxInWorker(book))).toEqual(direct);
  });

  it('only with two cores or more, and not when GSTR1_READER_THREAD=0', () => {
    expect(readsInWorker(1)).toBe(false);
    expect(readsInWorker(2)).toBe(true);
    process.env.GSTR1_READER_THREAD = '0';
    expect(readsInWorker(8)).toBe(false);
  });
});
