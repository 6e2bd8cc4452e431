/**
 * Windows-1252 as the Encoding Standard has it (what Excel's "CSV" save writes on Indian Windows
 * installs). Node 20.18.3 and later, and 22.13 to 24, decode it as Latin-1 (nodejs/node#56542),
 * leaving what Windows-1252 has at 0x80-0x9F (€, curly quotes, dashes, ™) as invisible control
 * characters: there a run of bytes holding any of them is read through their character codes,
 * found 4 bytes at a time (a regular expression over the text takes longer than the decoder).
 */

const NATIVE = new TextDecoder('windows-1252');
/** Windows-1252 at 0x80-0x9F (the 5 bytes it leaves unused read as the control characters Latin-1 has there) */
const AT_80_TO_9F = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';
const LATIN1_ONLY = NATIVE.decode(Uint8Array.of(0x80)) !== '€';
const HIGH_BITS = 0x80808080;
/** UTF-16 in the machine's byte order: what a Uint16Array's bytes are */
const UTF16 = new TextDecoder(new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 'utf-16le' : 'utf-16be', { ignoreBOM: true });

export function decodeWindows1252(b: Uint8Array): string {
  if (!LATIN1_ONLY) return NATIVE.decode(b);
  const at = bytes80To9F(b);
  if (at.length === 0) return NATIVE.decode(b);
  // the characters' codes, those bytes put right, read as UTF-16 (slicing the Latin-1 text and joining takes longer)
  const units = new Uint16Array(b.length);
  units.set(b);
  for (const i of at) units[i] = AT_80_TO_9F.charCodeAt(b[i]! - 0x80);
  return UTF16.decode(units);
}

/** Where `b` has bytes 0x80-0x9F (100xxxxx). */
function bytes80To9F(b: Uint8Array): number[] {
  const at: number[] = [];
  const n = b.length;
  let i = 0;
  const aligned = Math.min(n, (4 - (b.byteOffset & 3)) & 3);
  for (; i < aligned; i++) if ((b[i]! & 0xe0) === 0x80) at.push(i);
  const m = (n - i) >>> 2;
  if (m > 0) {
    const words = new Uint32Array(b.buffer, b.byteOffset + i, m);
    for (let w = 0; w < m; w++) {
      const x = words[w]!;
      // bit 7 set, bits 6 and 5 clear, in some byte of the word (each byte's own bits: no byte order involved)
      if ((x & ~(x << 1) & ~(x << 2) & HIGH_BITS) === 0) continue;
      for (let j = i + w * 4; j < i + w * 4 + 4; j++) if ((b[j]! & 0xe0) === 0x80) at.push(j);
    }
  }
  for (let j = i + m * 4; j < n; j++) if ((b[j]! & 0xe0) === 0x80) at.push(j);
  return at;
}
