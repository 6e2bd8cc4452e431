/**
 * Streaming CSV reader on papaparse. Handles a UTF-8 BOM, UTF-16 with BOM, Windows-1252 text
 * (what Excel's "CSV" save gives on Indian Windows installs) and `;` or tab separators.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Transform } from 'node:stream';
import Papa from 'papaparse';
import { rowsOf, type RawCell, type RawRow, type RawSheet } from './raw.js';

const SNIFF_BYTES = 64 * 1024;

export interface CsvSniff {
  encoding: 'utf-8' | 'utf-16le' | 'windows-1252';
  bomBytes: number;
  delimiter: string;
}

export async function sniffCsv(file: string): Promise<CsvSniff> {
  const fh = await open(file, 'r');
  let buf: Buffer;
  try {
    const b = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(b, 0, SNIFF_BYTES, 0);
    buf = b.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  let encoding: CsvSniff['encoding'] = 'utf-8';
  let bomBytes = 0;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) bomBytes = 3;
  else if (buf[0] === 0xff && buf[1] === 0xfe) {
    encoding = 'utf-16le';
    bomBytes = 2;
  } else {
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

/** The separator that splits the first line into the most fields, ignoring quoted text. */
export function guessDelimiter(text: string): string {
  const nl = text.search(/\r?\n/);
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

function decoder(encoding: string): Transform {
  const dec = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      cb(null, dec.decode(chunk, { stream: true }));
    },
    flush(cb) {
      cb(null, dec.decode());
    },
  });
}

export async function* readCsv(file: string): AsyncGenerator<RawSheet> {
  const sniff = await sniffCsv(file);
  const name = basename(file, extname(file));
  // each is a generator that opens the file only when iterated; a caller reads one of the two
  yield { name, hidden: false, rows: rowsOf(csvBatches(file, sniff)), batches: csvBatches(file, sniff) };
}

/**
 * papaparse's chunk callback with pause/resume, bridged to async iteration: one chunk of records
 * is in memory at a time, handed out as one batch of rows. (Its NODE_STREAM_INPUT duplex is ten
 * times slower on this data.)
 */
async function* csvBatches(file: string, sniff: CsvSniff): AsyncGenerator<RawRow[]> {
  const source = createReadStream(file, { start: sniff.bomBytes }).pipe(decoder(sniff.encoding));
  const queue: string[][][] = [];
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
    delimiter: sniff.delimiter,
    header: false,
    skipEmptyLines: false,
    chunk(results, parser) {
      parserRef = parser;
      queue.push(results.data);
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
  let line = 0;
  try {
    for (;;) {
      if (!queue.length && !done) await new Promise<void>((r) => (wake = r));
      const batch = queue.shift();
      if (batch) {
        const rows: RawRow[] = new Array(batch.length);
        for (let j = 0; j < batch.length; j++) {
          // the record papaparse handed over becomes the row's cells (empty text → null), in place
          const cells = batch[j]! as RawCell[];
          for (let i = 0; i < cells.length; i++) if (cells[i] === '') cells[i] = null;
          rows[j] = { row: ++line, cells };
        }
        batch.length = 0;
        if (rows.length) yield rows;
        if (!done && !queue.length) parserRef?.resume();
        continue;
      }
      if (failure) throw failure;
      if (done) return;
    }
  } finally {
    if (!done) {
      parserRef?.abort();
      source.destroy();
    }
  }
}
