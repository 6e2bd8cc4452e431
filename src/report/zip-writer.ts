/**
 * A streaming zip writer: entries go to the sink one after the other, never held whole.
 *
 * - `copy` copies an entry of another zip as it is stored (still compressed, same CRC, times
 *   and flags): the annotated workbook copies every part it does not change this way.
 * - `add` deflates a part as it is produced (the host's deflate: zlib in Node,
 *   CompressionStream in a browser), counting its CRC-32 and sizes on the way; they follow the
 *   data in a data descriptor (flag bit 3), as a streaming writer must.
 *
 * No ZIP64: an archive whose offsets or sizes pass 4 GB is refused with a ZipTooLargeError
 * rather than written wrong (our reader refuses ZIP64 inputs, so only a copy that grew past
 * 4 GB would meet it); the caller says what that means for its file.
 */
import { host, type ByteSource } from '../parsers/host/source.js';
import { entryDataStart, type ZipEntry } from '../parsers/zip.js';

/** Where the zip goes, one piece at a time (a file in Node, a list of chunks in a browser). */
export type ZipSink = (bytes: Uint8Array) => Promise<void>;

/** The fields of a zip entry's headers (a directory entry as read, without its place and parsed name). */
export type EntryHeader = Omit<ZipEntry, 'name' | 'nameBytes' | 'localOffset'> & { readonly nameBytes: Uint8Array };

/** The largest offset or size a zip without ZIP64 holds. */
const ZIP32_MAX = 0xfffffffe;
const COPY_CHUNK = 1 << 20;
/** Parts produced in small pieces are handed to the deflater in pieces of about this size. */
const DEFLATE_PIECE = 64 * 1024;

/** MS-DOS time and date of `d` (local time, 2-second steps), as zip headers hold them. */
export function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

const encoder = new TextEncoder();

/** The zip would need ZIP64 (over 4 GB, or more than 65,534 entries). */
export class ZipTooLargeError extends Error {
  override name = 'ZipTooLargeError';
  /** the limit passed, as a person reads it: 4 GB, or the number of files */
  constructor(readonly limit: string) {
    super(`zip: the archive would pass ${limit}, which needs ZIP64, not written`);
  }
}

export class ZipWriter {
  private pos = 0;
  private readonly central: Uint8Array[] = [];
  private count = 0;
  private readonly when: { time: number; date: number };

  /** `limit` is for tests: the largest offset or size allowed before the refusal. */
  constructor(
    private readonly sink: ZipSink,
    when = new Date(),
    private readonly limit = ZIP32_MAX,
  ) {
    this.when = dosTime(when);
  }

  /** Copies an entry of the zip open as `src`, compressed bytes as they are. */
  async copy(src: ByteSource, entry: ZipEntry): Promise<void> {
    const header: EntryHeader = { ...entry, flags: entry.flags & ~0x8, nameBytes: entry.nameBytes };
    await this.entry(header, await storedBytes(src, entry));
  }

  /** An entry whose header is known before its data (sizes and CRC included). */
  async entry(h: EntryHeader, data: AsyncIterable<Uint8Array> | Uint8Array): Promise<void> {
    const offset = this.pos;
    this.check(offset + h.compressedSize + 30 + h.nameBytes.length);
    await this.put(localHeader(h));
    await this.put(h.nameBytes);
    let n = 0;
    if (data instanceof Uint8Array) {
      n = data.length;
      await this.put(data);
    } else {
      for await (const c of data) {
        n += c.length;
        await this.put(c);
      }
    }
    if (n !== h.compressedSize) throw new Error(`zip: ${new TextDecoder().decode(h.nameBytes)} copied ${n} bytes of ${h.compressedSize}`);
    this.central.push(centralHeader(h, offset), h.nameBytes);
    this.count++;
  }

  /** Deflates `content` (text is written as UTF-8) into a new entry `name`. */
  async add(name: string, content: AsyncIterable<Uint8Array | string> | Uint8Array | string): Promise<void> {
    const nameBytes = encoder.encode(name);
    const offset = this.pos;
    this.check(offset);
    // bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8
    const base = {
      nameBytes, versionMadeBy: 20, versionNeeded: 20, flags: 0x808, method: 8, ...this.when,
      crc: 0, compressedSize: 0, size: 0, externalAttributes: 0,
    };
    await this.put(localHeader(base));
    await this.put(nameBytes);
    const { crc32 } = host();
    let crc = 0;
    let size = 0;
    const counted = async function* (): AsyncGenerator<Uint8Array> {
      for await (const c of pieces(content)) {
        crc = crc32(c, crc);
        size += c.length;
        yield c;
      }
    };
    let compressedSize = 0;
    for await (const c of host().deflateRawStream(counted())) {
      compressedSize += c.length;
      await this.put(c);
    }
    if (size > this.limit || compressedSize > this.limit) this.refuse();
    const h: EntryHeader = { ...base, crc: crc >>> 0, size, compressedSize };
    const dd = new DataView(new ArrayBuffer(16));
    dd.setUint32(0, 0x08074b50, true);
    dd.setUint32(4, h.crc, true);
    dd.setUint32(8, compressedSize, true);
    dd.setUint32(12, size, true);
    await this.put(new Uint8Array(dd.buffer));
    this.central.push(centralHeader(h, offset), nameBytes);
    this.count++;
  }

  /** The central directory and its end record; the zip is complete when this resolves. */
  async finish(): Promise<void> {
    const cdStart = this.pos;
    if (this.count > 0xfffe) this.refuse('65,534 files');
    for (const c of this.central) await this.put(c);
    const cdSize = this.pos - cdStart;
    this.check(this.pos);
    const e = new DataView(new ArrayBuffer(22));
    e.setUint32(0, 0x06054b50, true);
    e.setUint16(8, this.count, true);
    e.setUint16(10, this.count, true);
    e.setUint32(12, cdSize, true);
    e.setUint32(16, cdStart, true);
    await this.put(new Uint8Array(e.buffer));
  }

  private async put(b: Uint8Array): Promise<void> {
    this.pos += b.length;
    if (b.length) await this.sink(b);
  }

  private check(offset: number): void {
    if (offset > this.limit) this.refuse();
  }

  private refuse(limit = '4 GB'): never {
    throw new ZipTooLargeError(limit);
  }
}

function localHeader(h: EntryHeader): Uint8Array {
  const v = new DataView(new ArrayBuffer(30));
  v.setUint32(0, 0x04034b50, true);
  v.setUint16(4, h.versionNeeded, true);
  v.setUint16(6, h.flags, true);
  v.setUint16(8, h.method, true);
  v.setUint16(10, h.time, true);
  v.setUint16(12, h.date, true);
  v.setUint32(14, h.crc >>> 0, true);
  v.setUint32(18, h.compressedSize, true);
  v.setUint32(22, h.size, true);
  v.setUint16(26, h.nameBytes.length, true);
  v.setUint16(28, 0, true);
  return new Uint8Array(v.buffer);
}

function centralHeader(h: EntryHeader, offset: number): Uint8Array {
  const v = new DataView(new ArrayBuffer(46));
  v.setUint32(0, 0x02014b50, true);
  v.setUint16(4, h.versionMadeBy, true);
  v.setUint16(6, h.versionNeeded, true);
  v.setUint16(8, h.flags, true);
  v.setUint16(10, h.method, true);
  v.setUint16(12, h.time, true);
  v.setUint16(14, h.date, true);
  v.setUint32(16, h.crc >>> 0, true);
  v.setUint32(20, h.compressedSize, true);
  v.setUint32(24, h.size, true);
  v.setUint16(28, h.nameBytes.length, true);
  v.setUint32(38, h.externalAttributes >>> 0, true);
  v.setUint32(42, offset, true);
  return new Uint8Array(v.buffer);
}

/** An entry's data as stored (still compressed), read in pieces. */
export async function storedBytes(src: ByteSource, entry: ZipEntry): Promise<AsyncGenerator<Uint8Array>> {
  return rangeOf(src, await entryDataStart(src, entry), entry.compressedSize);
}

async function* rangeOf(src: ByteSource, start: number, len: number): AsyncGenerator<Uint8Array> {
  for (let done = 0; done < len; ) {
    const n = Math.min(COPY_CHUNK, len - done);
    const buf = await src.read(start + done, n);
    if (buf.length !== n) throw new Error('zip: unexpected end of file');
    yield buf;
    done += n;
  }
}

/** The content as bytes, small pieces gathered into pieces of about DEFLATE_PIECE bytes. */
async function* pieces(content: AsyncIterable<Uint8Array | string> | Uint8Array | string): AsyncGenerator<Uint8Array> {
  if (typeof content === 'string') {
    yield encoder.encode(content);
    return;
  }
  if (content instanceof Uint8Array) {
    yield content;
    return;
  }
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  for await (const c of content) {
    const b = typeof c === 'string' ? encoder.encode(c) : c;
    if (b.length >= DEFLATE_PIECE && heldBytes === 0) {
      yield b;
      continue;
    }
    held.push(b);
    heldBytes += b.length;
    if (heldBytes >= DEFLATE_PIECE) {
      yield concat(held, heldBytes);
      held = [];
      heldBytes = 0;
    }
  }
  if (heldBytes) yield concat(held, heldBytes);
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
