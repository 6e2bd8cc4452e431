/**
 * Cheap looks into a file before it is read in full, to tell a sales register from a template
 * workbook: an .xlsx's sheet names (from xl/workbook.xml, inflated on its own), and the first
 * rows of a sheet or CSV.
 */
import { open } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import type { RawRow, RawSheet } from '../parsers/raw.js';
import { isBlank } from '../parsers/raw.js';

/** Sheet names of an .xlsx in workbook order, or undefined when the zip cannot be read this way. */
export async function xlsxSheetNames(file: string): Promise<string[] | undefined> {
  let fh: import('node:fs/promises').FileHandle | undefined;
  try {
    fh = await open(file, 'r');
    const size = (await fh.stat()).size;
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
    if (eocd < 0) return undefined;
    const entries = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset + cdSize > size) return undefined;
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    let p = 0;
    for (let i = 0; i < entries && p + 46 <= cd.length; i++) {
      const method = cd.readUInt16LE(p + 10);
      const compressed = cd.readUInt32LE(p + 20);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      const local = cd.readUInt32LE(p + 42);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
      p += 46 + nameLen + extraLen + commentLen;
      if (name !== 'xl/workbook.xml') continue;
      if (compressed > 16 * 1024 * 1024) return undefined;
      const lh = Buffer.alloc(30);
      await fh.read(lh, 0, 30, local);
      if (lh.readUInt32LE(0) !== 0x04034b50) return undefined;
      const start = local + 30 + lh.readUInt16LE(26) + lh.readUInt16LE(28);
      const data = Buffer.alloc(compressed);
      await fh.read(data, 0, compressed, start);
      const xml = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
      const names: string[] = [];
      for (const m of xml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g)) names.push(unescapeXml(m[1]!));
      return names;
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    await fh?.close();
  }
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/** The first `n` non-blank rows of a sheet; the rest is read to the end (exceljs must be drained). */
export async function firstRows(sheet: RawSheet, n = 10, drain = true): Promise<RawRow[]> {
  const out: RawRow[] = [];
  const it = sheet.rows[Symbol.asyncIterator]();
  for (;;) {
    const r = await it.next();
    if (r.done) break;
    if (out.length < n) {
      if (!r.value.cells.every(isBlank)) out.push(r.value);
      continue;
    }
    if (!drain) {
      await it.return?.();
      break;
    }
  }
  return out;
}
