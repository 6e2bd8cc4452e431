/** Messages between the page and the engine's worker. */
import type { Finding } from '../../src/model/finding.js';
import type { ReturnForm } from '../../src/model/form.js';
import type { ReportRow } from '../../src/report/findings-data.js';
import type { PortalError } from '../../src/upload/error-report.js';
import type { PageReading, WebCheckResult, WebFailure } from '../../src/web/check.js';

export interface CheckRequest {
  readonly type: 'check';
  readonly files: readonly File[];
  readonly gstin: string;
  readonly period: string;
  /** GSTR-1, or GSTR-1A: its checks (an amendment of its own period only, from July 2024) */
  readonly form: ReturnForm;
  readonly turnover?: number;
  readonly sez: boolean;
  /** '' for any preset */
  readonly preset: string;
  /** the column mapping saved in the browser (the JSON `gstr1 mapping init` writes): used for the files it fits */
  readonly mapping?: string;
}

/** What the page asks the worker; each request carries an id its answers carry back. */
/**
 * A job's findings from gstr1 serve (what stopped an upload, what the portal refused on the rows)
 * and the portal errors a status found, to be put on `files` (the files the page has) and worded.
 */
export interface JobFindingsRequest {
  readonly type: 'job-findings';
  readonly files: readonly File[];
  readonly findings: readonly Finding[];
  readonly portalErrors: readonly PortalError[];
  /** the job's return period (MMYYYY): a refused rate's hint lists its rates */
  readonly period: string;
}

/**
 * The JSON of the check whose result the page shows (`check`, that request's id), written by the
 * worker when first asked for: a large return's takes seconds and tens of megabytes, which a
 * check that is not downloaded does not spend, and which never cross to the page's thread as text.
 */
export interface JsonRequest {
  readonly type: 'json';
  readonly check: number;
  /** the files' name stem: `<stem>.json`, or `<stem>-1.json`... in a zip */
  readonly stem: string;
}

/** The annotated workbook: of the last check, or of `files` with `findings` (a job's). */
export interface AnnotateRequest {
  readonly type: 'annotate';
  readonly files?: readonly File[];
  readonly findings?: readonly Finding[];
}

export type Request = CheckRequest | AnnotateRequest | JobFindingsRequest | { readonly type: 'split' } | JsonRequest | { readonly type: 'portal-errors'; readonly text: string; readonly name: string } | { readonly type: 'row'; readonly file: string; readonly sheet: string; readonly row: number } | { readonly type: 'headers'; readonly file: File } | { readonly type: 'detect'; readonly files: readonly File[] } | { readonly type: 'mapping-check'; readonly text: string; readonly name: string };

export type ToWorker = Request & { readonly id: number };

/**
 * a check's result as the page shows it, with how its registers were read (a saved mapping, a
 * chosen layout); its JSON is written in the worker when asked for (JsonRequest)
 */
export type PageResult = Omit<WebCheckResult, 'raw' | 'payloads'> & { readonly reading: PageReading };

/** An answer, with the id of the request it answers (a check's progress too). */
export type FromWorker = Answer & { readonly id: number };

export type Answer =
  | { readonly type: 'progress'; readonly rows: number; readonly file: string }
  | { readonly type: 'result'; readonly result: PageResult; readonly ms: number }
  | { readonly type: 'failure'; readonly failure: WebFailure }
  | { readonly type: 'annotated'; readonly bytes: Uint8Array; readonly notes: number }
  | { readonly type: 'job-findings'; readonly rows: readonly ReportRow[]; readonly findings: readonly Finding[] }
  | { readonly type: 'split'; readonly bytes: Uint8Array; readonly sheets: readonly { readonly name: string; readonly rows: number }[]; readonly rejected: number }
  /** one payload's JSON (`files` 1), or a zip of several */
  | { readonly type: 'json'; readonly bytes: Uint8Array; readonly files: number }
  | { readonly type: 'portal-errors'; readonly bytes: Uint8Array; readonly errors: number; readonly onRows: number; readonly rows: number; readonly unmatched: number }
  | { readonly type: 'row'; readonly header: string[]; readonly cells: string[] }
  /** a mapping file the engine reads as the command line's --mapping does */
  | { readonly type: 'mapping-ok' }
  | { readonly type: 'detect'; readonly registers: readonly string[] }
  | { readonly type: 'headers'; readonly sheet: string; readonly row: number; readonly headers: { column: string; header: string; field?: string }[] };
