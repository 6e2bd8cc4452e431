/** The machine-readable report of `validate --report`: JSON or CSV, one entry per finding. */
import type { Finding } from '../model/finding.js';
import type { SheetStats } from '../parsers/rows.js';
import type { RegisterSummary } from '../register/summary.js';
import { reportCsv, reportJson, type ReportMeta } from './findings-data.js';
import { writeOutputFile } from './output-file.js';

export { reportCsv, reportJson, reportRows, type ReportMeta, type ReportRow } from './findings-data.js';

/**
 * Writes `out` as JSON, or CSV when its name ends in .csv (complete, or not at all). The JSON's
 * summary holds the register's (`register`) too; the CSV is the findings only.
 */
export async function writeReport(out: string, meta: ReportMeta, stats: readonly SheetStats[], findings: readonly Finding[], register?: RegisterSummary): Promise<void> {
  const csv = out.toLowerCase().endsWith('.csv');
  await writeOutputFile(out, csv ? reportCsv(findings) : `${JSON.stringify(reportJson(meta, stats, findings, register), null, 2)}\n`);
}
