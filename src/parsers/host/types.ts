/**
 * The host's interface (see source.ts). Kept apart from source.ts, which loads the Node host
 * with a top-level await: the hosts import this module, never that one (an import cycle through
 * a pending top-level await never settles).
 */

import type { RawSheet } from '../raw.js';

/** The bytes of one input, read at any offset. */
export interface ByteSource {
  readonly size: number;
  /** exactly `len` bytes from `pos`, or fewer at the end of the input */
  read(pos: number, len: number): Promise<Uint8Array>;
  /** bytes `start` to `end` (exclusive) in chunks; leaving the loop early releases what it holds */
  stream(start: number, end: number): AsyncIterable<Uint8Array>;
  close(): Promise<void>;
}

/**
 * Data files shipped with the package (read once, parsed JSON): the HSN master's codes
 * (data/hsn-codes.json, which scripts/refresh-hsn.ts writes beside data/hsn-master.json) and the
 * portal's schema.
 */
export type DataFile = 'hsn-codes' | 'retsave-schema';

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
  /** raw deflate of a stream (a rewritten sheet of the annotated copy); a failure is the iteration's error */
  deflateRawStream(input: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array>;
  crc32(data: Uint8Array, previous: number): number;
  /** the name by which two mentions of one input compare equal (an absolute path in Node) */
  resolve(file: string): string;
  data(name: DataFile): unknown;
  /** UTF-8 bytes decoded whole, as TextDecoder would (Node: Buffer's decoder, faster); else TextDecoder is used */
  decodeUtf8?(bytes: Uint8Array): string;
  /**
   * Reads a workbook some other way than readXlsx in this thread, with the same sheets, batches
   * and rows (Node: on the second core); undefined when the engine should read it itself.
   */
  readWorkbook?(file: string): AsyncIterable<RawSheet> | undefined;
}
