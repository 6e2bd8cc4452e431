/** The chunked UTF-8 decoder gives TextDecoder's streaming text, whatever the bytes and the cuts. */
import { describe, expect, it } from 'vitest';
import { csvUtf8Chunks, utf8Chunks } from './utf8-chunks.js';
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

describe('a CSV in UTF-8 that may turn out to be Windows-1252', () => {
  const cp1252 = (b: Uint8Array) => new TextDecoder('windows-1252').decode(b);
  const utf8 = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);
  const ascii = (next: () => number, n: number) => Array.from({ length: n }, () => 0x20 + Math.floor(next() * 0x5f));

  function read(cuts: Uint8Array[], marked = false, r: typeof run = run): { text: string; damaged: boolean } {
    const dec = csvUtf8Chunks(marked, r);
    const text = cuts.map((c) => dec.decode(c, false)).join('') + dec.decode(undefined, true);
    return { text, damaged: dec.damaged };
  }

  function cutUp(bytes: Uint8Array, next: () => number): Uint8Array[] {
    const cuts: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; ) {
      const len = Math.floor(next() * 8);
      cuts.push(bytes.subarray(at, at + len));
      at += len;
    }
    return cuts;
  }

  it('after plain ASCII, the first byte that is not UTF-8 turns the rest to Windows-1252, nothing read before changed (3,000 random cases)', () => {
    const next = rng(1252);
    for (let i = 0; i < 3000; i++) {
      // ASCII, then a byte of 0x80-0xFF that starts no UTF-8 character here, then any bytes at all
      const lead = next() < 0.5 ? 0x80 + Math.floor(next() * 0x42) : 0xc2 + Math.floor(next() * 0x3e);
      const tail = Array.from({ length: Math.floor(next() * 30) }, () => (next() < 0.5 ? 0x20 + Math.floor(next() * 0x5f) : 0x80 + Math.floor(next() * 0x80)));
      const bytes = Uint8Array.from([...ascii(next, Math.floor(next() * 20)), lead, ...(lead >= 0xc2 ? [0x20] : []), ...tail]);
      const got = read(cutUp(bytes, next));
      expect(got, `case ${i}: ${Array.from(bytes, (b) => b.toString(16)).join(' ')}`).toEqual({ text: cp1252(bytes), damaged: false });
    }
  });

  it('reads "Café crème" in Windows-1252 after ASCII, and a last byte cut off from nothing', () => {
    const bytes = Uint8Array.from([...Buffer.from('08061000,Caf'), 0xe9, ...Buffer.from(' cr'), 0xe8, ...Buffer.from('me\n')]);
    expect(read([bytes.subarray(0, 13), bytes.subarray(13)])).toEqual({ text: '08061000,Café crème\n', damaged: false });
    expect(read([Uint8Array.from([0x41, 0xe9])])).toEqual({ text: 'Aé', damaged: false });
  });

  it('reads UTF-8 as UTF-8, a written U+FFFD included, whatever the cuts (3,000 random cases)', () => {
    const next = rng(8);
    const whole = PIECES.slice(0, 7).concat([[0xef, 0xbf, 0xbd]]);
    for (let i = 0; i < 3000; i++) {
      const out: number[] = [];
      for (let n = 1 + Math.floor(next() * 30); n > 0; n--) out.push(...whole[Math.floor(next() * whole.length)]!);
      const bytes = Uint8Array.from(out);
      expect(read(cutUp(bytes, next)), `case ${i}`).toEqual({ text: utf8(bytes), damaged: false });
    }
  });

  it('after real UTF-8 text, a byte that is not UTF-8 is damage: kept as U+FFFD and said', () => {
    const bytes = Uint8Array.from([...Buffer.from('₹ 500,Caf'), 0xe9, 0x0a]);
    expect(read([bytes])).toEqual({ text: '₹ 500,Caf\ufffd\n', damaged: true });
    // a written U+FFFD first is real text too
    expect(read([Uint8Array.from([0x41, 0xef, 0xbf, 0xbd, 0x42, 0xe9])])).toEqual({ text: 'A\ufffdB\ufffd', damaged: true });
    // a file cut in the middle of a character
    expect(read([Uint8Array.from([0xc3, 0xa9, 0x41, 0xe2, 0x82])])).toEqual({ text: 'éA\ufffd', damaged: true });
  });

  it('in a file whose byte-order mark says UTF-8, a byte that is not UTF-8 is damage even after ASCII', () => {
    expect(read([Uint8Array.from([0x41, 0x2c, 0xe9, 0x0a])], true)).toEqual({ text: 'A,\ufffd\n', damaged: true });
    expect(read([Uint8Array.from([0x41, 0x2c, 0x0a])], true)).toEqual({ text: 'A,\n', damaged: false });
  });

  it('reads the same with TextDecoder as the whole-run decoder (the browser has no Buffer)', () => {
    const dec = new TextDecoder('utf-8');
    const bytes = Uint8Array.from([...Buffer.from('HSN,Desc\n'), 0xe9, 0x2c, 0xc3, 0xa9]);
    const cuts = [bytes.subarray(0, 10), bytes.subarray(10)];
    expect(read(cuts, false, (b) => dec.decode(b))).toEqual(read(cuts));
    expect(read(cuts)).toEqual({ text: 'HSN,Desc\né,Ã©', damaged: false });
  });
});
