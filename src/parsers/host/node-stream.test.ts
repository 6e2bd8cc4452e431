/**
 * The Node host's file stream (node.ts): a small first piece (the first batch of rows comes from
 * it, and the thread that maps them waits for it), then 64 KB pieces, every byte in order; on a
 * worker thread read synchronously (piecesRead), in the same pieces.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { piecesRead } from './node.js';
import { startWorker } from './threads.js';
import { streamPieces } from '../../../test/helpers/stream-pieces.js';

const dir = mkdtempSync(join(tmpdir(), 'gstr1-stream-'));
const bytes = randomBytes(200_000);
const file = join(dir, 'sales.csv');
writeFileSync(file, bytes);

const pieces = (start: number, end: number) => streamPieces(file, start, end);

describe('node host: a file streamed', () => {
  it('comes as an 8 KB piece, then pieces of 64 KB, every byte once and in order', async () => {
    const got = await pieces(0, bytes.length);
    expect(got.map((p) => p.length)).toEqual([8192, 65536, 65536, 60736]);
    expect(Buffer.concat(got).equals(bytes)).toBe(true);
  });

  it('from the middle of the file, shorter than a first piece, and empty', async () => {
    expect(Buffer.concat(await pieces(1000, 150_000)).equals(bytes.subarray(1000, 150_000))).toBe(true);
    expect((await pieces(5, 105)).map((p) => p.length)).toEqual([100]);
    expect(await pieces(7, 7)).toEqual([]);
  });
});

/** the pieces as a worker thread gets them (test/fixtures/threads/stream-worker.ts) */
function piecesInWorker(start: number, end: number): Promise<Buffer[]> {
  const w = startWorker('stream-worker', new URL('../../../test/fixtures/threads/here.ts', import.meta.url).href, { file, start, end });
  return new Promise((resolve, reject) => {
    w.once('message', (m: Uint8Array[]) => resolve(m.map((p) => Buffer.from(p))));
    w.once('error', reject);
  });
}

describe('node host: a file read synchronously (piecesRead), as on a reading thread', () => {
  const read = (start: number, end: number, first: number): Buffer[] => {
    const fd = openSync(file, 'r');
    try {
      return [...piecesRead(fd, start, end, first)].map((p) => Buffer.from(p));
    } finally {
      closeSync(fd);
    }
  };

  it('the first piece, then 64 KB pieces, every byte once and in order', () => {
    const got = read(0, bytes.length, 8192);
    expect(got.map((p) => p.length)).toEqual([8192, 65536, 65536, 60736]);
    expect(Buffer.concat(got).equals(bytes)).toBe(true);
    expect(Buffer.concat(read(1000, 150_000, 8192)).equals(bytes.subarray(1000, 150_000))).toBe(true);
    expect(read(5, 105, 100).map((p) => p.length)).toEqual([100]);
    expect(read(7, 7, 0)).toEqual([]);
    // no first piece asked for: 64 KB pieces from the start
    expect(read(0, bytes.length, 0).map((p) => p.length)).toEqual([65536, 65536, 65536, 3392]);
  });

  it('stops where the file ends, when asked for more than it has', () => {
    const got = read(190_000, 300_000, 8192);
    expect(got.map((p) => p.length)).toEqual([8192, 1808]);
    expect(Buffer.concat(got).equals(bytes.subarray(190_000))).toBe(true);
  });

  it('a worker thread streams the same pieces as the main thread', async () => {
    for (const [start, end] of [[0, bytes.length], [1000, 150_000], [5, 105]] as const) {
      const here = await pieces(start, end);
      const there = await piecesInWorker(start, end);
      expect(there.map((p) => p.length)).toEqual(here.map((p) => p.length));
      expect(Buffer.concat(there).equals(Buffer.concat(here))).toBe(true);
    }
  });
});
