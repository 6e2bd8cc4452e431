/** The findings report's rows, JSON and CSV, without writing a file (the web page uses them too). */
import Papa from 'papaparse';
import type { Finding } from '../model/finding.js';
import type { SheetStats } from '../parsers/rows.js';
import type { RegisterSummary } from '../register/summary.js';
import { hintOf, messageOf, type Host } from './messages/index.js';
import { countByCode, sheetSummaries } from './summary.js';

export interface ReportRow {
  severity: string;
  code: string;
  file: string;
  sheet: string;
  row: number | null;
  column: string;
  value: string;
  message: string;
  hint: string;
}

/** The findings as rows, worded for `host` (the command line's by default). */
export function reportRows(findings: readonly Finding[], host?: Host): ReportRow[] {
  return findings.map((f) => ({
    severity: f.severity,
    code: f.code,
    file: f.file ?? '',
    sheet: f.sheet ?? '',
    row: f.row ?? null,
    column: f.column ?? '',
    value: f.value ?? '',
    message: messageOf(f, host),
    hint: hintOf(f, host),
  }));
}

export interface ReportMeta {
  gstin: string;
  period: string;
}

/**
 * The register sheets read, as the console's summary names them: the layout taken, the header row,
 * the columns the layout knows and did not read that held data (Tally's Narration...), and the
 * second columns of fields read from another column (`seconds`: header, field, the column read).
 */
function registerSheets(register: RegisterSummary) {
  return register.sheets.map((r) => ({
    file: r.file, sheet: r.sheet, layout: r.layout, headerRow: r.headerRow, passes: r.passes, unread: [...r.unread], seconds: r.seconds.map((x) => ({ ...x })),
  }));
}

/** `register`: the summary of the sales registers read, when some input was one. */
export function reportJson(meta: ReportMeta, stats: readonly SheetStats[], findings: readonly Finding[], register?: RegisterSummary) {
  const sheets = sheetSummaries(stats);
  const totals = sheets.reduce(
    (a, s) => ({ read: a.read + s.read, mapped: a.mapped + s.mapped, rejected: a.rejected + s.rejected, skipped: a.skipped + s.skipped }),
    { read: 0, mapped: 0, rejected: 0, skipped: 0 },
  );
  const errors = findings.filter((f) => f.severity === 'error').length;
  return {
    summary: {
      ...meta, sheets, totals, errors, warnings: findings.length - errors, byCode: countByCode(findings),
      ...(register ? { register: { sheets: registerSheets(register) } } : {}),
    },
    findings: reportRows(findings),
  };
}

export const REPORT_COLUMNS = ['severity', 'code', 'file', 'sheet', 'row', 'column', 'value', 'message', 'hint'] as const;

/**
 * A cell a spreadsheet would run as a formula: text starting with = + - @ (after spaces), a tab
 * or a carriage return. A plain number (-1500.00, +5) or a lone dash is data, not a formula, and
 * stays as it is.
 */
export const FORMULA_START = /^(?!\s*[+-]?\d[\d,]*(?:\.\d+)?\s*$|\s*[+-]\s*$)\s*[=+\-@]|^[\t\r]/;

/**
 * Leads the CSV: Excel on Windows opens a CSV without it (by double-click) as Windows-1252, and a
 * place of supply "27-महाराष्ट्र" or a receiver's name in any script shows as "à¤®…".
 */
const UTF8_BOM = '\uFEFF';

/**
 * The findings as CSV text, one line per finding. Values come from the user's files (an invoice
 * number `=HYPERLINK(...)`): one that would run as a formula when the CSV is opened in Excel is
 * written with a leading ' so that it shows as text. The text starts with a UTF-8 byte-order mark.
 */
export function reportCsv(findings: readonly Finding[], host?: Host): string {
  return `${UTF8_BOM}${Papa.unparse(reportRows(findings, host), { columns: [...REPORT_COLUMNS], escapeFormulae: FORMULA_START })}\r\n`;
}
