/** The plain-text summary printed after convert / validate: rows per sheet, findings per code. */
import type { Finding } from '../model/finding.js';
import type { SheetStats } from '../parsers/rows.js';
import { hintOf, messageOf } from './messages/index.js';

export interface SummaryInput {
  readonly stats: readonly SheetStats[];
  readonly findings: readonly Finding[];
}

export interface SheetSummary {
  file: string;
  sheet: string;
  read: number;
  mapped: number;
  rejected: number;
  skipped: number;
}

export function sheetSummaries(stats: readonly SheetStats[]): SheetSummary[] {
  return stats.map((s) => ({ file: s.file, sheet: s.sheet, read: s.read, mapped: s.read - s.rejected, rejected: s.rejected, skipped: s.skipped }));
}

/** Errors and warnings counted by code and sheet. */
export function countByCode(findings: readonly Finding[]): { code: string; severity: string; sheet: string; count: number }[] {
  const m = new Map<string, { code: string; severity: string; sheet: string; count: number }>();
  for (const f of findings) {
    const k = `${f.severity}\u0000${f.code}\u0000${f.sheet ?? ''}`;
    const e = m.get(k);
    if (e) e.count++;
    else m.set(k, { code: f.code, severity: f.severity, sheet: f.sheet ?? '', count: 1 });
  }
  return [...m.values()].sort((a, b) => (a.severity === b.severity ? b.count - a.count : a.severity === 'error' ? -1 : 1));
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd()).join('\n');
}

/** Where a finding is, as a person reads it: `sales.xlsx › b2b,sez,de › row 12 › Invoice date`. */
export function where(f: Finding): string {
  return [f.file, f.sheet, f.row !== undefined ? `row ${f.row}` : undefined, f.column].filter((x) => x !== undefined && x !== '').join(' › ');
}

export function formatSummary(input: SummaryInput, opts: { maxListed?: number } = {}): string {
  const out: string[] = [];
  const sheets = sheetSummaries(input.stats);
  if (sheets.length) {
    const rows = [['sheet', 'read', 'mapped', 'rejected', 'skipped']];
    for (const s of sheets) rows.push([`${s.file} › ${s.sheet}`, String(s.read), String(s.mapped), String(s.rejected), String(s.skipped)]);
    const t = sheets.reduce((a, s) => ({ read: a.read + s.read, mapped: a.mapped + s.mapped, rejected: a.rejected + s.rejected, skipped: a.skipped + s.skipped }), { read: 0, mapped: 0, rejected: 0, skipped: 0 });
    rows.push(['total', String(t.read), String(t.mapped), String(t.rejected), String(t.skipped)]);
    out.push(table(rows));
  }
  const errors = input.findings.filter((f) => f.severity === 'error').length;
  const warnings = input.findings.length - errors;
  out.push('');
  out.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  const counts = countByCode(input.findings);
  if (counts.length) {
    const rows = [['code', 'severity', 'sheet', 'count']];
    for (const c of counts) rows.push([c.code, c.severity, c.sheet, String(c.count)]);
    out.push(table(rows));
  }
  const max = opts.maxListed ?? 20;
  const listed = [...input.findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)).slice(0, max);
  if (listed.length) {
    out.push('');
    for (const f of listed) {
      out.push(`${f.severity === 'error' ? 'error' : 'warning'} ${f.code}  ${where(f) || 'the return as a whole'}`);
      out.push(`    ${messageOf(f)}`);
      const h = hintOf(f);
      if (h) out.push(`    fix: ${h}`);
    }
    if (input.findings.length > max) out.push(`... and ${input.findings.length - max} more (use --report to list them all)`);
  }
  return out.join('\n');
}
