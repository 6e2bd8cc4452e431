/** The machine-readable report of `validate --report`: JSON or CSV, one entry per finding. */
import { writeFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Finding } from '../model/finding.js';
import type { SheetStats } from '../parsers/rows.js';
import { hintOf, messageOf } from './messages/index.js';
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

export function reportRows(findings: readonly Finding[]): ReportRow[] {
  return findings.map((f) => ({
    severity: f.severity,
    code: f.code,
    file: f.file ?? '',
    sheet: f.sheet ?? '',
    row: f.row ?? null,
    column: f.column ?? '',
    value: f.value ?? '',
    message: messageOf(f),
    hint: hintOf(f),
  }));
}

export interface ReportMeta {
  gstin: string;
  period: string;
}

export function reportJson(meta: ReportMeta, stats: readonly SheetStats[], findings: readonly Finding[]) {
  const sheets = sheetSummaries(stats);
  const totals = sheets.reduce(
    (a, s) => ({ read: a.read + s.read, mapped: a.mapped + s.mapped, rejected: a.rejected + s.rejected, skipped: a.skipped + s.skipped }),
    { read: 0, mapped: 0, rejected: 0, skipped: 0 },
  );
  const errors = findings.filter((f) => f.severity === 'error').length;
  return {
    summary: { ...meta, sheets, totals, errors, warnings: findings.length - errors, byCode: countByCode(findings) },
    findings: reportRows(findings),
  };
}

/** Writes `out` as JSON, or CSV when its name ends in .csv. */
export async function writeReport(out: string, meta: ReportMeta, stats: readonly SheetStats[], findings: readonly Finding[]): Promise<void> {
  if (out.toLowerCase().endsWith('.csv')) {
    const rows = reportRows(findings);
    const csv = Papa.unparse(rows, { columns: ['severity', 'code', 'file', 'sheet', 'row', 'column', 'value', 'message', 'hint'] });
    await writeFile(out, `${csv}\r\n`);
  } else {
    await writeFile(out, `${JSON.stringify(reportJson(meta, stats, findings), null, 2)}\n`);
  }
}
