/**
 * Test helpers for rules: a ParsedRow built directly from field values, on a fake sheet whose
 * columns are the template's headers in order (so findings carry row and column), and a runner
 * that passes rows through the checker exactly as the pass (src/engine) would.
 */
import type { ProcessResult } from '../engine/pass.js';
import { returnContext } from '../engine/options.js';
import type { FieldValues } from '../model/fields.js';
import { FindingList, type Finding } from '../model/finding.js';
import { sheetSpec, type SectionKey, type SheetId } from '../model/sheets.js';
import type { SectionOutput } from '../mappers/types.js';
import type { ColumnRef } from '../parsers/headers.js';
import type { ParsedRow, SheetContext, SheetStats } from '../parsers/rows.js';
import { createChecker, ruleContext } from './checker.js';
import type { Rule, ValidateOptions } from './types.js';

/** The supplier every test return uses unless told otherwise (Maharashtra). */
export const SUPPLIER = '27AAACR5055K1Z7';
/** Valid ids for tests (check characters computed). */
export const IDS = {
  /** Karnataka, normal GSTIN */
  recipient: '29AAACR5055K1Z3',
  /** Maharashtra, normal GSTIN */
  recipientSameState: '27AABCU9603R1ZN',
  uin: '0717UNO12345UNL',
  nr: '0717USA12345NRO',
  oidar: '9917SGP29001OST',
  /** TCS registrations of e-commerce operators */
  tcs: '27AAACR5055K1CI',
  tcs2: '29AABCU9603R1CU',
} as const;

const contexts = new Map<string, SheetContext>();

/** The fake sheet: template headers from column A, header on row 4, named as the template. */
export function sheetContext(sheet: SheetId, file = 'gstr1.xlsx'): SheetContext {
  const key = `${file}\u0000${sheet}`;
  let ctx = contexts.get(key);
  if (!ctx) {
    const spec = sheetSpec(sheet);
    const columns: Record<string, ColumnRef> = {};
    spec.columns.forEach((c, i) => (columns[c.field] = { header: c.header, col: i + 1 }));
    const stats: SheetStats = { file, sheet: spec.names[0]!, sheetId: sheet, read: 0, rejected: 0, skipped: 0 };
    ctx = { file, sheet: spec.names[0]!, spec, columns, format: 'xlsx', headerRow: 4, stats };
    contexts.set(key, ctx);
  }
  return ctx;
}

function cellOf(v: unknown): string | number | null {
  if (v === undefined) return null;
  if (typeof v === 'number') return v;
  return String(v);
}

/** A coerced row of `sheet` holding `values`, at spreadsheet row `row`. */
export function makeRow(sheet: SheetId, values: Partial<FieldValues>, row = 5, file = 'gstr1.xlsx'): ParsedRow {
  const ctx = sheetContext(sheet, file);
  const cells = ctx.spec.columns.map((c) => cellOf(values[c.field]));
  return { ctx, row, values, cells };
}

export interface RunOptions extends ValidateOptions {
  gstin?: string;
  /** MMYYYY; default 032025 */
  period?: string;
  sez?: boolean;
  outputs?: Map<SectionKey, SectionOutput>;
  /** sheets present in the input (default: the sheets of the rows given) */
  stats?: SheetStats[];
}

/**
 * The day a return for `period` (MMYYYY) is filed in a test that does not say: the 11th of the
 * next month, its due date. Rules that look at today (time limits, future dates) then give the
 * same findings whenever the tests run.
 */
export function filingDay(period: string): string {
  const month = Number(period.slice(0, 2));
  const year = Number(period.slice(2));
  return month === 12 ? `${year + 1}-01-11` : `${year}-${String(month + 1).padStart(2, '0')}-11`;
}

/** Runs `rules` over `rows` as one return and returns the findings (rows first, then finish). */
export async function runRules(rules: Rule | readonly Rule[], rows: readonly ParsedRow[], o: RunOptions = {}): Promise<Finding[]> {
  const period = o.period ?? '032025';
  const ctx = returnContext({ gstin: o.gstin ?? SUPPLIER, period, sez: o.sez ?? false });
  const checker = createChecker(Array.isArray(rules) ? rules : [rules as Rule], ruleContext(ctx, { today: filingDay(period), ...o }));
  for (const r of rows) checker.row!(r);
  const stats = o.stats ?? [...new Set(rows.map((r) => r.ctx.stats))];
  const result: ProcessResult = { ctx, files: [], outputs: o.outputs ?? new Map(), findings: new FindingList(), stats };
  await checker.finish!(result);
  return result.findings.items;
}

/** Only what a test asserts: code, severity, row, column (and params when asked). */
export function brief(f: Finding, withParams = false) {
  return {
    code: f.code, severity: f.severity, row: f.row, column: f.column,
    ...(withParams && f.params ? { params: f.params } : {}),
  };
}
