/** Windows-1252 read as the Encoding Standard has it, whatever the host's TextDecoder does. */
import { describe, expect, it } from 'vitest';
import { decodeWindows1252 } from './windows-1252.js';

// the Encoding Standard's index for 0x80-0x9F; Latin-1 elsewhere
const AT_80_TO_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const expected = (b: Uint8Array) => String.fromCharCode(...Array.from(b, (x) => (x >= 0x80 && x < 0xa0 ? AT_80_TO_9F[x - 0x80]! : x)));

describe('Windows-1252', () => {
  it('reads every byte as the Encoding Standard has it (€, curly quotes, dashes and ™ included)', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(decodeWindows1252(all)).toBe(expected(all));
    expect(decodeWindows1252(Uint8Array.of(0x93, 0x80, 0x35, 0x94, 0x20, 0x96, 0x20, 0x99))).toBe('“€5” – ™');
  });

  it('whatever the bytes and their place in memory (2,000 random runs)', () => {
    let s = 7;
    const next = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (let i = 0; i < 2000; i++) {
      const shift = Math.floor(next() * 4);
      const n = Math.floor(next() * 70);
      const b = new Uint8Array(n + shift).subarray(shift);
      for (let k = 0; k < n; k++) b[k] = next() < 0.7 ? 0x20 + Math.floor(next() * 0x5f) : 0x80 + Math.floor(next() * 0x80);
      expect(decodeWindows1252(b), Array.from(b, (x) => x.toString(16)).join(' ')).toBe(expected(b));
    }
  });
});
