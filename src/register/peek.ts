/**
 * A cheap look into a sheet before it is read in full: its first rows, to tell a sales register
 * from a template sheet (an .xlsx's sheet names come from src/parsers' xlsxSheetNames). The
 * readers stream each sheet on demand, so stopping after the first rows reads no more of it.
 */
import type { RawRow, RawSheet } from '../parsers/raw.js';
import { isBlank } from '../parsers/raw.js';

/** The first `n` non-blank rows of a sheet; the rest of it is not read. */
export async function firstRows(sheet: RawSheet, n = 10): Promise<RawRow[]> {
  const out: RawRow[] = [];
  const it = sheet.rows[Symbol.asyncIterator]();
  try {
    while (out.length < n) {
      const r = await it.next();
      if (r.done) break;
      if (!r.value.cells.every(isBlank)) out.push(r.value);
    }
  } finally {
    await it.return?.();
  }
  return out;
}
