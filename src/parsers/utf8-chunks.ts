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

const NO_BYTES = new Uint8Array(0);

/** A stream's bytes in whole characters, and their text. */
class WholeCharacters {
  private held: Uint8Array | undefined;
  private started = false;
  /** the text began with a byte-order mark, dropped */
  markDropped = false;

  constructor(private readonly run: Utf8Run) {}

  /** `chunk` after the bytes held back; `cut`: where its whole characters end (all of it at the `end`), the rest held back */
  take(chunk: Uint8Array | undefined, end: boolean): { bytes: Uint8Array; cut: number } {
    let bytes = chunk ?? NO_BYTES;
    const held = this.held;
    if (held) {
      const joined = new Uint8Array(held.length + bytes.length);
      joined.set(held);
      joined.set(bytes, held.length);
      bytes = joined;
      this.held = undefined;
    }
    let cut = bytes.length;
    if (!end) {
      cut = cutAt(bytes);
      if (cut < bytes.length) this.held = bytes.slice(cut);
    }
    return { bytes, cut };
  }

  /** the text of the first `cut` bytes, without a byte-order mark at the very start */
  text(bytes: Uint8Array, cut: number): string {
    let text = cut === 0 ? '' : this.run(cut === bytes.length ? bytes : bytes.subarray(0, cut));
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) {
        text = text.slice(1);
        this.markDropped = true;
      }
    }
    return text;
  }

  /** forgets the bytes held back (the caller has read them otherwise) */
  drop(): void {
    this.held = undefined;
  }
}

export function utf8Chunks(run: Utf8Run): Utf8Chunks {
  const whole = new WholeCharacters(run);
  return {
    decode(chunk, end) {
      const { bytes, cut } = whole.take(chunk, end);
      return whole.text(bytes, cut);
    },
  };
}

/** The host's whole-run UTF-8 decoder, or TextDecoder's (invalid bytes as U+FFFD). */
function utf8Run(): Utf8Run {
  const run = host().decodeUtf8;
  if (run) return run;
  const dec = new TextDecoder('utf-8');
  return (bytes) => dec.decode(bytes);
}

/** A streaming decoder of `encoding`: UTF-8 through the host's whole-run decoder when it has one. */
export function streamDecoder(encoding: string): Utf8Chunks {
  const run = encoding === 'utf-8' ? host().decodeUtf8 : undefined;
  if (run) return utf8Chunks(run);
  const dec = new TextDecoder(encoding);
  return { decode: (chunk, end) => (end ? dec.decode(chunk) : dec.decode(chunk, { stream: true })) };
}

export interface CsvUtf8Chunks extends Utf8Chunks {
  /** a byte that is not UTF-8 was met after UTF-8 text (or in a file marked UTF-8): its text holds U+FFFD there */
  readonly damaged: boolean;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A CSV's text, taken as UTF-8 after a sniff of its start (csv.ts), that may turn out to be
 * Windows-1252 further on (Excel's "CSV" on Indian Windows installs, plain ASCII for 64 KB).
 * While every byte read was ASCII, UTF-8 and Windows-1252 give the same text, so at the first byte
 * that is not UTF-8 the rest is read as Windows-1252 with nothing read so far changed. After real
 * UTF-8 text, or in a file whose byte-order mark says UTF-8, such a byte is damage: it stays U+FFFD
 * and `damaged` says so, for the reader to refuse the file rather than guess.
 */
export function csvUtf8Chunks(markedUtf8: boolean, run: Utf8Run = utf8Run()): CsvUtf8Chunks {
  const whole = new WholeCharacters(run);
  // every byte so far ASCII: a run's text is as long as its bytes, and holds no U+FFFD
  let ascii = !markedUtf8;
  let cp1252: InstanceType<typeof TextDecoder> | undefined;
  let damaged = false;
  return {
    get damaged() {
      return damaged;
    },
    decode(chunk, end) {
      // one byte is one character: none is cut at a chunk's end
      if (cp1252) return chunk ? cp1252.decode(chunk) : '';
      const { bytes, cut } = whole.take(chunk, end);
      const text = whole.text(bytes, cut);
      // a byte-order mark says UTF-8 (and its 3 bytes make the text's places no longer the bytes')
      if (whole.markDropped) ascii = false;
      // U+FFFD is a character outside Latin-1: an ASCII or Latin-1 text says "not there" without a scan
      const bad = text.indexOf('\ufffd');
      if (ascii) {
        if (bad < 0) {
          if (text.length !== cut) ascii = false;
          return text;
        }
        // the bytes before the first character outside ASCII are ASCII, one byte to a character
        const first = firstNonAscii(text);
        if (first === bad && !replacementCharacterAt(bytes, first)) {
          cp1252 = new TextDecoder('windows-1252');
          whole.drop();
          return cp1252.decode(bytes);
        }
        ascii = false;
      }
      if (bad >= 0 && !damaged && !isUtf8(bytes.subarray(0, cut))) damaged = true;
      return text;
    },
  };
}

function firstNonAscii(text: string): number {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return i;
  return -1;
}

/** U+FFFD written as UTF-8 (EF BF BD) at `i`: a real character, not a byte that is not UTF-8 */
function replacementCharacterAt(b: Uint8Array, i: number): boolean {
  return b[i] === 0xef && b[i + 1] === 0xbf && b[i + 2] === 0xbd;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    STRICT_UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
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
