/**
 * The blank template: the workbook (every sheet with its headers, drop-downs and the hidden
 * master sheet) and one CSV per sheet holding just the header row (`b2b,sez,de.csv`,
 * `hsn(b2b).csv`), the files `gstr1 template` writes and `npm run gen:templates` commits.
 */
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Period } from '../../model/period.js';
import { sheetSpec, type SheetId } from '../../model/sheets.js';
import { writeOutputFile } from '../output-file.js';
import { TEMPLATE_FILE, sheetName, templateSheetIds } from './layout.js';
import { writeTemplateWorkbook } from './workbook-file.js';

export interface BlankTemplateOptions {
  /** lay out for this return period (default: the current layout) */
  readonly period?: Period;
  /** where the CSV header files go (default: the same folder) */
  readonly csvDir?: string;
}

export interface BlankTemplateResult {
  readonly workbook: string;
  readonly csvDir: string;
  readonly csv: readonly string[];
}

/** A sheet's CSV header line (no trailing newline). */
export function csvHeader(id: SheetId): string {
  return Papa.unparse([sheetSpec(id).columns.filter((c) => !c.extra).map((c) => c.header)], { newline: '\r\n' });
}

export async function writeBlankTemplate(dir: string, opts: BlankTemplateOptions = {}): Promise<BlankTemplateResult> {
  const csvDir = opts.csvDir ?? dir;
  // each file makes its folder when missing (output-file.ts)
  const workbook = join(dir, TEMPLATE_FILE);
  await writeTemplateWorkbook(workbook, opts.period ? { period: opts.period } : {});
  const csv: string[] = [];
  for (const id of templateSheetIds(opts.period)) {
    const file = join(csvDir, `${sheetName(id)}.csv`);
    await writeOutputFile(file, `${csvHeader(id)}\r\n`);
    csv.push(file);
  }
  return { workbook, csvDir, csv };
}
