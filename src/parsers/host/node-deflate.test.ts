/**
 * The Node host's streaming deflate (node.ts): pieces deflated on zlib's thread pool, each able to
 * refer to the 32 KB before it, make one deflate stream that any inflater reads.
 */
import { randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nodeHost } from './node.js';

async function deflated(pieces: readonly Uint8Array[]): Promise<Buffer> {
  const out: Uint8Array[] = [];
  for await (const c of nodeHost.deflateRawStream((async function* () { yield* pieces; })())) out.push(c);
  return Buffer.concat(out);
}

describe('node host: deflateRawStream', () => {
  it('makes one stream of many pieces, small, empty, random and over the window', async () => {
    const pieces = [
      Buffer.from('<row r="1"><c r="A1" t="inlineStr"><is><t>RT/25-26/000001</t></is></c></row>'.repeat(900)),
      Buffer.alloc(0),
      Buffer.from('x'),
      randomBytes(50_000),
      Buffer.from('tail'),
    ];
    expect(inflateRawSync(await deflated(pieces)).equals(Buffer.concat(pieces))).toBe(true);
  });

  it('lets a piece refer to the one before it (its dictionary): a repeat costs next to nothing', async () => {
    const a = randomBytes(20_000);
    const z = await deflated([a, Buffer.from(a)]);
    expect(inflateRawSync(z).equals(Buffer.concat([a, a]))).toBe(true);
    // 20,000 random bytes do not compress; their repeat is a few back-references
    expect(z.length).toBeLessThan(20_500);
  });

  it('hands the pieces on in order while several deflate at once', async () => {
    // pieces of different sizes and kinds, each unlike the others, so any out-of-order piece shows
    const pieces = Array.from({ length: 25 }, (_, i) =>
      i % 3 === 0 ? randomBytes(5_000 + i * 997) : Buffer.from(`<row r="${i}">${`<c><v>${i}</v></c>`.repeat(2_000 + i * 300)}</row>`),
    );
    expect(inflateRawSync(await deflated(pieces)).equals(Buffer.concat(pieces))).toBe(true);
  });

  it('takes the next pieces from its producer before the first is deflated and handed on', async () => {
    let pulled = 0;
    const input = (async function* () {
      for (let i = 0; i < 6; i++) {
        pulled++;
        yield randomBytes(100_000);
      }
    })();
    const it = nodeHost.deflateRawStream(input)[Symbol.asyncIterator]();
    await it.next();
    // the producer made its next pieces while the first was deflating on the thread pool
    expect(pulled).toBeGreaterThanOrEqual(3);
    while (!(await it.next()).done);
    expect(pulled).toBe(6);
  });

  it('lets the producer reuse its buffer for the next piece while earlier ones deflate', async () => {
    const buf = Buffer.alloc(70_000);
    const seen: Buffer[] = [];
    const input = (async function* () {
      for (let i = 0; i < 9; i++) {
        // new text in the same buffer each time, half of it like the piece before
        buf.fill(`piece ${i} `, 0, 35_000);
        randomBytes(35_000).copy(buf, 35_000);
        seen.push(Buffer.from(buf));
        yield buf;
      }
    })();
    const out: Uint8Array[] = [];
    for await (const c of nodeHost.deflateRawStream(input)) out.push(c);
    expect(inflateRawSync(Buffer.concat(out)).equals(Buffer.concat(seen))).toBe(true);
  });

  it('ends an empty stream properly', async () => {
    expect(inflateRawSync(await deflated([])).length).toBe(0);
  });
});
