/**
 * What the engine needs from the machine it runs on, and nothing more: random access to the
 * bytes of an input (a zip's central directory sits at its end), raw-deflate inflation, CRC-32,
 * and two data files. Node gives these with a FileHandle and zlib (node.ts); a browser with a
 * Blob and DecompressionStream (browser.ts). Nothing else in the engine imports a Node module:
 * a test walks the import graph (test/engine-graph.test.ts).
 *
 * Inputs keep being named by a string (a path in Node, a file's name in the browser): findings
 * carry it as their `file`, and the host turns it into bytes.
 */

/** The bytes of one input, read at any offset. */
export interface ByteSource {
  readonly size: number;
  /** exactly `len` bytes from `pos`, or fewer at the end of the input */
  read(pos: number, len: number): Promise<Uint8Array>;
  /** bytes `start` to `end` (exclusive) in chunks; leaving the loop early releases what it holds */
  stream(start: number, end: number): AsyncIterable<Uint8Array>;
  close(): Promise<void>;
}

/** Data files shipped with the package (read once, parsed JSON). */
export type DataFile = 'hsn-master' | 'retsave-schema';

/** Why an input could not be opened. */
export class SourceError extends Error {
  constructor(
    readonly code: 'not-found' | 'directory',
    readonly file: string,
  ) {
    super(`${file}: ${code}`);
    this.name = 'SourceError';
  }
}

export interface Host {
  open(file: string): Promise<ByteSource>;
  /** inflates raw deflate data (zip method 8); a damaged stream is the iteration's error */
  inflateRaw(input: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array>;
  /** raw deflate of a small part (the annotated copy adds one to a workbook) */
  deflateRaw(data: Uint8Array): Promise<Uint8Array>;
  crc32(data: Uint8Array, previous: number): number;
  /** the name by which two mentions of one input compare equal (an absolute path in Node) */
  resolve(file: string): string;
  data(name: DataFile): unknown;
}

let installed: Host | undefined;

/** Makes `h` the host of this process or worker (the browser worker calls it first thing). */
export function installHost(h: Host): void {
  installed = h;
}

// In Node with no host installed, the Node one. The specifier is a variable so that a bundler
// for the browser leaves that module (and its Node built-ins) out.
const NODE_HOST = './node.js';
if (!installed && (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node) {
  installed = ((await import(/* @vite-ignore */ NODE_HOST)) as { nodeHost: Host }).nodeHost;
}

export function host(): Host {
  if (!installed) throw new Error('no host installed: call installHost() before reading inputs');
  return installed;
}

/** Opens `file` through the host. */
export function openSource(file: string): Promise<ByteSource> {
  return host().open(file);
}
