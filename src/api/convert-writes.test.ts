/**
 * How writePayloadFiles writes: one block at a time on a handle (never two writes at once, which
 * could land out of order), the next block made while the last is being written, and a write that
 * fails while the next block is made still fails the command, naming its file, leaving none. The
 * file handles are real; their writes are slowed at random to let any overlap show.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SectionOutput } from '../mappers/types.js';
import { OutputError } from '../model/errors.js';
import { parsePeriod } from '../model/period.js';
import type { SectionKey } from '../model/sheets.js';
import type { ProcessResult } from '../engine/pass.js';

const io = vi.hoisted(() => ({ writing: 0, most: 0, calls: 0, failAt: -1, madeWhileWriting: 0, files: [] as string[] }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const open = async (p: string, flags?: string, mode?: number) => {
    const fh = await fs.open(p, flags, mode);
    const writeFile = fh.writeFile.bind(fh);
    return Object.assign(fh, {
      writeFile: async (data: string) => {
        const call = io.calls++;
        io.files.push(p);
        io.writing++;
        io.most = Math.max(io.most, io.writing);
        try {
          await new Promise((r) => setTimeout(r, (call * 7) % 4));
          if (call === io.failAt) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
          await writeFile(data);
        } finally {
          io.writing--;
        }
      },
    });
  };
  return { ...fs, default: { ...fs, open }, open };
});

const { writePayloadFiles } = await import('./convert.js');
const { serialisePayloads } = await import('../mappers/payload.js');

const invoice = (i: number) => ({
  inum: `INV-${i}`, idt: '05-10-2025', val: 1180.5, pos: '29', rchrg: 'N', inv_typ: 'R',
  itms: [{ num: 1, itm_det: { rt: 18, txval: 1000.42, iamt: 180.08, csamt: 0 } }],
});
/** about 1.4 MB of JSON: some twenty 64 KB blocks; each group made as the writer asks for it */
const GROUPS = 2000;
const group = (k: number) => {
  if (io.writing > 0) io.madeWhileWriting++;
  return { ctin: `29AAACR5055K1Z${k % 10}`, inv: Array.from({ length: 6 }, (_, j) => invoice(6 * k + j)) };
};
const outputs = new Map<SectionKey, SectionOutput>([
  ['b2b', { kind: 'array', splitKey: 'inv', items: { *[Symbol.iterator]() { for (let k = 0; k < GROUPS; k++) yield group(k); } } }],
]);
const result = { ctx: { gstin: '27AAACR5055K1Z7', period: parsePeriod('102025') }, outputs } as unknown as ProcessResult;
const env = { gstin: '27AAACR5055K1Z7', fp: '102025' };

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  Object.assign(io, { writing: 0, most: 0, calls: 0, failAt: -1, madeWhileWriting: 0, files: [] });
});

describe('writePayloadFiles: one write in flight', () => {
  it('writes every block in order, one at a time, making the next while the last is written', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gstr1-writes-'));
    const expected = [...serialisePayloads(outputs, env, 600_000)];
    io.madeWhileWriting = 0;
    const written = await writePayloadFiles(result, join(dir, 'ret.json'), 600_000);
    expect(written.length).toBe(expected.length);
    expected.forEach((text, i) => expect(readFileSync(written[i]!, 'utf8')).toBe(text));
    expect(io.calls).toBeGreaterThan(15);
    expect(io.most).toBe(1);
    expect(io.madeWhileWriting).toBeGreaterThan(GROUPS / 4);
  });

  it('a write failing while the next block is made fails the command, naming its file, and leaves nothing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gstr1-writes-'));
    const out = join(dir, 'ret.json');
    await writePayloadFiles(result, out, 600_000);
    // the second write to the second file: the first was made while the block before it was written
    const second = io.files.findIndex((f) => f.includes('ret-2.json'));
    expect(second).toBeGreaterThan(0);
    rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(join(tmpdir(), 'gstr1-writes-'));
    Object.assign(io, { calls: 0, files: [], failAt: second + 1 });
    const failure = await writePayloadFiles(result, join(dir, 'ret.json'), 600_000).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OutputError);
    expect((failure as OutputError).code).toBe('FILE_WRITE');
    expect((failure as OutputError).params.file).toBe(join(dir, 'ret-2.json'));
    expect(readdirSync(dir)).toEqual([]);
  });
});
