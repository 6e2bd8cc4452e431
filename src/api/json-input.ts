/**
 * A retsave JSON (this tool's, the Offline Tool's, a portal download, another ERP's) as the rows
 * of the workbook `gstr1 to-excel` would make of it, so the same rules check it: every row sits on
 * its template sheet at the row to-excel writes it to (header on row 4, data from row 5), with
 * the cells as to-excel writes them. A finding on a JSON thus names the file, the section's
 * sheet, the document's values and the row of the to-excel workbook.
 */
import { open, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { OptionError, OutputError } from '../model/errors.js';
import { FIELD_KINDS, type Field } from '../model/fields.js';
import { formatPeriod, parsePeriod } from '../model/period.js';
import { sheetSpec, type SheetId } from '../model/sheets.js';
import type { ReturnContext } from '../model/return.js';
import type { ColumnRef } from '../parsers/headers.js';
import type { RawCell } from '../parsers/raw.js';
import type { ParsedRow, ReadOptions, SheetContext } from '../parsers/rows.js';
import { FIRST_DATA_ROW, HEADER_ROW, inTemplateOrder, templateSheetIds } from '../report/template/layout.js';
import { cellValue } from '../report/template/render.js';
import { isCalendarDay, toPortalDate } from '../mappers/convert.js';
import type { Finding } from '../model/finding.js';
import { defaultCheckers, type ValidateOptions } from '../validators/index.js';
import { returnContext, type ReturnOptions } from '../engine/options.js';
import type { ProcessResult } from '../engine/pass.js';
import { processReturn } from './process.js';
import { readReturnJson, returnRows, returnSheets, toExcel, type ReturnJson } from './to-excel.js';

/** A file is read as JSON when its name ends in .json or its first character is `{`. */
export async function isJsonInput(file: string): Promise<boolean> {
  if (/\.json$/i.test(file)) return true;
  try {
    const fh = await open(file, 'r');
    try {
      const head = Buffer.alloc(64);
      const { bytesRead } = await fh.read(head, 0, 64, 0);
      return /^(\uFEFF)?\s*\{/.test(head.toString('utf8', 0, bytesRead));
    } finally {
      await fh.close();
    }
  } catch {
    return false; // the reader reports a file it cannot open
  }
}

/** The JSON inputs of a command: all of them, or none (a JSON is not mixed with spreadsheets). */
export async function jsonInputs(files: readonly string[]): Promise<boolean> {
  const json = await Promise.all(files.map(isJsonInput));
  if (json.every((x) => !x)) return false;
  if (json.some((x) => !x)) throw new OptionError('OPTION_CONFLICT', { options: 'a JSON return and spreadsheets' });
  return true;
}

/**
 * The return's GSTIN and period: those of the JSON, which the options may repeat but not
 * contradict (the JSON's own envelope says whose return it is).
 */
export function jsonReturnOptions<T extends ReturnOptions>(ret: ReturnJson, opts: T): T {
  const gstin = String(opts.gstin ?? '').trim().toUpperCase();
  if (gstin && gstin !== ret.gstin) throw new OptionError('JSON_RETURN_MISMATCH', { option: '--gstin', value: gstin, json: ret.gstin });
  const period = opts.period ? parsePeriod(String(opts.period)) : undefined;
  if (period && formatPeriod(period) !== ret.fp) {
    throw new OptionError('JSON_RETURN_MISMATCH', { option: '--period', value: String(opts.period), json: ret.fp });
  }
  return { ...opts, gstin: ret.gstin, period: ret.fp };
}

/** The rows of the to-excel workbook of a return, as processReturn's row source. */
export function jsonRows(ret: ReturnJson, ctx: ReturnContext): (opts: ReadOptions) => AsyncIterable<ParsedRow> {
  return (opts) => rowsOf(ret, ctx, opts);
}

async function* rowsOf(ret: ReturnJson, ctx: ReturnContext, opts: ReadOptions): AsyncGenerator<ParsedRow> {
  // sections to-excel cannot carry are reported, as to-excel reports them
  const { used, unreadable, findings } = returnSheets(ret, ctx);
  for (const f of findings) opts.findings.push(f);
  const rowsFor = returnRows(ret, ctx, unreadable);
  const sheets = inTemplateOrder([...templateSheetIds(ret.period), ...used]);
  for (const id of sheets) {
    const spec = sheetSpec(id);
    const file = ret.origin[spec.section] ?? Object.values(ret.origin)[0] ?? 'return.json';
    let sheetCtx: SheetContext | undefined;
    let n = 0;
    for (const values of rowsFor(id)) {
      if (!sheetCtx) {
        const columns: Partial<Record<Field, ColumnRef>> = {};
        spec.columns.forEach((c, i) => (columns[c.field] = { header: c.header, col: i + 1 }));
        const stats = { file, sheet: spec.names[0]!, sheetId: id, read: 0, rejected: 0, skipped: 0 };
        opts.stats.push(stats);
        sheetCtx = { file, sheet: spec.names[0]!, spec, columns, format: 'xlsx', headerRow: HEADER_ROW, stats };
      }
      sheetCtx.stats.read++;
      const row = FIRST_DATA_ROW + n++;
      // a value the JSON's check reported (an amount in quotes, 31-09-2025): the row is not checked
      // as if it held something else, as a workbook row with such a cell is not
      if (!readable(values)) {
        sheetCtx.stats.rejected++;
        continue;
      }
      const cells: RawCell[] = spec.columns.map((c) => shownCell(c.field, values[c.field]));
      yield { ctx: sheetCtx, row, values: values as ParsedRow['values'], cells };
    }
  }
}

/** Every amount, rate and percentage a number, every date a day of the calendar (ISO). */
function readable(values: Readonly<Partial<Record<Field, unknown>>>): boolean {
  for (const [field, v] of Object.entries(values)) {
    if (v === undefined) continue;
    const kind = FIELD_KINDS[field as Field];
    if ((kind === 'money' || kind === 'rate' || kind === 'percent') && typeof v !== 'number') return false;
    if (kind === 'date' && !isIsoDay(v)) return false;
  }
  return true;
}

function isIsoDay(v: unknown): boolean {
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
  return m !== null && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A value as the to-excel workbook shows it; dates as the JSON spells them (dd-mm-yyyy). */
function shownCell(field: Field, v: unknown): RawCell {
  const c = cellValue(field, v);
  if (c === undefined) return null;
  if (c instanceof Date) return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? toPortalDate(v) : c;
  return c;
}

export interface CheckJsonOptions extends ReturnOptions, ValidateOptions {
  onProgress?: (rows: number, file: string) => void;
}

/** The portal's checks on a retsave JSON (one return, possibly in chunks): the findings and the rebuilt sections. */
export async function checkJsonReturn(files: readonly string[], opts: CheckJsonOptions): Promise<ProcessResult> {
  const ret = await readReturnJson(files);
  const ctx = returnContext(jsonReturnOptions(ret, opts));
  return processReturn(files, ctx, {
    checkers: defaultCheckers(ctx, opts),
    rows: jsonRows(ret, ctx),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
}

/**
 * The findings on a JSON written onto its to-excel workbook: the workbook is made beside `out`,
 * annotated (every finding sits on the row and column to-excel gives it), then let go.
 */
export async function annotateJson(files: readonly string[], findings: readonly Finding[], out: string, sez: boolean): Promise<void> {
  const tmp = join(dirname(resolve(out)), `.${basename(out)}.${process.pid}.to-excel.xlsx`);
  try {
    await toExcel(files, { out: tmp, sez }).catch((e: unknown) => {
      // the workbook made on the way is written beside `out`: a failure to write it is `out`'s
      throw e instanceof OutputError && e.params.file === tmp ? new OutputError(e.code, { ...e.params, file: out }, { cause: e }) : e;
    });
    const inputs = new Set(files.map((f) => resolve(f)));
    const onWorkbook = findings.map((f) => (f.file && inputs.has(resolve(f.file)) ? { ...f, file: tmp } : f));
    const { annotateFiles } = await import('../report/annotate/index.js');
    await annotateFiles([tmp], onWorkbook, out);
  } finally {
    await rm(tmp, { force: true });
  }
}
