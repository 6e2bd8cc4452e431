/**
 * `gstr1 upload` from spreadsheets: convert and validate (refusing on local errors unless
 * forced), save chunk by chunk, and put the portal's errors back on the source rows.
 */
import { basename, dirname, extname, join } from 'node:path';
import { OutputError } from '../model/errors.js';
import type { Finding, Params } from '../model/finding.js';
import { formatPeriod } from '../model/period.js';
import { DEFAULT_MAX_BYTES, serialisePayloads } from '../mappers/payload.js';
import { nothingSent, payloadsHoldDocuments } from '../upload/chunk-totals.js';
import { matchPortalErrors } from '../upload/error-report.js';
import { refuseTimeBarredRun } from '../upload/time-bar.js';
import { uploadReturn, type RunOptions, type UploadResult } from '../upload/run.js';
import { defaultCheckers, RULES, type ValidateOptions } from '../validators/index.js';
import { rowRulesThread } from '../validators/host/row-rules-thread.js';
import { guardOutput } from './convert.js';
import { sectionOption, returnContext } from '../engine/options.js';
import { prepareRegister, type RegisterOptions } from '../register/index.js';
import { processWithRegister } from './register-pass.js';
import type { Checker, ProcessResult } from '../engine/pass.js';
import type { ReturnContext } from '../model/return.js';

export interface UploadFilesOptions extends Omit<RunOptions, 'gstin' | 'period'>, ValidateOptions {
  gstin: string;
  period: string;
  sez?: boolean;
  section?: string;
  maxBytes?: number;
  /** upload even when local validation finds errors */
  force?: boolean;
  /** annotated workbook for the portal's errors (default: beside the first input) */
  annotate?: string;
  onProgress?: (rows: number, file: string) => void;
  /** sales-register reading (--layout, --mapping, --preset) */
  register?: RegisterOptions;
}

export type UploadFilesResult =
  | { readonly status: 'refused'; readonly result: ProcessResult }
  | {
      readonly status: 'uploaded';
      readonly result: ProcessResult;
      readonly upload: UploadResult;
      /** portal errors matched to rows (or listed as unmatched) */
      readonly portalFindings: readonly Finding[];
      readonly annotated?: string;
      /**
       * the annotated workbook could not be written (FILE_WRITE: a full disk...): the upload itself
       * went through, so this is reported beside its outcome instead of hiding it
       */
      readonly annotateFailure?: { readonly code: string; readonly params: Params };
    };

/** Default name of the annotated workbook: `<input>-portal-errors.xlsx` beside the first input. */
export function defaultAnnotatedName(first: string): string {
  return join(dirname(first), `${basename(first, extname(first))}-portal-errors.xlsx`);
}

export async function uploadFiles(files: readonly string[], opts: UploadFilesOptions): Promise<UploadFilesResult> {
  // before the files are read: a return past its bar is refused whatever they hold
  refuseTimeBarredRun(opts);
  const annotateOut = opts.annotate ?? defaultAnnotatedName(files[0]!);
  guardOutput(files, annotateOut);
  const { ctx, section, result, payloads: chunks } = await convertForUpload(files, opts, (c) => defaultCheckers(c, opts, RULES, { elsewhere: rowRulesThread }));
  if (result.findings.errors > 0 && !opts.force) return { status: 'refused', result };
  const payloads = chunks();
  if (!payloadsHoldDocuments(payloads)) return { status: 'uploaded', result, upload: nothingSent(), portalFindings: [] };
  const upload = await uploadReturn({ ...opts, gstin: ctx.gstin, period: formatPeriod(ctx.period), payloads });
  const errors = upload.chunks.flatMap((c) => c.errors);
  if (!errors.length) return { status: 'uploaded', result, upload, portalFindings: [] };
  // the rows are read again to find the ones the portal refused; a register is re-classified
  const again = await prepareRegister(files, ctx, opts.register ?? {});
  const portalFindings = await matchPortalErrors(files, { period: ctx.period, ...(section ? { section } : {}), ...(again ? { rows: again.rows } : {}) }, errors);
  const { annotateFiles } = await import('../report/annotate/index.js');
  try {
    await annotateFiles(files, [...result.findings.items, ...portalFindings], annotateOut);
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    return { status: 'uploaded', result, upload, portalFindings, annotateFailure: { code: e.code, params: e.params } };
  }
  return { status: 'uploaded', result, upload, portalFindings, annotated: annotateOut };
}

/** What decides the chunks a set of spreadsheets converts to: `upload` and `file` take the same. */
export interface ConversionOptions {
  gstin: string;
  period: string;
  sez?: boolean;
  section?: string;
  maxBytes?: number;
  register?: RegisterOptions;
  onProgress?: (rows: number, file: string) => void;
}

/** The payloads a set of spreadsheets converts to (what `upload` saved), e.g. for the totals check before filing. */
export async function payloadsFromFiles(files: readonly string[], opts: ConversionOptions): Promise<string[]> {
  return (await convertForUpload(files, opts)).payloads();
}

/** The one conversion of upload and file: the same options give the same chunks, byte for byte (serialised only when asked for). */
async function convertForUpload(files: readonly string[], opts: ConversionOptions, checkers?: (ctx: ReturnContext) => readonly Checker[]) {
  const ctx = returnContext(opts);
  const section = sectionOption(opts.section);
  const { result } = await processWithRegister(files, ctx, {
    ...opts.register,
    ...(checkers ? { checkers: checkers(ctx) } : {}),
    ...(section ? { section } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const payloads = () => [...serialisePayloads(result.outputs, { gstin: ctx.gstin, fp: formatPeriod(ctx.period) }, opts.maxBytes ?? DEFAULT_MAX_BYTES)];
  return { ctx, section, result, payloads };
}
