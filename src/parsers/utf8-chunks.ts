/**
 * UTF-8 decoding of a stream in chunks through a whole-run decoder (Node's Buffer, several times
 * faster than TextDecoder's streaming mode), with TextDecoder's results: a character cut at a
 * chunk's end waits for the next chunk, and a byte-order mark at the very start is dropped. For
 * CSV text, UTF-8 that may turn out to be Windows-1252 (csvUtf8Chunks), and Windows-1252 watched
 * for UTF-8 in it (cp1252Chunks), both telling where the text is damaged.
 */
import { host } from './host/source.js';
import { firstNotUtf8, firstUtf8Look, utf8LookAt } from './utf8-sequences.js';
import { decodeWindows1252 } from './windows-1252.js';

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

/** What is wrong with a CSV's text, and where: the decoder writes a U+FFFD at the place. */
export interface TextDamage {
  /** 'not-utf8': bytes that are not UTF-8 among UTF-8 text; 'utf8-in-1252': UTF-8 among text read as Windows-1252 */
  readonly kind: 'not-utf8' | 'utf8-in-1252';
  /** the place is the text's `mark`-th U+FFFD, counting from 1 (the file's own ones come before it) */
  readonly mark: number;
  /** for 'utf8-in-1252': the bytes found there read as Windows-1252 ("â‚¹"), and as UTF-8 ("₹") */
  readonly windows1252?: string;
  readonly utf8?: string;
}

/** A CSV's text in chunks, and what is wrong with it once something is. */
export interface CsvTextChunks extends Utf8Chunks {
  /** how many U+FFFD the text given so far holds, the damage's included (past it, no more are counted) */
  readonly marks: number;
  readonly damage: TextDamage | undefined;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A CSV's text, taken as UTF-8 after a sniff of its start (csv.ts), that may turn out to be
 * Windows-1252 further on (Excel's "CSV" on Indian Windows installs, plain ASCII for 64 KB).
 * While every byte read was ASCII, UTF-8 and Windows-1252 give the same text, so at the first byte
 * that is not UTF-8 the rest is read as Windows-1252 (cp1252Chunks) with nothing read so far
 * changed. After real UTF-8 text, or in a file whose byte-order mark says UTF-8, such a byte is
 * damage: it stays U+FFFD and `damage` says which of the text's U+FFFD it is, for the reader to
 * refuse the file at its row rather than guess.
 */
export function csvUtf8Chunks(markedUtf8: boolean, run: Utf8Run = utf8Run()): CsvTextChunks {
  const whole = new WholeCharacters(run);
  // every byte so far ASCII: a run's text is as long as its bytes, and holds no U+FFFD
  let ascii = !markedUtf8;
  let cp1252: CsvTextChunks | undefined;
  let marks = 0;
  let damage: TextDamage | undefined;
  return {
    get marks() {
      return cp1252 ? cp1252.marks : marks;
    },
    get damage() {
      return cp1252 ? cp1252.damage : damage;
    },
    decode(chunk, end) {
      if (cp1252) return cp1252.decode(chunk, end);
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
          // nothing read so far holds a U+FFFD: the count starts again in Windows-1252
          cp1252 = cp1252Chunks();
          whole.drop();
          return cp1252.decode(bytes, end);
        }
        ascii = false;
      }
      if (bad < 0 || damage) return text;
      const read = bytes.subarray(0, cut);
      if (isUtf8(read)) marks += occurrences(text, bad);
      else {
        // the file's own U+FFFD (EF BF BD) before the first byte that is not UTF-8 come first
        const at = firstNotUtf8(read);
        damage = { kind: 'not-utf8', mark: marks + replacementCharacters(read.subarray(0, at)) + 1 };
        marks = damage.mark;
      }
      return text;
    },
  };
}

/** The U+FFFD in `text`, the first at `from`. */
function occurrences(text: string, from: number): number {
  let n = 0;
  for (let i = from; i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** The U+FFFD written in UTF-8 bytes (EF BF BD: in UTF-8 no other character holds them). */
function replacementCharacters(b: Uint8Array): number {
  let n = 0;
  for (let i = b.indexOf(0xef); i >= 0; i = b.indexOf(0xef, i + 1)) if (replacementCharacterAt(b, i)) n++;
  return n;
}

/** The longest run of bytes utf8LookAt counts: a chunk's end may cut one, up to its last byte. */
const LONGEST_LOOK = 4;

/**
 * Windows-1252 text, one byte to a character, watched for UTF-8 in it (utf8LookAt): a file put
 * together from a Windows-1252 CSV and a UTF-8 one would read "â‚¹" for "₹" and "Ã©" for "é",
 * a name or a place changed without a word. The first such bytes become `damage`, their first
 * character in the text replaced by a U+FFFD for the reader to find their row (Windows-1252 text
 * holds no other), and nothing more is looked at.
 */
export function cp1252Chunks(): CsvTextChunks {
  // the last bytes read: where bytes that only UTF-8 writes may start, cut by a chunk's end
  let tail = NO_BYTES;
  let damage: TextDamage | undefined;
  return {
    get marks() {
      return damage ? damage.mark : 0;
    },
    get damage() {
      return damage;
    },
    decode(chunk) {
      if (!chunk?.length) return '';
      const text = decodeWindows1252(chunk);
      if (damage) return text;
      let at = -1;
      let look: Uint8Array | undefined;
      // bytes begun in the chunks before that end in this one: mark their first character here (the same row)
      if (tail.some((c) => c >= 0xc2)) {
        const joined = concat(tail, chunk.subarray(0, LONGEST_LOOK - 1));
        for (let p = 0; p < tail.length && !look; p++) {
          const n = utf8LookAt(joined, p);
          if (n > 0 && p + n > tail.length) [at, look] = [0, joined.subarray(p, p + n)];
        }
      }
      if (!look) {
        at = firstUtf8Look(chunk);
        if (at >= 0) look = chunk.subarray(at, at + utf8LookAt(chunk, at));
      }
      if (look) {
        damage = { kind: 'utf8-in-1252', mark: 1, windows1252: decodeWindows1252(look), utf8: UTF8_AS_IT_IS.decode(look) };
        return `${text.slice(0, at)}\ufffd${text.slice(at + 1)}`;
      }
      tail = concat(tail, chunk.subarray(Math.max(0, chunk.length - (LONGEST_LOOK - 1)))).slice(-(LONGEST_LOOK - 1));
      return text;
    },
  };
}

/** UTF-8 that keeps a byte-order mark (one put in the middle of the text is what was found) */
const UTF8_AS_IT_IS = new TextDecoder('utf-8', { ignoreBOM: true });

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
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
