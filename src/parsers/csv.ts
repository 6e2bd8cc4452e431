/**
 * Streaming CSV reader on papaparse. Handles a UTF-8 BOM, UTF-16 (LE or BE, with or without a
 * BOM), mixed line endings, Windows-1252 text (what Excel's "CSV" save gives on Indian Windows
 * installs, found by the sniff or, after plain ASCII, by the first byte that is not UTF-8) and
 * `;` or tab separators. UTF-8 text damaged by a byte of another encoding, and Windows-1252 text
 * with UTF-8 in it (two files put together), are refused at the row of the damage.
 */
import Papa from 'papaparse';
import { InputError } from '../model/errors.js';
import { baseName, extName } from './file-names.js';
import { host, openSource, type ByteSource } from './host/source.js';
import { LineRow } from './line-row.js';
import { rowsOf, type RawCell, type RawRow, type RawSheet } from './raw.js';
import { cp1252Chunks, csvUtf8Chunks, streamDecoder, type CsvTextChunks, type TextDamage, type Utf8Chunks } from './utf8-chunks.js';

const SNIFF_BYTES = 64 * 1024;

export interface CsvSniff {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  bomBytes: number;
  delimiter: string;
}

export async function sniffCsv(file: string): Promise<CsvSniff> {
  const fh = await openSource(file);
  let buf: Uint8Array;
  try {
    buf = await fh.read(0, SNIFF_BYTES);
  } finally {
    await fh.close();
  }
  let encoding: CsvSniff['encoding'] = 'utf-8';
  let bomBytes = 0;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) bomBytes = 3;
  else if (buf[0] === 0xff && buf[1] === 0xfe) {
    encoding = 'utf-16le';
    bomBytes = 2;
  } else if (buf[0] === 0xfe && buf[1] === 0xff) {
    encoding = 'utf-16be';
    bomBytes = 2;
  } else if (utf16WithoutBom(buf)) {
    encoding = utf16WithoutBom(buf)!;
  } else {
    const binary = binaryKind(buf);
    if (binary) throw new InputError('FILE_NOT_TEXT', { file, kind: binary });
    // a cut multi-byte character at the end of the sample is not an encoding error
    const sample = buf.length === SNIFF_BYTES ? buf.subarray(0, buf.length - 4) : buf;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(sample);
    } catch {
      encoding = 'windows-1252';
    }
  }
  const text = new TextDecoder(encoding).decode(buf.subarray(bomBytes));
  return { encoding, bomBytes, delimiter: guessDelimiter(text) };
}

/**
 * UTF-16 saved without a byte-order mark: text in the Latin range has a zero byte in every other
 * position (the high byte: first in big-endian, second in little-endian). UTF-8 and 1252 text
 * never holds NUL bytes.
 */
function utf16WithoutBom(buf: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) even++;
    if (buf[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/**
 * What a file that is not text is, from its first bytes (UTF-16 was ruled out before): a PDF or an
 * image by its signature, else "binary" when NUL or other control bytes are more than 1 % of it. A
 * text export holds none but tab, line ends and form feed; read as Windows-1252, binary data would
 * be reported as a file of two encodings, or as text with no sheet, which sends the user the wrong way.
 */
export function binaryKind(buf: Uint8Array): 'pdf' | 'image' | 'binary' | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => buf[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf'; // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38)) return 'image'; // PNG, JPEG, GIF
  // a few stray ones (a pasted control character, NUL padding at the end) leave it a text file
  let control = 0;
  for (const b of buf) if ((b < 0x09 || (b > 0x0d && b < 0x20)) && b !== 0x1a) control++;
  return control >= 8 && control * 100 > buf.length ? 'binary' : undefined;
}

/** The separator that splits the first line into the most fields, ignoring quoted text. */
export function guessDelimiter(text: string): string {
  const nl = text.search(/[\r\n]/);
  const line = (nl < 0 ? text : text.slice(0, nl)).replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t', '|']) {
    const n = line.split(d).length - 1;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** The decoder of a CSV's text: UTF-8 that may turn to Windows-1252 (csvUtf8Chunks), Windows-1252 watched for UTF-8, or UTF-16. */
function csvDecoder(sniff: CsvSniff): CsvTextChunks {
  if (sniff.encoding === 'utf-8') return csvUtf8Chunks(sniff.bomBytes > 0);
  if (sniff.encoding === 'windows-1252') return cp1252Chunks();
  // UTF-16 text is read as it is
  return { decode: streamDecoder(sniff.encoding).decode, marks: 0, damage: undefined };
}

/** The text of `src` from `start`, decoded as it is read, line endings as they are. The source closes at the end. */
async function* textOf(src: ByteSource, start: number, dec: Utf8Chunks): AsyncGenerator<string> {
  try {
    for await (const c of src.stream(start, src.size)) {
      const t = dec.decode(c, false);
      if (t) yield t;
    }
    const t = dec.decode(undefined, true);
    if (t) yield t;
  } finally {
    await src.close();
  }
}

/**
 * `chunks` with every line ending made LF: files concatenated on different systems mix CRLF, LF
 * and CR, and papaparse takes the first one it sees as the only one (the others then merge lines).
 * A CR at the end of a chunk waits for the next one (it may be half of a CRLF). `chunks` closes
 * however this one ends.
 */
async function* lfChunks(chunks: AsyncGenerator<string>): AsyncGenerator<string> {
  let pendingCr = false;
  const lf = (text: string, end: boolean): string => {
    let t = pendingCr ? `\r${text}` : text;
    pendingCr = !end && t.endsWith('\r');
    if (pendingCr) t = t.slice(0, -1);
    if (!t.includes('\r')) return t;
    // CRLF first (replaceAll: twice as fast as split/join on a 64 KB chunk, with nothing in between), then any lone CR
    const crlf = t.replaceAll('\r\n', '\n');
    return crlf.includes('\r') ? crlf.replace(/\r/g, '\n') : crlf;
  };
  try {
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      const t = lf(next.value, false);
      if (t) yield t;
    }
    const t = lf('', true);
    if (t) yield t;
  } finally {
    await chunks.return(undefined);
  }
}

type Listener = (x?: unknown) => void;

/**
 * Text chunks as the minimal readable papaparse streams from (`on`/`pause`/`resume`): it pauses
 * after each chunk of records, and the next chunk of text is read only when it resumes.
 */
class TextFeed {
  readonly readable = true;
  /** the text handed to papaparse that its records have not yet been taken from (see `take`) */
  private fed = '';
  private taken = 0;
  private readonly listeners = new Map<string, Listener>();
  private paused = false;
  private pumping = false;
  private ended = false;

  constructor(private readonly chunks: AsyncGenerator<string>) {}

  read(): null {
    return null;
  }

  /** The text of the records papaparse made up to `cursor` (its meta.cursor: the end of the last whole line parsed). */
  take(cursor: number): string {
    const text = this.fed.slice(0, cursor - this.taken);
    this.fed = this.fed.slice(cursor - this.taken);
    this.taken = cursor;
    return text;
  }

  on(event: string, fn: Listener): this {
    this.listeners.set(event, fn);
    if (event === 'data') queueMicrotask(() => void this.pump());
    return this;
  }

  removeListener(event: string): this {
    this.listeners.delete(event);
    return this;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    void this.pump();
  }

  destroy(): void {
    this.ended = true;
    void this.chunks.return(undefined);
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.paused && !this.ended) {
        const next = await this.chunks.next();
        if (this.ended) break;
        if (next.done) {
          this.ended = true;
          this.listeners.get('end')?.();
          break;
        }
        this.fed += next.value;
        this.listeners.get('data')?.(next.value);
      }
    } catch (e) {
      this.ended = true;
      this.listeners.get('error')?.(e);
    } finally {
      this.pumping = false;
    }
  }
}

export async function* readCsv(file: string, opts: { lines?: boolean } = {}): AsyncGenerator<RawSheet> {
  const sniff = await sniffCsv(file);
  const name = baseName(file, extName(file));
  const lines = opts.lines !== false;
  // each is a generator that opens the file only when iterated; a caller reads one of the two
  yield { name, hidden: false, delimiter: sniff.delimiter, rows: rowsOf(csvBatches(file, sniff, lines)), batches: csvBatches(file, sniff, lines) };
}

/**
 * The file's rows, one batch per chunk of text read. Text without quotes is cut into lines here
 * (LineRow: cells cut only when asked for), exactly as papaparse reads such text: its records
 * are then the lines cut at the separator, and a chunk's last line waits for the next chunk. From
 * the first chunk that holds a quote, the rest of the file goes through papaparse (papaBatches),
 * starting at that chunk's first line: the same records it would have made of the whole file.
 * Lines are cut where they lie in the decoded chunk, a CRLF's CR dropped (copying Windows text to
 * make its line ends LF cost three copies of it); from the first CR that ends no CRLF, the text
 * goes through lfChunks, as papaparse's always does. `lines` false reads all of it through
 * papaparse (tests compare the two).
 */
async function* csvBatches(file: string, sniff: CsvSniff, lines: boolean): AsyncGenerator<RawRow[]> {
  const dec = csvDecoder(sniff);
  const damaged = damagedRow(file, dec);
  let chunks = textOf(await openSource(file), sniff.bomBytes, dec);
  const delimiter = sniff.delimiter;
  /** the chunks' line endings are all LF (lfChunks): once a CR that ends no CRLF was met */
  let lfOnly = false;
  /** the line the last chunk ended in */
  let partial = '';
  let line = 0;
  let handed = false;
  /** from the line at `at` of `text` on, the text is read again with every line ending made LF */
  const lfFrom = (text: string, at: number): void => {
    chunks = lfChunks(prepend(text.slice(at), chunks));
    lfOnly = true;
    partial = '';
  };
  try {
    if (!lines || delimiter.length !== 1) {
      handed = true;
      yield* papaBatches(file, lfChunks(chunks), line, dec, damaged, delimiter);
      return;
    }
    for (;;) {
      const next = await chunks.next();
      const rows: RawRow[] = [];
      if (next.done) {
        // at the end the last line is a record of its own (papaparse's last parse: an empty text gives none)
        const lone = partial.length > 0 ? cutLines(partial, 0, partial.length, rows) : -1;
        if (lone < 0) {
          damaged.refuseIn(rows);
          if (rows.length) yield rows;
          damaged.refuseAtEnd();
          return;
        }
        lfFrom(partial, lone);
        continue;
      }
      const chunk = next.value;
      // partial holds no quote: it was cut from a chunk without one
      if (chunk.includes('"')) {
        handed = true;
        const rest = prepend(partial + chunk, chunks);
        yield* papaBatches(file, lfOnly ? rest : lfChunks(rest), line, dec, damaged, delimiter);
        return;
      }
      const first = chunk.indexOf('\n');
      if (first < 0) {
        partial += chunk;
        // no LF ends a line here: a CR before the text's last character (which may be half of a
        // CRLF) ends no CRLF, and a file of CR line ends must not gather whole in `partial`
        const cr = lfOnly ? -1 : partial.indexOf('\r');
        if (cr >= 0 && cr < partial.length - 1) lfFrom(partial, 0);
      } else {
        // the line left from the last chunk ends at this chunk's first LF and is cut on its own:
        // the rest of the chunk is cut where it lies (partial + chunk would be a copy of it)
        const head = partial + chunk.slice(0, first + 1);
        if (cutLines(head, 0, head.length - 1, rows) >= 0) lfFrom(partial + chunk, 0);
        else {
          const last = chunk.lastIndexOf('\n');
          const lone = last > first ? cutLines(chunk, first + 1, last, rows) : -1;
          if (lone >= 0) lfFrom(chunk, lone);
          else partial = chunk.slice(last + 1);
        }
      }
      // text is decoded before it is cut: the damaged row is in this batch or a later one
      damaged.refuseIn(rows);
      if (rows.length) yield rows;
    }
  } finally {
    if (!handed) await chunks.return(undefined);
  }

  /**
   * Cuts `text` from `at` into lines up to `cut` (an LF, or the text's end at the end of the file)
   * onto `rows`, the CR of a CRLF dropped. Returns -1, or where the first line holding a CR that
   * ends no CRLF (an old Mac line end) starts: it and the lines after it are left uncut.
   */
  function cutLines(text: string, at: number, cut: number, rows: RawRow[]): number {
    let cr = lfOnly ? -1 : text.indexOf('\r', at);
    for (;;) {
      let end = text.indexOf('\n', at);
      if (end < 0 || end > cut) end = cut;
      let stop = end;
      if (cr >= 0 && cr < end) {
        if (cr !== end - 1 || text.charCodeAt(end) !== 10) return at;
        stop = cr;
        cr = text.indexOf('\r', end + 1);
      }
      rows.push(new LineRow(++line, text.slice(at, stop), delimiter));
      if (end >= cut) return -1;
      at = end + 1;
    }
  }
}

/** `first`, then the rest; the rest is closed however this one ends (it may end before it began the rest). */
async function* prepend(first: string, rest: AsyncGenerator<string>): AsyncGenerator<string> {
  try {
    yield first;
    yield* rest;
  } finally {
    await rest.return(undefined);
  }
}

/**
 * papaparse's chunk callback with pause/resume, bridged to async iteration: one chunk of records
 * is in memory at a time, handed out as one batch of rows. (Its NODE_STREAM_INPUT duplex is ten
 * times slower on this data.) Rows are numbered on from `line`.
 */
async function* papaBatches(
  file: string, chunks: AsyncGenerator<string>, line: number, dec: CsvTextChunks, damaged: ReturnType<typeof damagedRow>, delimiter: string,
): AsyncGenerator<RawRow[]> {
  const source = new TextFeed(chunks);
  const queue: { records: string[][]; text: string }[] = [];
  let done = false;
  let failure: unknown;
  let parserRef: Papa.Parser | undefined;
  let wake: (() => void) | undefined;
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  Papa.parse<string[]>(source as unknown as File, {
    delimiter,
    newline: '\n',
    header: false,
    skipEmptyLines: false,
    chunk(results, parser) {
      parserRef = parser;
      queue.push({ records: results.data, text: source.take(results.meta.cursor) });
      parser.pause();
      signal();
    },
    complete() {
      done = true;
      signal();
    },
    error(err) {
      failure = err;
      done = true;
      signal();
    },
  });
  try {
    for (;;) {
      if (!queue.length && !done) await new Promise<void>((r) => (wake = r));
      const next = queue.shift();
      if (next) {
        const batch = next.records;
        const lines = linesOf(next.text, batch.length);
        const rows: RawRow[] = new Array(batch.length);
        for (let j = 0; j < batch.length; j++) {
          // the record papaparse handed over becomes the row's cells (empty text → null), in place
          const cells = batch[j]! as RawCell[];
          for (let i = 0; i < cells.length; i++) if (cells[i] === '') cells[i] = null;
          rows[j] = lines ? { row: ++line, cells, line: lines[j]! } : { row: ++line, cells };
        }
        batch.length = 0;
        // text is decoded before papaparse sees it: the damaged row is in this batch or a later one
        damaged.refuseIn(rows);
        if (rows.length) yield rows;
        if (!done && !queue.length) parserRef?.resume();
        continue;
      }
      if (failure) throw failure;
      if (done) {
        damaged.refuseAtEnd();
        return;
      }
    }
  } finally {
    if (!done) {
      parserRef?.abort();
      source.destroy();
    }
  }
}

/**
 * The lines of a batch's text, one per record, where every record is its line cut at each separator:
 * a text without quotes (papaparse splits such a line exactly as String.split does). Otherwise, or
 * if the count differs, undefined.
 */
function linesOf(text: string, records: number): string[] | undefined {
  if (records === 0 || text.includes('"')) return undefined;
  const lines: string[] = new Array(records);
  let at = 0;
  for (let j = 0; j < records; j++) {
    if (at > text.length) return undefined;
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    lines[j] = text.slice(at, end);
    at = end + 1;
  }
  // what is left is nothing, or the newline ending the last line
  return at >= text.length ? lines : undefined;
}

/**
 * Refuses a CSV at the row of the damage its decoder found: the rows' cells hold the text's U+FFFD
 * in order, the damage's the `mark`-th of them (csvUtf8Chunks: a file may hold U+FFFD of its own,
 * typed before). Rows are looked at only while U+FFFD the decoder gave are yet to be met in them:
 * a clean file's are never looked at.
 */
function damagedRow(file: string, dec: CsvTextChunks): { refuseIn(rows: readonly RawRow[]): void; refuseAtEnd(): void } {
  let met = 0;
  return {
    refuseIn(rows) {
      if (dec.marks <= met) return;
      for (const r of rows) {
        for (const c of r.cells) {
          if (typeof c !== 'string') continue;
          for (let i = c.indexOf('\ufffd'); i >= 0; i = c.indexOf('\ufffd', i + 1)) {
            met++;
            if (dec.damage && met >= dec.damage.mark) throw damageError(file, dec.damage, r.row);
          }
        }
      }
    },
    refuseAtEnd() {
      if (dec.damage) throw damageError(file, dec.damage);
    },
  };
}

function damageError(file: string, damage: TextDamage, row?: number): InputError {
  const at = row === undefined ? { file } : { file, row };
  if (damage.kind === 'not-utf8') return new InputError('FILE_TEXT_DAMAGED', at);
  return new InputError('FILE_TEXT_MIXED_ENCODINGS', { ...at, windows1252: damage.windows1252, utf8: damage.utf8 });
}
