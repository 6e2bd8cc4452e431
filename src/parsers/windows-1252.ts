/**
 * Windows-1252 as the Encoding Standard has it (what Excel's "CSV" save writes on Indian Windows
 * installs). Node 20.18.3 and later, and 22.13 to 24, decode it as Latin-1 (nodejs/node#56542),
 * leaving what Windows-1252 has at 0x80-0x9F (€, curly quotes, dashes, ™) as invisible control
 * characters: there those bytes are put right after the host's decoder, found 4 at a time (a
 * regular expression over the text takes several times as long as the decoder).
 */

const NATIVE = new TextDecoder('windows-1252');
/** Windows-1252 at 0x80-0x9F (the 5 bytes it leaves unused read as the control characters Latin-1 has there) */
const AT_80_TO_9F = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';
const LATIN1_ONLY = NATIVE.decode(Uint8Array.of(0x80)) !== '€';
const HIGH_BITS = 0x80808080;

export function decodeWindows1252(b: Uint8Array): string {
  const text = NATIVE.decode(b);
  if (!LATIN1_ONLY) return text;
  const at = bytes80To9F(b);
  if (at.length === 0) return text;
  let out = '';
  let from = 0;
  for (const i of at) {
    out += text.slice(from, i) + AT_80_TO_9F[b[i]! - 0x80]!;
    from = i + 1;
  }
  return out + text.slice(from);
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
