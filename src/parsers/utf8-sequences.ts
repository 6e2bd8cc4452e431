/**
 * UTF-8 as bytes (the well-formed sequences of Unicode's table 3-7), for two questions the CSV
 * reader asks of the text it decodes: where UTF-8 text stops being UTF-8 (a byte of another
 * encoding in it), and where text read as Windows-1252 holds UTF-8 instead.
 */

/** The length of the well-formed sequence of 2 to 4 bytes at `i`, all of it in `b`; 0 if there is none (ASCII included). */
export function multiByteAt(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0xc2 || c > 0xf4) return 0;
  const n = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
  if (i + n > b.length) return 0;
  // the second byte's range is narrower after E0 and F0 (no overlong forms), ED (no surrogates) and F4 (nothing past U+10FFFF)
  const second = b[i + 1]!;
  if (second < (c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80) || second > (c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf)) return 0;
  for (let k = 2; k < n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return 0;
  return n;
}

/** Where `b` stops being UTF-8: the first byte that starts no well-formed character; -1 when all of it is UTF-8. */
export function firstNotUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    if (b[i]! < 0x80) i++;
    else {
      const n = multiByteAt(b, i);
      if (n === 0) return i;
      i += n;
    }
  }
  return -1;
}

/**
 * The length of the bytes at `i` that only UTF-8 writes, read as Windows-1252; 0 if they are not
 * such. In Windows-1252 a well-formed UTF-8 sequence is a letter with an accent followed by one to
 * three of the signs 0x80-0xBF stands for (curly quotes, dashes, ™, ©, °, ½ ...). Counted:
 * - a sequence of 3 or 4 bytes: a small accented letter and two or three such signs ("â‚¹" is
 *   "₹"), a spelling no text has, while all Indian text beyond Latin-1 is written so in UTF-8
 *   (₹, the Indian scripts, curly quotes and dashes);
 * - one of 2 bytes led by C2-C5 (U+0080-U+017F: é, °, ½, ā, Ś ...): in Windows-1252 "Â", "Ã", "Ä"
 *   or "Å" followed by a sign ("Ã©" is "é"), which no word is spelt with;
 * - two of 2 bytes back to back (a word in Greek, Cyrillic, Arabic ...).
 * Not counted: a lone 2-byte sequence led by C6-DF, which Windows-1252 text does hold: a capital
 * accented letter before a curly quote or a dash ("CAFÉ’S" is C9 92, well-formed UTF-8).
 */
export function utf8LookAt(b: Uint8Array, i: number): number {
  const n = multiByteAt(b, i);
  if (n === 0) return 0;
  if (n > 2 || b[i]! <= 0xc5) return n;
  return multiByteAt(b, i + 2) === 2 ? 4 : 0;
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
const HIGH_BITS = 0x80808080;
const NO_WORDS = new Uint32Array(0);

/**
 * Where the first bytes that only UTF-8 writes (utf8LookAt) start in `b`, or -1. Bytes are read 4
 * at a time: Windows-1252 text is mostly ASCII (no high bit set), and every UTF-8 sequence starts
 * with a byte 11xxxxxx followed by one 10xxxxxx, which a word shows without a look at each byte.
 */
export function firstUtf8Look(b: Uint8Array): number {
  const to = b.length;
  let i = 0;
  const aligned = Math.min(to, (4 - (b.byteOffset & 3)) & 3);
  for (; i < aligned; i++) if (b[i]! >= 0xc2 && utf8LookAt(b, i)) return i;
  const m = (to - i) >>> 2;
  const words = m > 0 ? new Uint32Array(b.buffer, b.byteOffset + i, m) : NO_WORDS;
  for (let w = 0; w < m; w++) {
    // 16 bytes of ASCII at a time
    if (w + 4 <= m && ((words[w]! | words[w + 1]! | words[w + 2]! | words[w + 3]!) & HIGH_BITS) === 0) {
      w += 3;
      continue;
    }
    const first = i + w * 4;
    if (!mayStartSequence(words[w]!, b[first + 4] ?? 0)) continue;
    for (let j = first; j < first + 4; j++) if (b[j]! >= 0xc2 && utf8LookAt(b, j)) return j;
  }
  for (let j = i + m * 4; j < to; j++) if (b[j]! >= 0xc2 && utf8LookAt(b, j)) return j;
  return -1;
}

/** A byte 11xxxxxx followed by a byte 10xxxxxx in the 4 bytes of `x` (little-endian: the next byte is 8 bits up), the last followed by `next`. */
function mayStartSequence(x: number, next: number): boolean {
  if ((x & HIGH_BITS) === 0) return false;
  if (!LITTLE_ENDIAN) return true;
  const lead = x & (x << 1) & HIGH_BITS;
  const continuation = x & ~(x << 1) & HIGH_BITS;
  return (lead & ((continuation >>> 8) | ((next & 0xc0) === 0x80 ? 0x80000000 : 0))) !== 0;
}
