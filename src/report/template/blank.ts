/**
 * The blank template: the workbook (every sheet with its headers, drop-downs and the hidden
 * master sheet) and one CSV per sheet holding just the header row (`b2b,sez,de.csv`,
 * `hsn(b2b).csv`), the files `gstr1 template` writes and `npm run gen:templates` commits.
 */
import { lstat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import Papa from 'papaparse';
import { OptionError } from '../../model/errors.js';
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
  /** replace files already there (else: TEMPLATE_FILES_EXIST, nothing written) */
  readonly force?: boolean;
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

/**
 * Writes the blank template into `dir`. Its names are the ones a user keeps a filled-in copy
 * under (the workbook's, `b2b,sez,de.csv`...), so without `force` nothing is written when any of
 * them is already there.
 */
export async function writeBlankTemplate(dir: string, opts: BlankTemplateOptions = {}): Promise<BlankTemplateResult> {
  const csvDir = opts.csvDir ?? dir;
  const workbook = join(dir, TEMPLATE_FILE);
  const sheets = templateSheetIds(opts.period).map((id) => ({ id, file: join(csvDir, `${sheetName(id)}.csv`) }));
  if (!opts.force) await refuseFilesThere(dir, [workbook, ...sheets.map((c) => c.file)]);
  // each file makes its folder when missing (output-file.ts)
  await writeTemplateWorkbook(workbook, opts.period ? { period: opts.period } : {});
  for (const { id, file } of sheets) await writeOutputFile(file, `${csvHeader(id)}\r\n`);
  return { workbook, csvDir, csv: sheets.map((c) => c.file) };
}

/** How many of the names found are listed in the refusal (the rest are counted). */
const LISTED = 5;

async function refuseFilesThere(dir: string, files: readonly string[]): Promise<void> {
  const there: string[] = [];
  for (const f of files) if (await lstat(f).then(() => true, () => false)) there.push(basename(f));
  if (!there.length) return;
  const more = there.length - LISTED;
  const listed = there.slice(0, LISTED).join(', ') + (more > 0 ? ` and ${more} more` : '');
  throw new OptionError('TEMPLATE_FILES_EXIST', { dir, count: there.length, files: listed });
}
