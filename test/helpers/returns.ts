/** Builds small returns as CSV files in the template's column layout, and converts them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { convertFiles, type ConvertOptions } from '../../src/api/convert.js';
import { sheetSpec, type SheetId } from '../../src/model/sheets.js';
import { tempDir, writeText } from './files.js';

export const SUPPLIER = '27AAACR5055K1Z7';

/** A CSV named after the sheet, with the sheet's headers; rows give values by header text. */
export function sheetCsv(dir: string, sheet: SheetId, rows: Record<string, string | number>[], fileName?: string): string {
  const spec = sheetSpec(sheet);
  const headers = spec.columns.map((c) => c.header);
  for (const r of rows) for (const k of Object.keys(r)) if (!headers.includes(k)) throw new Error(`${sheet} has no column ${k}`);
  const csv = Papa.unparse({ fields: headers, data: rows.map((r) => headers.map((h) => r[h] ?? '')) });
  return writeText(dir, fileName ?? `${spec.names[0]}.csv`, csv);
}

export async function convertCsvs(
  build: (dir: string) => string[],
  opts: Partial<ConvertOptions> = {},
): Promise<{ json: Record<string, any>; result: Awaited<ReturnType<typeof convertFiles>> }> {
  const dir = tempDir();
  const files = build(dir);
  const out = join(dir, 'out.json');
  const result = await convertFiles(files, { gstin: SUPPLIER, period: '032025', out, force: true, ...opts });
  const json = result.written.length ? JSON.parse(readFileSync(result.written[0]!, 'utf8')) : {};
  return { json, result };
}
