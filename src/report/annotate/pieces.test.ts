import { describe, expect, it } from 'vitest';
import { PIECE, Pieces } from './pieces.js';

const joined = (parts: readonly Uint8Array[]) => Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.length)));

describe('annotated copy: Pieces', () => {
  it('encodes text as TextEncoder would, whatever the pieces it falls into', () => {
    // ASCII, two- and three-byte characters, a surrogate pair (four bytes), a lone surrogate (U+FFFD)
    const words = ['<row r="1">', 'RT/25-26/0001', 'Chennai — Tamil Nadu', 'ಬೆಂಗಳೂರು', '😀', '\uD800', 'x'.repeat(80), ''];
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const texts = Array.from({ length: 4000 }, () => words[Math.floor(rnd() * words.length)]!.repeat(1 + Math.floor(rnd() * 4)));
    const p = new Pieces(1024);
    const out: Uint8Array[] = [];
    for (const t of texts) {
      p.add(t);
      if (p.ready) out.push(...p.take());
    }
    out.push(...p.take(true));
    expect(joined(out).equals(Buffer.from(new TextEncoder().encode(texts.join(''))))).toBe(true);
    // no text here is too long for a piece of its own (4 × 80 units), so every piece stays within the size
    expect(out.every((piece) => piece.length <= 1024)).toBe(true);
    expect(out.length).toBeGreaterThan(100);
  });

  it('gives a text longer than a piece a piece of its own, after what came before it', () => {
    const p = new Pieces(64);
    p.add('<a>');
    p.add('é'.repeat(100));
    p.add('</a>');
    const out = p.take(true);
    expect(out.map((x) => x.length)).toEqual([3, 200, 4]);
    expect(joined(out).toString('utf8')).toBe(`<a>${'é'.repeat(100)}</a>`);
  });

  it('hands out each piece as a buffer of its own, not changed by what is added after it', () => {
    const p = new Pieces(16);
    p.add('abcdefghij');
    p.add('klmnop');
    const first = p.take();
    p.add('qrstuvwxyz');
    p.add('0123456789');
    const rest = p.take(true);
    expect(Buffer.from(first[0]!).toString()).toBe('abcdefghij');
    expect(first[0]!.buffer).not.toBe(rest[0]!.buffer);
    expect(joined([...first, ...rest]).toString()).toBe('abcdefghijklmnopqrstuvwxyz0123456789');
  });

  it('holds nothing back once taken whole, and has no piece ready until one is full', () => {
    const p = new Pieces();
    p.add('x'.repeat(1000));
    expect(p.ready).toBe(false);
    expect(p.take()).toEqual([]);
    expect(joined(p.take(true)).length).toBe(1000);
    expect(p.take(true)).toEqual([]);
    expect(PIECE).toBeGreaterThanOrEqual(64 * 1024);
  });
});
