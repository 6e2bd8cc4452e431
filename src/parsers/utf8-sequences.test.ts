/** UTF-8's well-formed sequences, where text stops being UTF-8, and UTF-8 found in Windows-1252 text. */
import { describe, expect, it } from 'vitest';
import { firstNotUtf8, firstUtf8Look, multiByteAt, utf8LookAt } from './utf8-sequences.js';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16)).join(' ');
const STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('well-formed UTF-8', () => {
  it.each([
    [[0xc2, 0x80], 2],
    [[0xc1, 0xbf], 0], // overlong
    [[0xe0, 0xa0, 0x80], 3],
    [[0xe0, 0x9f, 0xbf], 0], // overlong
    [[0xed, 0x9f, 0xbf], 3],
    [[0xed, 0xa0, 0x80], 0], // a surrogate
    [[0xf0, 0x90, 0x80, 0x80], 4],
    [[0xf0, 0x8f, 0xbf, 0xbf], 0], // overlong
    [[0xf4, 0x8f, 0xbf, 0xbf], 4],
    [[0xf4, 0x90, 0x80, 0x80], 0], // past U+10FFFF
    [[0xf5, 0x80, 0x80, 0x80], 0],
    [[0xe2, 0x82], 0], // cut short
    [[0x41], 0],
  ])('%j is a sequence of %i bytes', (bytes, n) => {
    expect(multiByteAt(Uint8Array.from(bytes), 0)).toBe(n);
  });

  it('stops being UTF-8 where TextDecoder says it does (20,000 random byte runs)', () => {
    const next = rng(3);
    const interesting = [0x41, 0x0a, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xc3, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
    for (let i = 0; i < 20_000; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(next() * 12) }, () => interesting[Math.floor(next() * interesting.length)]!);
      const at = firstNotUtf8(bytes);
      const label = hex(bytes);
      let whole = true;
      try {
        STRICT.decode(bytes);
      } catch {
        whole = false;
      }
      expect(at < 0, label).toBe(whole);
      if (at >= 0) {
        // all before it is UTF-8, and a decoder puts its first U+FFFD there
        expect(() => STRICT.decode(bytes.subarray(0, at)), label).not.toThrow();
        expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(at)).startsWith('\ufffd'), label).toBe(true);
      }
    }
  });
});

describe('UTF-8 in Windows-1252 text', () => {
  it('counts sequences of 3 or 4 bytes, 2-byte ones led by C2-C5, and two 2-byte ones back to back', () => {
    const look = (bytes: number[]) => utf8LookAt(Uint8Array.from(bytes), 0);
    expect(look([0xe2, 0x82, 0xb9])).toBe(3); // ₹ ("â‚¹")
    expect(look([0xf0, 0x9f, 0x98, 0x80])).toBe(4);
    expect(look([0xc3, 0xa9])).toBe(2); // é ("Ã©")
    expect(look([0xc5, 0x9a])).toBe(2); // Ś
    expect(look([0xd0, 0x98, 0xd0, 0xb2])).toBe(4); // Ив
    expect(look([0xc9, 0x92, 0x53])).toBe(0); // "É’S" in Windows-1252
    expect(look([0xc9, 0x92, 0xe9])).toBe(0);
    expect(look([0xe9, 0x92, 0x53])).toBe(0); // "é’S": a 3-byte lead with one continuation
  });

  it('finds the first of them as a look at every byte does, at any place in memory (5,000 random runs)', () => {
    const next = rng(4);
    const high = [0x80, 0x92, 0xa9, 0xb9, 0xbf, 0xc3, 0xc9, 0xd0, 0xe2, 0xe9, 0xf0, 0x82, 0x98];
    for (let i = 0; i < 5000; i++) {
      const n = Math.floor(next() * 120);
      const rate = next() * 0.3;
      const shift = Math.floor(next() * 4);
      const bytes = new Uint8Array(n + shift).subarray(shift);
      for (let k = 0; k < n; k++) bytes[k] = next() < rate ? high[Math.floor(next() * high.length)]! : 0x20 + Math.floor(next() * 0x5f);
      let want = -1;
      for (let k = 0; k < n && want < 0; k++) if (utf8LookAt(bytes, k) > 0) want = k;
      expect(firstUtf8Look(bytes), `${shift}: ${hex(bytes)}`).toBe(want);
    }
  });
});
