/**
 * The browser host (see source.ts): inputs are the Files the user dropped, named by their file
 * names; Blob.slice gives random access, DecompressionStream('deflate-raw') inflates. The data
 * files are handed in by the page's bundle (a browser cannot read the package's folder).
 */
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

let table: Int32Array | undefined;

/** CRC-32 (IEEE), table-driven. */
export function crc32(data: Uint8Array, previous = 0): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = ~previous;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** A host over `files` (by name); `data` holds the package's data files, parsed. */
export function browserHost(files: ReadonlyMap<string, Blob>, data: Readonly<Record<DataFile, unknown>>): Host {
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
    data: (name) => data[name],
  };
}
