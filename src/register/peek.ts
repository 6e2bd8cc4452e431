/**
 * Cheap looks into a file before it is read in full, to tell a sales register from a template
 * workbook: an .xlsx's sheet names (from xl/workbook.xml, inflated on its own), and the first
 * rows of a sheet or CSV.
 */
import type { RawRow, RawSheet } from '../parsers/raw.js';
import { isBlank } from '../parsers/raw.js';
import { readEntry, readZip } from '../parsers/zip.js';

/** Sheet names of an .xlsx in workbook order, or undefined when the zip cannot be read this way. */
export async function xlsxSheetNames(file: string): Promise<string[] | undefined> {
  try {
    const book = (await readZip(file)).entries.find((e) => e.name === 'xl/workbook.xml');
    if (!book || book.compressedSize > 16 * 1024 * 1024) return undefined;
    const xml = (await readEntry(file, book)).toString('utf8');
    const names: string[] = [];
    for (const m of xml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g)) names.push(unescapeXml(m[1]!));
    return names;
  } catch {
    return undefined;
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
