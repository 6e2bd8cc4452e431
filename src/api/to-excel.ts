/**
 * `gstr1 to-excel`: retsave JSON (one return, possibly in several chunk files, or a GSTR-1 JSON
 * downloaded from the portal) → a workbook in the official template layout. Each section's
 * mapper turns its JSON back into template rows (`toRows`), so converting the workbook again
 * gives the same JSON.
 */
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../model/errors.js';
import type { Finding } from '../model/finding.js';
import { formatPeriod, parsePeriod, type Period } from '../model/period.js';
import { SECTION_KEYS, sheetSpec, type SectionKey, type SheetId } from '../model/sheets.js';
import { MAPPERS } from '../mappers/registry.js';
import type { ReturnContext } from '../model/return.js';
import { helpLines, inTemplateOrder, templateSheetIds } from '../report/template/layout.js';
import { type WrittenSheet } from '../report/template/writer.js';
import { guardOutput } from './convert.js';
import { returnRows, type ReturnJson } from './return-rows.js';
import { jsonInputFindings, notCarriedFindings } from './json-check.js';
import { isObject } from '../model/json-object.js';

export { returnRows, type ReturnJson };

export interface ToExcelOptions {
  /** the workbook to write */
  out: string;
  /** the supplier is an SEZ unit or developer (as given to convert) */
  sez?: boolean;
  /** drop-downs cover at least this many rows per sheet (default 5000) */
  validationRows?: number;
}

export interface ToExcelResult {
  readonly file: string;
  readonly gstin: string;
  readonly fp: string;
  readonly sheets: readonly WrittenSheet[];
  /** sections that could not be carried into the workbook (errors: the workbook is incomplete) */
  readonly findings: readonly Finding[];
}

/** Envelope keys: not sections. */
const ENVELOPE = new Set(['gstin', 'fp', 'version', 'hash']);
const GSTIN_SHAPE = /^[0-9]{2}[A-Z0-9]{13}$/;


async function readJson(file: string): Promise<unknown> {
  try {
    if ((await stat(file)).isDirectory()) throw new InputError('FILE_IS_DIRECTORY', { file });
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError('FILE_NOT_FOUND', { file });
  }
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new InputError('FILE_EMPTY', { file });
  try {
    return JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0]!.slice(0, 120) : 'not JSON';
    throw new InputError('INPUT_JSON', { file, detail: `not valid JSON: ${detail}` });
  }
}

/**
 * Reads one or more JSON files of one return and merges them: array sections are concatenated,
 * object sections (hsn, nil, doc_issue, supeco...) have their lists concatenated part by part.
 */
export async function readReturnJson(files: readonly string[]): Promise<ReturnJson> {
  if (files.length === 0) throw new InputError('INPUT_JSON', { file: '(none)', detail: 'no file given' });
  let head: { gstin: string; fp: string; period: Period; file: string } | undefined;
  const sections: Record<string, unknown> = {};
  const origin: Record<string, string> = {};
  for (const file of files) {
    const doc = await readJson(file);
    if (!isObject(doc)) throw new InputError('INPUT_JSON', { file, detail: 'expected an object with gstin and fp' });
    const { gstin, fp } = doc;
    if (typeof gstin !== 'string' || !GSTIN_SHAPE.test(gstin.trim().toUpperCase())) {
      throw new InputError('INPUT_JSON', { file, detail: typeof gstin === 'string' ? `"${gstin}" is not a GSTIN` : 'no "gstin"' });
    }
    const period = typeof fp === 'string' ? parsePeriod(fp) : undefined;
    if (!period || !/^\d{6}$/.test(String(fp))) {
      throw new InputError('INPUT_JSON', { file, detail: typeof fp === 'string' ? `"${fp}" is not a return period (MMYYYY)` : 'no "fp"' });
    }
    const g = gstin.trim().toUpperCase();
    if (!head) head = { gstin: g, fp: String(fp), period, file };
    else if (head.gstin !== g || head.fp !== fp) {
      // a GSTR-1 JSON all the same, of another return: said as such, not as a file that is not one
      throw new InputError('JSON_CHUNKS_OF_TWO_RETURNS', { file, gstin: g, fp: String(fp), first: head.file, firstGstin: head.gstin, firstFp: head.fp });
    }
    for (const [key, value] of Object.entries(doc)) {
      if (ENVELOPE.has(key)) continue;
      origin[key] ??= file;
      sections[key] = merge(sections[key], value);
    }
  }
  return { gstin: head!.gstin, fp: head!.fp, period: head!.period, sections, origin };
}

function merge(acc: unknown, value: unknown): unknown {
  if (acc === undefined) return value;
  if (Array.isArray(acc) && Array.isArray(value)) return [...acc, ...value];
  if (isObject(acc) && isObject(value)) {
    const out: Record<string, unknown> = { ...acc };
    for (const [k, v] of Object.entries(value)) out[k] = merge(out[k], v);
    return out;
  }
  return value;
}

function hasContent(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (isObject(v)) return Object.values(v).some(hasContent);
  return v !== undefined && v !== null && v !== '';
}

const isSection = (k: string): k is SectionKey => (SECTION_KEYS as readonly string[]).includes(k);

/** What a return's sections become: the sheets they fill, and those that cannot be carried (with findings). */
export interface ReturnSheets {
  readonly used: ReadonlySet<SheetId>;
  readonly unreadable: ReadonlySet<string>;
  readonly findings: readonly Finding[];
}

export function returnSheets(ret: ReturnJson, ctx: ReturnContext): ReturnSheets {
  const findings: Finding[] = jsonInputFindings(ret);
  const used = new Set<SheetId>();
  const unreadable = new Set<string>();
  for (const [key, json] of Object.entries(ret.sections)) {
    // scalars are envelope details (gt/cur_gt, the FY 2017-18 turnover; filing metadata): not
    // sections, and nothing convert writes either
    if (!isSection(key) && (typeof json !== 'object' || json === null)) continue;
    if (!hasContent(json)) continue;
    const file = ret.origin[key]!;
    const mapper = isSection(key) ? MAPPERS[key] : undefined;
    if (!mapper) {
      findings.push({ code: 'JSON_SECTION_SKIPPED', severity: 'error', file, params: { section: key, file } });
      continue;
    }
    let n = 0;
    const sheetsOf = new Set<SheetId>();
    try {
      for (const r of mapper.toRows(json, ctx)) {
        sheetsOf.add(r.sheet);
        n++;
      }
    } catch {
      n = 0; // a shape the mapper cannot walk
    }
    if (n === 0) {
      findings.push({ code: 'JSON_SECTION_UNREADABLE', severity: 'error', file, params: { section: key, file } });
      unreadable.add(key);
    } else for (const s of sheetsOf) used.add(s);
  }
  return { used, unreadable, findings };
}

export function jsonContext(ret: ReturnJson, sez: boolean): ReturnContext {
  return { gstin: ret.gstin, supplierState: ret.gstin.slice(0, 2), period: ret.period, sez };
}

export async function toExcel(files: readonly string[], opts: ToExcelOptions): Promise<ToExcelResult> {
  guardOutput(files, opts.out);
  const ret = await readReturnJson(files);
  const ctx = jsonContext(ret, Boolean(opts.sez));
  const { used, unreadable, findings } = returnSheets(ret, ctx);
  const sheets = inTemplateOrder([...templateSheetIds(ret.period), ...used]);
  const about = [`Return of ${ret.gstin} for the period ${formatPeriod(ret.period)}, from ${files.join(', ')}`];
  // loaded here: validate reads JSON returns through this module and never needs exceljs
  const { writeTemplateWorkbook } = await import('../report/template/workbook-file.js');
  const res = await writeTemplateWorkbook(opts.out, {
    period: ret.period,
    sheets,
    rows: returnRows(ret, ctx, unreadable),
    help: helpLines(sheets.map((s) => sheetSpec(s)), about),
    taxAmounts: true,
    ...(opts.validationRows !== undefined ? { validationRows: opts.validationRows } : {}),
  });
  return { file: opts.out, gstin: ret.gstin, fp: ret.fp, sheets: res.sheets, findings: [...findings, ...notCarriedFindings(ret)] };
}
