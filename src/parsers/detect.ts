/**
 * Looks at a file's bytes before any parser touches it, so that an empty file, an old .xls, a
 * password-protected workbook, a truncated zip or a zip bomb gets a clear message instead of a
 * parser's stack trace.
 */
import { InputError } from '../model/errors.js';
import { SourceError, openSource, type ByteSource } from './host/source.js';
import { ZipError, readCentralDirectory, type ZipDirectory } from './zip.js';

export type FileKind = 'xlsx' | 'csv';

/** Largest total uncompressed size accepted for an .xlsx (a 500k-line sheet is about 210 MB). */
export const DEFAULT_MAX_UNZIPPED = 2 * 1024 ** 3;
/** A deflated entry this many times smaller than its content is treated as hostile. */
const MAX_RATIO = 200;

export interface DetectOptions {
  maxUnzippedBytes?: number;
}

export async function detectFile(file: string, opts: DetectOptions = {}): Promise<FileKind> {
  return (await detectFileSize(file, opts)).kind;
}

/** detectFile, and the file's size in bytes. */
export async function detectFileSize(file: string, opts: DetectOptions = {}): Promise<{ kind: FileKind; size: number }> {
  let fh: ByteSource;
  try {
    fh = await openSource(file);
  } catch (e) {
    if (e instanceof SourceError) throw new InputError(e.code === 'directory' ? 'FILE_IS_DIRECTORY' : 'FILE_NOT_FOUND', { file });
    // there, but it cannot be opened (permissions, a lock)
    const code = (e as { code?: unknown }).code;
    throw new InputError('FILE_UNREADABLE', { file, detail: typeof code === 'string' ? code : 'it cannot be opened' }, { cause: e });
  }
  try {
    const size = fh.size;
    if (size === 0) throw new InputError('FILE_EMPTY', { file });
    const head = Buffer.from(await fh.read(0, Math.min(size, 8)));
    const lower = file.toLowerCase();
    if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) {
      await checkZip(fh, file, opts.maxUnzippedBytes ?? DEFAULT_MAX_UNZIPPED);
      return { kind: 'xlsx', size };
    }
    if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) {
      // OLE compound file: either a legacy .xls or an encrypted (password-protected) .xlsx
      const all = Buffer.from(await fh.read(0, Math.min(size, 4 * 1024 * 1024)));
      const marker = Buffer.from('EncryptedPackage', 'utf16le');
      if (all.includes(marker)) throw new InputError('FILE_ENCRYPTED', { file });
      throw new InputError('FILE_XLS', { file });
    }
    if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm')) {
      if (head.length >= 2 && head.readUInt16LE(0) === 0x4b50) throw new InputError('FILE_TRUNCATED', { file });
      throw new InputError('FILE_NOT_XLSX', { file });
    }
    if (lower.endsWith('.xls')) throw new InputError('FILE_XLS', { file });
    return { kind: 'csv', size };
  } finally {
    await fh.close();
  }
}

/**
 * Reads the zip's central directory (see zip.ts): a truncated file has none; a bomb declares far
 * more uncompressed bytes than the limit, or an absurd compression ratio. (A bomb that lies about
 * its sizes is cut off while it is read: zip.ts stops at the declared size.)
 */
async function checkZip(fh: ByteSource, file: string, limit: number) {
  let dir: ZipDirectory;
  try {
    dir = await readCentralDirectory(fh);
  } catch (e) {
    throw zipInputError(e, file);
  }
  let total = 0;
  let names = 0;
  for (const e of dir.entries) {
    if (e.name === 'xl/workbook.xml' || e.name === '[Content_Types].xml') names++;
    total += e.size;
    if (e.size > 10 * 1024 * 1024 && e.size / Math.max(e.compressedSize, 1) > MAX_RATIO) {
      throw new InputError('FILE_TOO_LARGE', { file, limit: mb(limit), size: mb(e.size), part: e.name, compressed: size(e.compressedSize), ratio: MAX_RATIO });
    }
  }
  if (total > limit) throw new InputError('FILE_TOO_LARGE', { file, limit: mb(limit), size: mb(total) });
  if (names < 2) throw new InputError('FILE_NOT_XLSX', { file });
}

/** The message for a zip that cannot be read: damaged, encrypted, or in a form not supported. */
export function zipInputError(e: unknown, file: string): Error {
  if (!(e instanceof ZipError)) return e instanceof Error ? e : new Error(String(e));
  switch (e.code) {
    case 'truncated':
    case 'corrupt':
      return new InputError('FILE_TRUNCATED', { file }, { cause: e });
    case 'encrypted':
      return new InputError('FILE_ENCRYPTED', { file }, { cause: e });
    case 'zip64':
      return new InputError('FILE_UNREADABLE', { file, detail: 'it is a ZIP64 archive (over 4 GB, or written by an unusual tool), which is not supported' }, { cause: e });
    default:
      return new InputError('FILE_UNREADABLE', { file, detail: e.message.replace(/^zip: /, '') }, { cause: e });
  }
}

function mb(n: number): string {
  return `${Math.round(n / 1024 / 1024).toLocaleString('en-IN')} MB`;
}

function size(n: number): string {
  return n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : mb(n);
}
