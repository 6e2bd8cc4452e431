/** The chunked UTF-8 decoder gives TextDecoder's streaming text, whatever the bytes and the cuts. */
import { describe, expect, it } from 'vitest';
import { utf8Chunks } from './utf8-chunks.js';
import { nodeHost } from './host/node.js';

const run = nodeHost.decodeUtf8!;

function streamed(chunks: Uint8Array[]): string {
  const dec = new TextDecoder('utf-8');
  return chunks.map((c) => dec.decode(c, { stream: true })).join('') + dec.decode();
}

function chunked(chunks: Uint8Array[]): string {
  const dec = utf8Chunks(run);
  return chunks.map((c) => dec.decode(c, false)).join('') + dec.decode(undefined, true);
}

/** a deterministic pseudo-random source, so a failure can be replayed */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// whole characters of 1–4 bytes, a byte-order mark, and bytes that are never valid where they stand
const PIECES: number[][] = [
  [0x41], [0x2c], [0x0a], [0xc3, 0xa9], [0xe2, 0x82, 0xb9], [0xf0, 0x9f, 0x98, 0x80], [0xef, 0xbb, 0xbf],
  [0x80], [0xbf], [0xc3], [0xe2, 0x82], [0xf0, 0x9f], [0xf0, 0x9f, 0x98], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xf8],
];

function sample(next: () => number): { bytes: Uint8Array; cuts: Uint8Array[] } {
  const out: number[] = [];
  const n = 1 + Math.floor(next() * 40);
  for (let i = 0; i < n; i++) out.push(...PIECES[Math.floor(next() * PIECES.length)]!);
  const bytes = Uint8Array.from(out);
  const cuts: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    const len = Math.floor(next() * 6); // empty chunks too
    cuts.push(bytes.subarray(at, at + len));
    at += len;
  }
  return { bytes, cuts };
}

describe('UTF-8 in chunks', () => {
  it('gives what TextDecoder gives in streaming mode, for 20,000 random byte runs cut at random', () => {
    const next = rng(14);
    for (let i = 0; i < 20_000; i++) {
      const { bytes, cuts } = sample(next);
      const want = streamed(cuts);
      expect(chunked(cuts), `case ${i}: ${Array.from(bytes, (b) => b.toString(16)).join(' ')}`).toBe(want);
    }
  });

  it('keeps a character cut at a chunk edge whole', () => {
    const bytes = new TextEncoder().encode('₹ 500,Śrī');
    const dec = utf8Chunks(run);
    expect(dec.decode(bytes.subarray(0, 2), false)).toBe('');
    expect(dec.decode(bytes.subarray(2, 9), false)).toBe('₹ 500,');
    expect(dec.decode(bytes.subarray(9, 12), false)).toBe('Śr');
    expect(dec.decode(bytes.subarray(12), true)).toBe('ī');
  });

  it('drops one byte-order mark at the start only, as TextDecoder does', () => {
    const bom = [0xef, 0xbb, 0xbf];
    const cuts = [Uint8Array.from(bom.slice(0, 2)), Uint8Array.from([...bom.slice(2), ...bom, 0x41])];
    expect(chunked(cuts)).toBe('\ufeffA');
    expect(chunked(cuts)).toBe(streamed(cuts));
  });

  it('ends a character left unfinished at the end with U+FFFD', () => {
    expect(chunked([Uint8Array.from([0x41, 0xe2, 0x82])])).toBe('A\ufffd');
  });
});
