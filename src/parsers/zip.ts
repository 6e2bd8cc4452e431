/**
 * A small zip reader for .xlsx files: the End-Of-Central-Directory record, the central directory,
 * and one entry's inflated bytes as a stream. Random access by the central directory, so the
 * parts of a workbook can be read in whatever order is needed, whatever the order in the zip.
 *
 * Deliberately narrow: methods 0 (stored) and 8 (deflate) only, no zip64, no encryption, no
 * split archives. Sizes are checked as the bytes come: an entry that inflates to more than it
 * declares is cut off at once (a lying size is hostile), one that inflates to less, or whose
 * CRC-32 differs, fails at its end.
 */
import { host, openSource, type ByteSource } from './host/source.js';

export type ZipErrorCode =
  /** no end record, or the directory or an entry lies past the end of the file */
  | 'truncated'
  /** a record without its signature, or offsets that cannot be right */
  | 'corrupt'
  | 'zip64'
  | 'encrypted'
  /** a compression method other than stored or deflate */
  | 'method'
  /** inflated to more or fewer bytes than the directory says */
  | 'size'
  | 'crc';

export class ZipError extends Error {
  constructor(
    readonly code: ZipErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  /** the name as a path inside the archive: `/` separators, no leading `/` */
  readonly name: string;
  /** the name exactly as stored */
  readonly nameBytes: Buffer;
  readonly versionMadeBy: number;
  readonly versionNeeded: number;
  readonly flags: number;
  /** 0 stored, 8 deflate (others are listed but cannot be opened) */
  readonly method: number;
  /** MS-DOS time and date */
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly externalAttributes: number;
  readonly localOffset: number;
}

export interface ZipDirectory {
  readonly entries: readonly ZipEntry[];
  /** file size, and where the central directory starts (the end of the entries' data) */
  readonly fileSize: number;
  readonly directoryOffset: number;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const EOCD_LEN = 22;
const CENTRAL_LEN = 46;
const LOCAL_LEN = 30;
const MAX_COMMENT = 0xffff;

async function readAt(src: ByteSource, pos: number, len: number): Promise<Buffer> {
  const b = await src.read(pos, len);
  if (b.length < len) throw new ZipError('truncated', 'zip: unexpected end of file');
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.length);
}

/** The central directory of the zip open as `src`. */
export async function readCentralDirectory(src: ByteSource): Promise<ZipDirectory> {
  const size = src.size;
  if (size < EOCD_LEN) throw new ZipError('truncated', 'zip: no end-of-central-directory record');
  const tailLen = Math.min(size, EOCD_LEN + MAX_COMMENT);
  const tailStart = size - tailLen;
  const tail = await readAt(src, tailStart, tailLen);
  // the last end record whose comment fits in the file
  let at = -1;
  for (let i = tailLen - EOCD_LEN; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG && i + EOCD_LEN + tail.readUInt16LE(i + 20) <= tailLen) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipError('truncated', 'zip: no end-of-central-directory record');
  const disk = tail.readUInt16LE(at + 4);
  const cdDisk = tail.readUInt16LE(at + 6);
  const countHere = tail.readUInt16LE(at + 8);
  const count = tail.readUInt16LE(at + 10);
  const cdSize = tail.readUInt32LE(at + 12);
  const cdOffset = tail.readUInt32LE(at + 16);
  const eocdPos = tailStart + at;
  if (
    count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff ||
    (at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR_SIG)
  ) {
    throw new ZipError('zip64', 'zip: ZIP64 archives are not supported');
  }
  if (disk !== 0 || cdDisk !== 0 || countHere !== count) throw new ZipError('corrupt', 'zip: split (multi-part) archives are not supported');
  if (cdOffset + cdSize > eocdPos) throw new ZipError('truncated', 'zip: the central directory lies past the end of the file');
  const cd = await readAt(src, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + CENTRAL_LEN > cd.length || cd.readUInt32LE(p) !== CENTRAL_SIG) {
      throw new ZipError('truncated', 'zip: the central directory is incomplete');
    }
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const next = p + CENTRAL_LEN + nameLen + extraLen + commentLen;
    if (next > cd.length) throw new ZipError('truncated', 'zip: the central directory is incomplete');
    const nameBytes = Buffer.from(cd.subarray(p + CENTRAL_LEN, p + CENTRAL_LEN + nameLen));
    const entry: ZipEntry = {
      name: nameBytes.toString('utf8').replace(/\\/g, '/').replace(/^\/+/, ''),
      nameBytes,
      versionMadeBy: cd.readUInt16LE(p + 4),
      versionNeeded: cd.readUInt16LE(p + 6),
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      time: cd.readUInt16LE(p + 12),
      date: cd.readUInt16LE(p + 14),
      crc: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      externalAttributes: cd.readUInt32LE(p + 38),
      localOffset: cd.readUInt32LE(p + 42),
    };
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.localOffset === 0xffffffff) {
      throw new ZipError('zip64', `zip: ZIP64 entries are not supported (${entry.name})`);
    }
    if (entry.flags & 0x41) throw new ZipError('encrypted', `zip: ${entry.name} is encrypted`);
    if (entry.localOffset + LOCAL_LEN + nameLen + entry.compressedSize > cdOffset) {
      throw new ZipError('truncated', `zip: the data of ${entry.name} lies past the end of the entries`);
    }
    entries.push(entry);
    p = next;
  }
  return { entries, fileSize: size, directoryOffset: cdOffset };
}

/** Opens `file` and reads its central directory. */
export async function readZip(file: string): Promise<ZipDirectory> {
  const src = await openSource(file);
  try {
    return await readCentralDirectory(src);
  } finally {
    await src.close();
  }
}

/** Where an entry's (compressed) data starts: after its local header, whose extra field may differ from the central one. */
export async function entryDataStart(src: ByteSource, entry: ZipEntry): Promise<number> {
  const h = await readAt(src, entry.localOffset, LOCAL_LEN);
  if (h.readUInt32LE(0) !== LOCAL_SIG) throw new ZipError('corrupt', `zip: bad local header for ${entry.name}`);
  return entry.localOffset + LOCAL_LEN + h.readUInt16LE(26) + h.readUInt16LE(28);
}

function checkOpenable(entry: ZipEntry): void {
  if (entry.flags & 0x41) throw new ZipError('encrypted', `zip: ${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) {
    throw new ZipError('method', `zip: ${entry.name} uses compression method ${entry.method} (only stored and deflate are read)`);
  }
  if (entry.method === 0 && entry.compressedSize !== entry.size) {
    throw new ZipError('size', `zip: stored entry ${entry.name} has different compressed and uncompressed sizes`);
  }
}

/** Counts and checksums the inflated bytes against the central directory. */
async function* checked(entry: ZipEntry, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const { crc32 } = host();
  let bytes = 0;
  let crc = 0;
  for await (const c of chunks) {
    bytes += c.length;
    if (bytes > entry.size) throw new ZipError('size', `zip: ${entry.name} inflates to more than its declared ${entry.size} bytes`);
    crc = crc32(c, crc);
    yield Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.length);
  }
  if (bytes !== entry.size) throw new ZipError('size', `zip: ${entry.name} inflates to ${bytes} bytes, not its declared ${entry.size}`);
  if (crc >>> 0 !== entry.crc >>> 0) throw new ZipError('crc', `zip: ${entry.name} fails its CRC-32 check`);
}

async function* nothing(): AsyncGenerator<Uint8Array> {}

/** The inflated bytes of one entry of the zip open as `src`, which stays open. */
export function entryBytes(src: ByteSource, entry: ZipEntry, start: number): AsyncGenerator<Buffer> {
  // an empty stored entry is fine; an empty deflate stream is not, and inflating nothing says so
  const raw = entry.compressedSize === 0 ? nothing() : src.stream(start, start + entry.compressedSize);
  return checked(entry, entry.method === 8 ? host().inflateRaw(raw) : raw);
}

/**
 * The inflated bytes of one entry, streamed. Errors (a damaged deflate stream, more or fewer
 * bytes than declared, a CRC mismatch, a file that ends early) arrive as the iteration's error.
 * Leaving a `for await` early closes the inflater and the file.
 */
export async function openEntry(file: string, entry: ZipEntry): Promise<AsyncGenerator<Buffer>> {
  checkOpenable(entry);
  const src = await openSource(file);
  let start: number;
  try {
    start = await entryDataStart(src, entry);
  } catch (e) {
    await src.close();
    throw e;
  }
  return (async function* () {
    try {
      yield* entryBytes(src, entry, start);
    } finally {
      await src.close();
    }
  })();
}

/** The whole inflated content of an entry (for small parts). */
export async function readEntry(file: string, entry: ZipEntry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await openEntry(file, entry)) chunks.push(c);
  return Buffer.concat(chunks);
}
