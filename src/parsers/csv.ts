/**
 * Streaming CSV reader on papaparse. Handles a UTF-8 BOM, UTF-16 with BOM, Windows-1252 text
 * (what Excel's "CSV" save gives on Indian Windows installs) and `;` or tab separators.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Transform } from 'node:stream';
import Papa from 'papaparse';
import type { RawCell, RawRow, RawSheet } from './raw.js';

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
  yield { name, hidden: false, rows: csvRows(file, sniff) };
}

async function* csvRows(file: string, sniff: CsvSniff): AsyncGenerator<RawRow> {
  const source = createReadStream(file, { start: sniff.bomBytes });
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
    delimiter: sniff.delimiter,
    header: false,
    skipEmptyLines: false,
  }) as unknown as NodeJS.ReadWriteStream;
  const stream = source.pipe(decoder(sniff.encoding)).pipe(parser);
  let line = 0;
  for await (const rec of stream as AsyncIterable<string[]>) {
    line++;
    const cells: RawCell[] = rec.map((s) => (s === '' ? null : s));
    yield { row: line, cells };
  }
}
