/**
 * The browser host (see source.ts): inputs are the Files the user dropped, named by their file
 * names; Blob.slice gives random access, DecompressionStream('deflate-raw') inflates. The data
 * files are handed in by the page's bundle (a browser cannot read the package's folder).
 */
import type { RawSheet } from '../raw.js';
import { SourceError, type ByteSource, type DataFile, type Host } from './types.js';

async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (pos, len) => new Uint8Array(await blob.slice(pos, pos + len).arrayBuffer()),
    stream: (start, end) => chunksOf(blob.slice(start, end).stream() as ReadableStream<Uint8Array>),
    close: async () => {},
  };
}

/** `input` through a (De)CompressionStream, as chunks. */
async function* through(input: AsyncIterable<Uint8Array>, ds: DecompressionStream | CompressionStream): AsyncIterable<Uint8Array> {
  const writer = ds.writable.getWriter();
  const feeding = (async () => {
    for await (const c of input) await writer.write(c as Uint8Array<ArrayBuffer>);
    await writer.close();
  })();
  // a failure while feeding shows as the readable side's error, read below
  feeding.catch((e: unknown) => writer.abort(e).catch(() => {}));
  yield* chunksOf(ds.readable as ReadableStream<Uint8Array>);
}

const inflateRaw = (input: AsyncIterable<Uint8Array>) => through(input, new DecompressionStream('deflate-raw'));
const deflateRawStream = (input: AsyncIterable<Uint8Array>) => through(input, new CompressionStream('deflate-raw'));

async function deflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const out = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  for await (const c of chunksOf(out as ReadableStream<Uint8Array>)) chunks.push(c);
  return new Uint8Array(await new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer());
}

/** CRC-32 tables for slicing by 16: table k advances a byte through k more zero bytes */
let tables: Int32Array | undefined;

function crcTables(): Int32Array {
  const t = new Int32Array(16 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n]!;
    for (let k = 1; k < 16; k++) {
      c = t[c & 0xff]! ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
}

/**
 * CRC-32 (IEEE), sixteen bytes a step (slicing by 16): every inflated byte of a workbook goes
 * through it, and a byte at a time took 0.6 s of a 500,000-line workbook's 8.7 s in Chromium.
 */
export function crc32(data: Uint8Array, previous = 0): number {
  const t = (tables ??= crcTables());
  let crc = ~previous;
  let i = 0;
  for (const last = data.length - 16; i <= last; i += 16) {
    const a = (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24)) ^ crc;
    const b = data[i + 4]! | (data[i + 5]! << 8) | (data[i + 6]! << 16) | (data[i + 7]! << 24);
    const c = data[i + 8]! | (data[i + 9]! << 8) | (data[i + 10]! << 16) | (data[i + 11]! << 24);
    const d = data[i + 12]! | (data[i + 13]! << 8) | (data[i + 14]! << 16) | (data[i + 15]! << 24);
    crc =
      t[3840 + (a & 0xff)]! ^ t[3584 + ((a >>> 8) & 0xff)]! ^ t[3328 + ((a >>> 16) & 0xff)]! ^ t[3072 + (a >>> 24)]! ^
      t[2816 + (b & 0xff)]! ^ t[2560 + ((b >>> 8) & 0xff)]! ^ t[2304 + ((b >>> 16) & 0xff)]! ^ t[2048 + (b >>> 24)]! ^
      t[1792 + (c & 0xff)]! ^ t[1536 + ((c >>> 8) & 0xff)]! ^ t[1280 + ((c >>> 16) & 0xff)]! ^ t[1024 + (c >>> 24)]! ^
      t[768 + (d & 0xff)]! ^ t[512 + ((d >>> 8) & 0xff)]! ^ t[256 + ((d >>> 16) & 0xff)]! ^ t[d >>> 24]!;
  }
  for (; i < data.length; i++) crc = t[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

export interface BrowserHostOptions {
  /**
   * Reads a workbook elsewhere (the page: in a worker of its own, on the second core), with
   * readXlsx's sheets, batches and rows; undefined to read it in this thread.
   */
  readonly readWorkbook?: (name: string, blob: Blob) => AsyncIterable<RawSheet> | undefined;
}

/**
 * A host over `files` (by name); `data` holds the package's data files, parsed (a worker that
 * only reads workbooks needs none).
 */
export function browserHost(files: ReadonlyMap<string, Blob>, data: Partial<Readonly<Record<DataFile, unknown>>>, opts: BrowserHostOptions = {}): Host {
  const { readWorkbook } = opts;
  return {
    async open(name) {
      const blob = files.get(name);
      if (!blob) throw new SourceError('not-found', name);
      return blobSource(blob);
    },
    inflateRaw,
    deflateRaw,
    deflateRawStream,
    crc32,
    resolve: (name) => name,
    data(name) {
      if (data[name] === undefined) throw new Error(`the data file ${name} was not given to this host`);
      return data[name];
    },
    ...(readWorkbook
      ? {
          readWorkbook(name: string) {
            const blob = files.get(name);
            return blob ? readWorkbook(name, blob) : undefined;
          },
        }
      : {}),
  };
}
