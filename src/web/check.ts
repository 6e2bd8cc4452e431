/**
 * The engine as the web page's worker calls it: the same reading, mapping, checks, payload
 * writer, totals and annotated workbook as the command line, over inputs the browser host holds
 * (named by their file names). Results are plain data, to cross postMessage.
 */
import { returnContext, sectionOption, type ReturnOptions } from '../engine/options.js';
import { Gstr1Error } from '../model/errors.js';
import type { Finding } from '../model/finding.js';
import type { ReturnForm } from '../model/form.js';
import { formatPeriod, parsePeriod, parseQuarter } from '../model/period.js';
import { DEFAULT_MAX_BYTES, payloadElements, serialisePayloads } from '../mappers/payload.js';
import { cellText } from '../parsers/raw.js';
import { readCsv } from '../parsers/csv.js';
import { detectFile } from '../parsers/detect.js';
import { readXlsx } from '../parsers/xlsx.js';
import { processWithRegister } from '../api/register-pass.js';
import type { RegisterOptions } from '../register/index.js';
import { columnsNotReadLines, documentSeriesRows, seriesLeftOutNote, skippedRowsLines } from '../register/summary.js';
import { reportCsv, reportRows, type ReportRow } from '../report/findings-data.js';
import { hintOf, messageOf } from '../report/messages/index.js';
import { sheetSummaries, type SheetSummary } from '../report/summary.js';
import { matchPortalErrors, portalErrorCounts, unmatchedFinding, type PortalError, type PortalErrorCounts } from '../upload/error-report.js';
import { parseStatusFile } from '../upload/status-file.js';
import { TotalsTally, type SectionTotal } from '../upload/totals.js';
import { annotateToBytes } from '../report/annotate/browser.js';
import { templateToBytes } from '../report/template/in-memory.js';
import { zipFiles } from '../report/zip-files.js';
import { splitTemplate } from '../api/split-template.js';
import { defaultCheckers, type ValidateOptions } from '../validators/index.js';

export { browserHost } from '../parsers/host/browser.js';
export { installHost } from '../parsers/host/source.js';
export { annotateToBytes };
export { draftMapping, mappingLayout, mappingText, readFileHeaders, type MappingFile } from '../register/mapping.js';
export { REGISTER_FIELDS, registerFieldSpec } from '../register/fields.js';
export { PRESETS } from '../register/layouts.js';
export { findRegisterFiles } from '../register/reader.js';
export { pageReading, type PageReading } from '../api/page-reading.js';

export interface WebCheckOptions extends ReturnOptions, ValidateOptions {
  section?: string;
  /** register reading: layout, preset, and a mapping file's name as the host knows it */
  register?: Omit<RegisterOptions, 'onExplain'>;
  onProgress?: (rows: number, file: string) => void;
  maxBytes?: number;
}

export interface WebCheckResult {
  readonly gstin: string;
  readonly period: string;
  /** the form the return was checked as */
  readonly form: ReturnForm;
  /** a quarterly filer's return for the quarter (the period was given as one, Q2-2025-26): `period` is its last month */
  readonly quarterly: boolean;
  readonly errors: number;
  readonly warnings: number;
  readonly sheets: readonly SheetSummary[];
  readonly findings: readonly ReportRow[];
  /** the return's summary per table, as the portal shows it (from the payloads) */
  readonly totals: readonly SectionTotal[];
  /** the retsave JSON, one text per payload (several when over the size limit); none when the return has errors */
  readonly payloads: readonly string[];
  readonly csv: string;
  /** inputs read as sales registers */
  readonly registerFiles: readonly string[];
  /** per register sheet, what it held in columns not read, as the command line's summary says it ("file › sheet: columns not read ...") */
  readonly registerColumnsNotRead: readonly string[];
  /** register rows skipped as no document (totals lines, rows with data only in columns not read), as the command line's summary says them */
  readonly registerSkipped: readonly string[];
  /** the documents-issued series (Table 13) derived from the registers, a header row first, as the command line's summary prints them; none without a register */
  readonly registerSeries: readonly (readonly string[])[];
  /** why a series' total leaves numbers of its range out (a credit note among the invoices, a draft), when one does */
  readonly registerSeriesNote?: string;
  /** the findings as data, for the annotated workbook */
  readonly raw: readonly Finding[];
}

/** A failure that stops the run (an option, an unreadable file), in the catalogue's words for the page's fields. */
export interface WebFailure {
  readonly code: string;
  readonly message: string;
  readonly hint: string;
}

export function failureOf(e: unknown): WebFailure | undefined {
  if (!(e instanceof Gstr1Error)) return undefined;
  const f = { code: e.code, params: e.params };
  return { code: e.code, message: messageOf(f, 'web'), hint: hintOf(f, 'web') };
}

/** A check whose JSON is written when asked for (the page's Download JSON), not with the result. */
export interface CheckedReturn {
  readonly result: Omit<WebCheckResult, 'payloads'>;
  /** the retsave JSON, as WebCheckResult.payloads; written at the first call */
  payloads(): readonly string[];
}

export async function checkReturn(files: readonly string[], opts: WebCheckOptions): Promise<WebCheckResult> {
  const checked = await checkReturnJsonLater(files, opts);
  return { ...checked.result, payloads: checked.payloads() };
}

/**
 * checkReturn, its JSON left to be written on demand: the page shows the result without the
 * seconds a large return's JSON takes, and writes it only for a download.
 */
export async function checkReturnJsonLater(files: readonly string[], opts: WebCheckOptions): Promise<CheckedReturn> {
  const ctx = returnContext(opts);
  const section = sectionOption(opts.section);
  // a period typed as a quarter is a quarterly filer's, as the command line takes --period Q2-2025-26
  const quarterly = opts.quarterly ?? parseQuarter(opts.period) !== undefined;
  const { result, run } = await processWithRegister(files, ctx, {
    ...opts.register,
    checkers: defaultCheckers(ctx, { ...opts, quarterly }),
    ...(section ? { section } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const findings = result.findings.items;
  const env = { gstin: ctx.gstin, fp: formatPeriod(ctx.period) };
  // the totals are those of the payloads, so what the table shows is what would be uploaded:
  // added up from the elements the payloads are written from
  const tally = new TotalsTally();
  for (const e of payloadElements(result.outputs)) tally.add(e.key, e.part, e.element);
  const errors = result.findings.errors;
  // with errors there is no JSON to write: what it would be written from goes now
  if (errors > 0) result.outputs.clear();
  let texts: readonly string[] | undefined;
  const payloads = (): readonly string[] => {
    if (!texts) {
      const all = errors > 0 ? [] : [...serialisePayloads(result.outputs, env, opts.maxBytes ?? DEFAULT_MAX_BYTES)];
      result.outputs.clear();
      // a return without errors has its JSON even when it holds no document: the envelope
      texts = errors > 0 || all.length ? all : [JSON.stringify(env)];
    }
    return texts;
  };
  return {
    result: {
      gstin: ctx.gstin,
      period: env.fp,
      form: opts.form ?? 'gstr1',
      quarterly,
      errors,
      warnings: result.findings.warnings,
      sheets: sheetSummaries(result.stats),
      // worded for the page: an option is named by its form field, not its flag
      findings: reportRows(findings, 'web'),
      totals: tally.totals(),
      csv: reportCsv(findings, 'web'),
      registerFiles: run ? [...run.registerFiles] : [],
      registerColumnsNotRead: run ? run.summary.sheets.flatMap((r) => columnsNotReadLines(r).map((line) => `${r.file} › ${r.sheet}: ${line}`)) : [],
      registerSkipped: run ? skippedRowsLines(run.summary) : [],
      registerSeries: run?.summary.series.length ? documentSeriesRows(run.summary.series) : [],
      ...(run && seriesLeftOutNote(run.summary.series) ? { registerSeriesNote: seriesLeftOutNote(run.summary.series) } : {}),
      raw: findings,
    },
    payloads,
  };
}

/**
 * The cells of one row of an input, as text, with headers beside them: of the rows above it (the
 * first ten), the one with the most text cells (the template's own header row sits under a title).
 */
export async function rowCells(file: string, sheet: string, row: number): Promise<{ header: string[]; cells: string[] } | undefined> {
  const kind = await detectFile(file);
  for await (const s of kind === 'xlsx' ? readXlsx(file) : readCsv(file)) {
    if (kind === 'xlsx' && s.name !== sheet) continue;
    let header: string[] = [];
    let best = 0;
    let seen = 0;
    for await (const r of s.rows) {
      const texts = r.cells.map((c) => cellText(c));
      if (r.row === row) return { header, cells: texts };
      const words = r.cells.filter((c) => typeof c === 'string' && c.trim() !== '').length;
      if (seen++ < 10 && words > best) {
        best = words;
        header = texts;
      }
      if (r.row > row) break;
    }
    return undefined;
  }
  return undefined;
}

export interface PortalErrorsOnRows extends PortalErrorCounts {
  readonly bytes: Uint8Array;
}

/**
 * A return-status or error-report JSON saved from the portal or a provider (`file`, as the user
 * chose it), put on the rows of `files` (what `gstr1 annotate --status` does): the annotated
 * workbook, and how the errors landed. A file that is not one (the return's own JSON) is refused.
 * `period`, the return's (MMYYYY), lets a refused rate's hint list the period's rates.
 */
export async function annotatePortalErrors(files: readonly string[], statusText: string, file: string, period?: string): Promise<PortalErrorsOnRows> {
  const parsed = parseStatusFile(statusText, file);
  const findings = await matchPortalErrors(files, matchContext(period), parsed.errors);
  const out = await annotateToBytes(files, findings);
  return { bytes: out.bytes, ...portalErrorCounts(parsed.errors.length, findings) };
}

const matchContext = (period: string | undefined) => {
  const p = period ? parsePeriod(period) : undefined;
  return p ? { period: p } : {};
};

/**
 * A portal job's findings as the page lists them: those gstr1 serve sent (already on the rows of
 * the files it read, named as the page chose them), and the portal's errors a status call found,
 * put on the rows of `files` (none: each listed without a row), all worded for the page.
 */
export async function jobFindings(files: readonly string[], findings: readonly Finding[], portalErrors: readonly PortalError[], period?: string): Promise<{ rows: ReportRow[]; findings: Finding[] }> {
  const ctx = matchContext(period);
  const onRows = !portalErrors.length ? [] : files.length ? await matchPortalErrors(files, ctx, portalErrors) : portalErrors.map((e) => unmatchedFinding(e, ctx));
  const all = [...findings, ...onRows];
  // an error on no row of these files is known by its document (section, recipient, number...): shown as its value
  const rows = reportRows(all, 'web').map((r, i) => (all[i]!.unmatched && !r.value ? { ...r, value: String(all[i]!.params?.document ?? '') } : r));
  return { rows, findings: all };
}

export interface SplitBytes {
  readonly bytes: Uint8Array;
  /** the template's sheets that have rows, with their row counts */
  readonly sheets: readonly { readonly name: string; readonly rows: number }[];
  /** lines rejected for their errors: not in the workbook */
  readonly rejected: number;
}

/**
 * The sales register as the official template workbook, filled: what `gstr1 split` writes (the
 * same classification, mapping and rows), as bytes to download.
 */
export async function splitToBytes(files: readonly string[], opts: WebCheckOptions): Promise<SplitBytes> {
  const { register, onProgress, section: _section, maxBytes: _maxBytes, ...rest } = opts;
  const { result, template } = await splitTemplate(files, { ...rest, ...register, ...(onProgress ? { onProgress } : {}) });
  result.outputs.clear();
  const out = await templateToBytes(template);
  return { bytes: out.bytes, sheets: out.sheets.filter((s) => s.rows > 0).map((s) => ({ name: s.name, rows: s.rows })), rejected: result.stats.reduce((a, s) => a + s.rejected, 0) };
}

/** A return's payloads (several when it is over the upload limit) as one zip: `<stem>-1.json`, `<stem>-2.json`… */
export async function payloadsZip(payloads: readonly string[], stem: string): Promise<Uint8Array> {
  const enc = new TextEncoder();
  return zipFiles(payloads.map((p, i) => ({ name: `${stem}-${i + 1}.json`, bytes: enc.encode(p) })));
}
