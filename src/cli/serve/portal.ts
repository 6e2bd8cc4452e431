/**
 * The portal actions of the page, through the same public functions as `gstr1 upload`, `status`,
 * `reset` and `file` (same journal, same lock, same checks). Credentials stay in this process: what goes
 * back to the page is outcomes, counts, totals and the ARN.
 */
import { basename, join } from 'node:path';
import { defaultAnnotatedName, payloadsFromFiles, uploadFiles } from '../../api/upload.js';
import { Gstr1Error } from '../../model/errors.js';
import { parseQuarter } from '../../model/period.js';
import type { Finding, Params } from '../../model/finding.js';
import type { ReturnForm } from '../../model/form.js';
import { hintOf, messageOf } from '../../report/messages/index.js';
import type { RegisterOptions } from '../../register/index.js';
import { pageReading } from '../../api/page-reading.js';
import type { ProviderName } from '../../upload/config.js';
import type { Notice } from '../../upload/journal.js';
import { fileReturn, resetReturn, returnStatus, type RunOptions } from '../../upload/run.js';
import { normaliseReturn } from '../../upload/run-context.js';
import { refuseTimeBarredRun } from '../../upload/time-bar.js';
import type { Failure, Job, Stop, Worded } from './jobs.js';

/**
 * serve's own copy of the workbook with the portal's errors, in the folder of the chosen files: a
 * name starting with a dot, which no chosen file can have (SERVE_FILE_NAME), so it never takes the
 * place of one, whatever the user's workbooks are called.
 */
const ANNOTATED = '.portal-errors.xlsx';

/** How the server reaches the provider (from its own command line and environment). */
export interface PortalSettings {
  readonly provider: ProviderName;
  readonly baseUrl?: string;
  readonly configFile?: string;
  readonly journalDir?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** wait between status polls */
  readonly pollMs?: number;
}

export interface PortalRequest {
  readonly action: 'upload' | 'status' | 'reset' | 'file';
  readonly gstin: string;
  readonly period: string;
  /** GSTR-1 unless the page chose GSTR-1A: the same runs as the command line's --form */
  readonly form?: ReturnForm;
  readonly sez?: boolean;
  readonly pan?: string;
  /** the options of the page's own check: the same rules and the same reading of a sales register */
  readonly turnover?: number;
  readonly preset?: string;
  /** the page's column mapping, saved as a file by the server */
  readonly mapping?: string;
}

/**
 * How the page's check read a sales register: upload and filing read `files` the same way (the
 * chosen layout, or the page's saved mapping for the files it fits, as the page decides it).
 */
async function registerOf(r: PortalRequest, files: readonly string[]): Promise<RegisterOptions> {
  return (await pageReading(files, { ...(r.preset ? { preset: r.preset } : {}), ...(r.mapping ? { mapping: r.mapping } : {}) })).register;
}

export function failureOf(e: unknown): Failure {
  if (e instanceof Gstr1Error) return wording({ code: e.code, params: e.params });
  // never a stack trace, and nothing that could carry a secret: only that it failed
  return wording({ code: 'SERVE_INTERNAL', params: {} });
}

/** A file the page chose, as serve holds it (job-request.ts HeldFile): its name on the page, its path here. */
interface ChosenFile {
  readonly name: string;
  readonly path: string;
}

/**
 * Findings as the page knows its files: by the names it chose them under, not the paths of serve's
 * temporary folder (in the finding's place and in its parameters, e.g. the file of a first use).
 */
export function asChosen(findings: readonly Finding[], files: readonly ChosenFile[]): Finding[] {
  const names = new Map(files.map((f) => [f.path, f.name]));
  const named = <T>(v: T): T => (typeof v === 'string' && names.has(v) ? (names.get(v) as T) : v);
  return findings.map((f) => ({
    ...f,
    ...(f.file !== undefined ? { file: named(f.file) } : {}),
    ...(f.params ? { params: Object.fromEntries(Object.entries(f.params).map(([k, v]) => [k, named(v)])) } : {}),
  }));
}

/** A code and its parameters as the page shows them: options named by its form fields. */
function wording(f: { readonly code: string; readonly params: Params }): Worded {
  return { code: f.code, message: messageOf(f, 'web'), hint: hintOf(f, 'web') };
}

/**
 * Why the annotated copy is missing, in the page's terms: the file is the server's own (the user
 * named none), so a failed write of it is told as such; a full temporary folder keeps its code.
 */
function annotatedNotWritten(f: { readonly code: string; readonly params: Params }): { code: string; params: Params } {
  return f.code === 'FILE_WRITE' ? { code: 'SERVE_ANNOTATED_NOT_WRITTEN', params: f.params } : f;
}

/** Why an OTP is asked again, in the page's words, for its question. */
function worded(why: Notice | undefined): { why?: Worded } {
  return why ? { why: wording(why) } : {};
}

function runOptions(s: PortalSettings, r: PortalRequest, job: Job): RunOptions {
  return {
    gstin: r.gstin,
    period: r.period,
    ...(r.form === 'gstr1a' ? { form: r.form } : {}),
    provider: s.provider,
    ...(s.baseUrl ? { baseUrl: s.baseUrl } : {}),
    ...(s.configFile ? { configFile: s.configFile } : {}),
    ...(s.env ? { env: s.env } : {}),
    // where gstr1 upload, status and file keep it, unless serve was told otherwise
    ...(s.journalDir ? { journalDir: s.journalDir } : {}),
    ...(s.pollMs !== undefined ? { poll: { intervalsMs: [s.pollMs] } } : {}),
    otp: (why) => job.ask({ kind: 'otp', ...worded(why) }),
  };
}

/** Runs `r` for `job` on `held` (saved in `dir`); the result is what the page shows. */
export async function runPortal(s: PortalSettings, r: PortalRequest, held: readonly ChosenFile[], dir: string, job: Job): Promise<void> {
  const files = held.map((f) => f.path);
  try {
    const run = runOptions(s, r, job);
    // a GSTR-1A for a period before the form existed: refused as the command line refuses it, before the files are read
    normaliseReturn(run);
    if (r.action === 'upload') {
      const annotated = join(dir, ANNOTATED);
      const res = await uploadFiles(files, {
        ...run,
        sez: Boolean(r.sez),
        annotate: annotated,
        register: await registerOf(r, files),
        // a period typed as a quarter (Q2-2025-26) is a quarterly filer's, as on the page and with --period
        ...(parseQuarter(r.period) ? { quarterly: true } : {}),
        ...(r.turnover !== undefined ? { turnover: r.turnover } : {}),
      });
      if (res.status === 'refused') {
        // the page lists what stopped it (GET /api/job/findings), as its own check lists findings
        job.findings = { findings: asChosen(res.result.findings.items, held), portalErrors: [] };
        job.finish({ status: 'refused', errors: res.result.findings.errors, warnings: res.result.findings.warnings });
        return;
      }
      job.findings = { findings: asChosen(res.portalFindings, held), portalErrors: [] };
      // downloaded under the name gstr1 upload gives it: <first workbook>-portal-errors.xlsx
      job.annotated = res.annotated ? { path: res.annotated, name: basename(defaultAnnotatedName(held[0]!.name)) } : undefined;
      job.finish({
        status: 'uploaded',
        // a return with no document is not sent: said in the catalogue's words, as gstr1 upload says it
        ...(res.upload.total === 0 ? { nothingUploaded: wording({ code: 'UPLOAD_NOTHING_UPLOADED', params: {} }) } : {}),
        complete: res.upload.complete,
        pending: res.upload.pending,
        total: res.upload.total,
        chunks: res.upload.chunks.map((c) => ({ index: c.index, outcome: c.outcome, errors: c.errors.length, resumed: c.resumed })),
        portalErrors: res.portalFindings.length,
        annotated: Boolean(job.annotated),
        ...(job.annotated ? { annotatedName: job.annotated.name } : {}),
        // the upload happened; only the marked-up copy of the portal's errors is missing, and the page says why
        ...(res.annotateFailure ? { annotateFailure: wording(annotatedNotWritten(res.annotateFailure)) } : {}),
      });
      return;
    }
    if (r.action === 'status') {
      const st = await returnStatus(run);
      // the latest upload's chunks: those it superseded are not what the portal is compared with
      const chunks = st.chunks.filter((c) => !c.superseded);
      // the status reads no file: the page puts these on the files it has, as it does a saved status report
      const portalErrors = chunks.flatMap((c) => c.errors);
      job.findings = { findings: [], portalErrors };
      job.finish({
        portalErrors: portalErrors.length,
        chunks: chunks.map((c) => ({ index: c.index, outcome: c.outcome, errors: c.errors.length })),
        ...(st.filed ? { filed: st.filed } : {}),
        ...(st.fileRequested ? { fileRequested: true } : {}),
        ...(st.locked ? { locked: true } : {}),
      });
      return;
    }
    if (r.action === 'reset') {
      // the page asked the user before sending this (a reset deletes everything saved for the period)
      const res = await resetReturn({ ...run, confirm: true });
      job.finish({ outcome: res.outcome });
      return;
    }
    // before the files are read again (fileReturn refuses it too, after)
    refuseTimeBarredRun(run);
    const texts = await payloadsFromFiles(files, { gstin: r.gstin, period: r.period, sez: Boolean(r.sez), register: await registerOf(r, files) });
    const res = await fileReturn({
      ...run,
      pan: r.pan ?? '',
      evcOtp: (why) => job.ask({ kind: 'evc-otp', ...worded(why) }),
      // the files as uploaded: each must have been saved here, and the summary is compared with their totals
      payloads: texts,
      confirm: async (check) => (await job.ask({ kind: 'confirm', portal: check.portal, saved: check.saved })) === 'file',
    });
    if (res.status === 'cancelled' && job.stopped) job.fail(stopped(r, job.stopped));
    else if (res.status === 'filed') job.finish({ status: 'filed', arn: res.arn, ...(res.ackDate ? { ackDate: res.ackDate } : {}), alreadyFiled: res.alreadyFiled });
    else if (res.status === 'refused') job.fail(failureOf(new Gstr1Error(res.reason.code, res.reason.params)));
    else job.finish({ status: res.status, portal: res.portal, saved: res.saved, differences: res.differences });
  } catch (e) {
    // a question cancelled or left unanswered: said as such, whatever the provider made of the refusal
    job.fail(job.stopped ? stopped(r, job.stopped) : failureOf(e));
  }
}

/** A job stopped while it waited for the user: what it waited for, and that nothing (more) was sent or filed. */
function stopped(r: PortalRequest, why: Stop): Failure {
  return wording({ code: why.code, params: { action: r.action, waited: why.waited, ...(why.limitMs !== undefined ? { limitMs: why.limitMs } : {}) } });
}
