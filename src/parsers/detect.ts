/**
 * Looks at a file's bytes before any parser touches it, so that an empty file, an old .xls, a
 * password-protected workbook, a truncated zip or a zip bomb gets a clear message instead of a
 * parser's stack trace.
 */
import { open, stat } from 'node:fs/promises';
import { InputError } from '../model/errors.js';

export type FileKind = 'xlsx' | 'csv';

/** Largest total uncompressed size accepted for an .xlsx (a 500k-line sheet is about 210 MB). */
export const DEFAULT_MAX_UNZIPPED = 2 * 1024 ** 3;
/** A deflated entry this many times smaller than its content is treated as hostile. */
const MAX_RATIO = 200;

export interface DetectOptions {
  maxUnzippedBytes?: number;
}

export async function detectFile(file: string, opts: DetectOptions = {}): Promise<FileKind> {
  let size: number;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw new InputError('FILE_IS_DIRECTORY', { file });
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError('FILE_NOT_FOUND', { file });
  }
  if (size === 0) throw new InputError('FILE_EMPTY', { file });
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, 8));
    await fh.read(head, 0, head.length, 0);
    const lower = file.toLowerCase();
    if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) {
      await checkZip(fh, size, file, opts.maxUnzippedBytes ?? DEFAULT_MAX_UNZIPPED);
      return 'xlsx';
    }
    if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) {
      // OLE compound file: either a legacy .xls or an encrypted (password-protected) .xlsx
      const all = Buffer.alloc(Math.min(size, 4 * 1024 * 1024));
      await fh.read(all, 0, all.length, 0);
      const marker = Buffer.from('EncryptedPackage', 'utf16le');
      if (all.includes(marker)) throw new InputError('FILE_ENCRYPTED', { file });
      throw new InputError('FILE_XLS', { file });
    }
    if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm')) {
      if (head.length >= 2 && head.readUInt16LE(0) === 0x4b50) throw new InputError('FILE_TRUNCATED', { file });
      throw new InputError('FILE_NOT_XLSX', { file });
    }
    if (lower.endsWith('.xls')) throw new InputError('FILE_XLS', { file });
    return 'csv';
  } finally {
    await fh.close();
  }
}

/**
 * Reads the zip's central directory: a truncated file has none; a bomb declares far more
 * uncompressed bytes than the limit, or an absurd compression ratio.
 */
async function checkZip(fh: import('node:fs/promises').FileHandle, size: number, file: string, limit: number) {
  const tailLen = Math.min(size, 65_557);
  const tail = Buffer.alloc(tailLen);
  await fh.read(tail, 0, tailLen, size - tailLen);
  let eocd = -1;
  for (let i = tailLen - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new InputError('FILE_TRUNCATED', { file });
  const entries = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || entries === 0xffff) throw new InputError('FILE_TOO_LARGE', { file, limit: mb(limit) });
  if (cdOffset + cdSize > size) throw new InputError('FILE_TRUNCATED', { file });
  const cd = Buffer.alloc(cdSize);
  await fh.read(cd, 0, cdSize, cdOffset);
  let total = 0;
  let p = 0;
  let names = 0;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw new InputError('FILE_TRUNCATED', { file });
    const compressed = cd.readUInt32LE(p + 20);
    const uncompressed = cd.readUInt32LE(p + 24);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
    if (name === 'xl/workbook.xml' || name === '[Content_Types].xml') names++;
    if (uncompressed === 0xffffffff) throw new InputError('FILE_TOO_LARGE', { file, limit: mb(limit) });
    total += uncompressed;
    if (uncompressed > 10 * 1024 * 1024 && uncompressed / Math.max(compressed, 1) > MAX_RATIO) {
      throw new InputError('FILE_TOO_LARGE', { file, limit: mb(limit) });
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (total > limit) throw new InputError('FILE_TOO_LARGE', { file, limit: mb(limit) });
  if (names < 2) throw new InputError('FILE_NOT_XLSX', { file });
}

function mb(n: number): string {
  return `${Math.round(n / 1024 / 1024)} MB`;
}
