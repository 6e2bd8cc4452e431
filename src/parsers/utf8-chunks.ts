/**
 * UTF-8 decoding of a stream in chunks through a whole-run decoder (Node's Buffer, several times
 * faster than TextDecoder's streaming mode), with TextDecoder's results: a character cut at a
 * chunk's end waits for the next chunk, and a byte-order mark at the very start is dropped.
 */
import { host } from './host/source.js';

/** Decodes a run of bytes whole, invalid bytes as U+FFFD as TextDecoder does. */
export type Utf8Run = (bytes: Uint8Array) => string;

export interface Utf8Chunks {
  /** the text of `chunk` and what was held back before it; `end`: nothing follows */
  decode(chunk: Uint8Array | undefined, end: boolean): string;
}

export function utf8Chunks(run: Utf8Run): Utf8Chunks {
  let held: Uint8Array | undefined;
  let started = false;
  return {
    decode(chunk, end) {
      let bytes = chunk ?? new Uint8Array(0);
      if (held) {
        const joined = new Uint8Array(held.length + bytes.length);
        joined.set(held);
        joined.set(bytes, held.length);
        bytes = joined;
        held = undefined;
      }
      let cut = bytes.length;
      if (!end) {
        cut = cutAt(bytes);
        if (cut < bytes.length) held = bytes.slice(cut);
      }
      let text = cut === 0 ? '' : run(cut === bytes.length ? bytes : bytes.subarray(0, cut));
      if (!started && text.length > 0) {
        started = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      return text;
    },
  };
}

/** A streaming decoder of `encoding`: UTF-8 through the host's whole-run decoder when it has one. */
export function streamDecoder(encoding: string): Utf8Chunks {
  const run = encoding === 'utf-8' ? host().decodeUtf8 : undefined;
  if (run) return utf8Chunks(run);
  const dec = new TextDecoder(encoding);
  return { decode: (chunk, end) => (end ? dec.decode(chunk) : dec.decode(chunk, { stream: true })) };
}

/**
 * Where to stop decoding: before the last character when its bytes run past the end. Cutting
 * before a byte that does not continue a character never changes the text (a decoder meeting it
 * ends whatever it was in, with the same U+FFFD a decode of the bytes before it ends with).
 */
function cutAt(b: Uint8Array): number {
  const n = b.length;
  for (let i = n - 1; i >= 0 && i >= n - 4; i--) {
    const c = b[i]!;
    if ((c & 0xc0) === 0x80) continue; // a continuation byte: its character starts further back
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return n - i < need ? i : n;
  }
  return n;
}
