/** The machine-readable report of `validate --report`: JSON or CSV, one entry per finding. */
import { writeFile } from 'node:fs/promises';
import type { Finding } from '../model/finding.js';
import type { SheetStats } from '../parsers/rows.js';
import { reportCsv, reportJson, type ReportMeta } from './findings-data.js';

export { reportCsv, reportJson, reportRows, type ReportMeta, type ReportRow } from './findings-data.js';

/** Writes `out` as JSON, or CSV when its name ends in .csv. */
export async function writeReport(out: string, meta: ReportMeta, stats: readonly SheetStats[], findings: readonly Finding[]): Promise<void> {
  if (out.toLowerCase().endsWith('.csv')) {
    await writeFile(out, reportCsv(findings));
  } else {
    await writeFile(out, `${JSON.stringify(reportJson(meta, stats, findings), null, 2)}\n`);
  }
}
