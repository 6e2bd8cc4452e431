/**
 * The Node host's file stream (node.ts): a small first piece (the first batch of rows comes from
 * it, and the thread that maps them waits for it), then 64 KB pieces, every byte in order.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from './node.js';

const dir = mkdtempSync(join(tmpdir(), 'gstr1-stream-'));
const bytes = randomBytes(200_000);
const file = join(dir, 'sales.csv');
writeFileSync(file, bytes);

async function pieces(start: number, end: number): Promise<Buffer[]> {
  const src = await nodeHost.open(file);
  const out: Buffer[] = [];
  try {
    for await (const c of src.stream(start, end)) out.push(Buffer.from(c));
  } finally {
    await src.close();
  }
  return out;
}

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
