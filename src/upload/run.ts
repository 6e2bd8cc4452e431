/**
 * The library API for the portal: upload chunks, ask their status, reset, and file. Each call
 * locks the return's journal, resumes from it (a chunk already processed is not saved again, a
 * filed return is never filed twice), opens a session when needed (OTP through a callback) and
 * opens it again when it expires mid-run. Writes are never repeated blindly: after a lost reply
 * the run checks the summary (save, proceed) or the return tracker (file) first.
 */
import { chmod, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { returnContext } from '../engine/options.js';
import { formatPeriod } from '../model/period.js';
import { providerName, type CredentialSources, type ProviderName } from './config.js';
import { parseStatusResponse, portalErrors, type PortalError } from './error-report.js';
import { isProviderError, ProviderError, UploadError } from './errors.js';
import type { HttpOptions } from './fetch.js';
import { contentHash, DEFAULT_JOURNAL_DIR, Journal, readJournal, replay, journalPaths, type ChunkOutcome, type ChunkState, type JournalState } from './journal.js';
import { createProvider } from './providers/index.js';
import { Redactor, redactingLogger } from './redact.js';
import { compareTotals, type SectionTotal, type TotalsDifference } from './totals.js';
import {
  systemClock, type Clock, type JobOutcome, type JobStatus, type Logger, type Provider, type ReturnRef,
  type ReturnSummary, type SummarySection, type TrackResult,
} from './types.js';

/** A value the CLI takes from a flag, or asks for. */
export type Prompt<T> = T | (() => Promise<T>);

export interface PollOptions {
  /** delays before each status poll; the last one repeats @default [2000, 3000, 5000, 10000, 15000, 30000] */
  intervalsMs?: readonly number[];
  /** stop waiting after this long (the request stays in progress; run again later) @default 600000 */
  maxWaitMs?: number;
}

export interface RunOptions extends CredentialSources {
  /** your GSTIN */
  gstin: string;
  /** return period `MMYYYY` */
  period: string;
  /** a provider name (credentials from env/config file) or an adapter instance */
  provider: ProviderName | Provider;
  /** provider address (https, or http to loopback) */
  baseUrl?: string;
  /** the taxpayer OTP, asked only when a session must be opened */
  otp?: Prompt<string>;
  /** folder of journals and locks @default '.gstr1' in the current folder */
  journalDir?: string;
  /** verbose output; every line is redacted first */
  log?: Logger;
  /** the run's redactor (one is created otherwise) */
  redactor?: Redactor;
  /** timeouts and retries of each HTTP call */
  http?: HttpOptions;
  poll?: PollOptions;
  /** injectable time (polling waits) */
  clock?: Partial<Clock>;
  /** keep the portal session in `<journalDir>/<GSTIN>.<provider>.session.json` (owner-only) between runs */
  keepSession?: boolean;
}

/** One chunk's result. */
export interface ChunkResult {
  /** 1-based position in `payloads` */
  readonly index: number;
  readonly hash: string;
  readonly referenceId?: string;
  readonly outcome: ChunkOutcome;
  readonly statusCd?: string;
  readonly errorReport?: unknown;
  /** the error report flattened (empty when processed) */
  readonly errors: readonly PortalError[];
  /** taken from the journal of an earlier run: not sent again */
  readonly resumed: boolean;
}

export interface UploadOptions extends RunOptions {
  /** serialised retsave payloads, in order */
  payloads: readonly string[];
}

export interface UploadResult {
  readonly chunks: readonly ChunkResult[];
  /** every chunk reached a final status (none left in progress) */
  readonly complete: boolean;
}

const DEFAULT_INTERVALS = [2000, 3000, 5000, 10_000, 15_000, 30_000];
const TERMINAL: readonly ChunkOutcome[] = ['processed', 'processed_with_errors', 'rejected', 'applied_unconfirmed'];

// ------------------------------------------------------------------------------------------ run

class Run {
  readonly redactor: Redactor;
  readonly log: Logger | undefined;
  readonly clock: Clock;
  readonly intervals: readonly number[];
  readonly maxWait: number;

  private constructor(
    readonly opts: RunOptions,
    readonly ret: ReturnRef,
    readonly provider: Provider,
    readonly journal: Journal,
    redactor: Redactor,
    log: Logger | undefined,
    /** the run built the adapter (from a provider name), so it ends the session too */
    private readonly ownsProvider: boolean,
  ) {
    this.redactor = redactor;
    this.log = log;
    this.clock = { ...systemClock, ...opts.clock };
    this.intervals = opts.poll?.intervalsMs?.length ? opts.poll.intervalsMs : DEFAULT_INTERVALS;
    this.maxWait = opts.poll?.maxWaitMs ?? 600_000;
  }

  static async start(opts: RunOptions, command: string): Promise<Run> {
    const ret = normaliseReturn(opts);
    const redactor = opts.redactor ?? new Redactor();
    if (typeof opts.otp === 'string') redactor.add(opts.otp);
    const log = redactingLogger(redactor, opts.log);
    const provider = typeof opts.provider === 'string'
      ? await createProvider(providerName(opts.provider), {
        ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
        ...(opts.http ? { http: opts.http } : {}),
        ...(opts.env ? { env: opts.env } : {}),
        ...(opts.configFile ? { configFile: opts.configFile } : {}),
        ...(log ? { log } : {}),
        redactor,
      })
      : opts.provider;
    const journal = await Journal.open(opts.journalDir ?? DEFAULT_JOURNAL_DIR, ret, { redactor, command });
    const run = new Run(opts, ret, provider, journal, redactor, log, typeof opts.provider === 'string');
    try {
      await journal.append({ step: 'run', command, pid: process.pid });
      if (opts.keepSession) await run.loadSession();
    } catch (e) {
      await journal.close();
      throw e;
    }
    return run;
  }

  say(line: string) {
    this.log?.(`[upload] ${line}`);
  }

  async close() {
    try {
      // a session this run opened on an adapter it built is closed (GSPs cap open sessions per user)
      if (this.ownsProvider && !this.opts.keepSession && this.provider.logout && this.provider.hasSession()) {
        await this.provider.logout(this.ret).catch(() => undefined);
      }
    } finally {
      await this.journal.close();
    }
  }

  /** Records a failure (kind and code only) and passes it on. */
  async failed(e: unknown): Promise<never> {
    if (e instanceof ProviderError) {
      await this.journal.append({ step: 'error', op: e.op, kind: e.kind, ...(e.providerCode ? { providerCode: e.providerCode } : {}) }).catch(() => undefined);
    }
    throw e;
  }

  // ------------------------------------------------------------------------------ session

  private get sessionFile(): string {
    return join(this.opts.journalDir ?? DEFAULT_JOURNAL_DIR, `${this.ret.gstin}.${this.provider.name}.session.json`);
  }

  async loadSession() {
    if (!this.provider.importSession) return;
    try {
      const st = await stat(this.sessionFile);
      if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) return;
      const s = JSON.parse(await readFile(this.sessionFile, 'utf8'));
      if (s && typeof s === 'object') this.provider.importSession(s);
    } catch {
      // no cached session
    }
  }

  async saveSession() {
    if (!this.opts.keepSession || !this.provider.exportSession) return;
    const s = this.provider.exportSession();
    if (!s) return;
    await writeFile(this.sessionFile, JSON.stringify(s), { mode: 0o600 });
    await chmod(this.sessionFile, 0o600);
  }

  async authenticate() {
    const source = this.opts.otp;
    if (source === undefined) {
      throw new ProviderError('otp_required', { provider: this.provider.name, op: 'authenticate', detail: 'a portal session is needed: give the OTP sent to the taxpayer' });
    }
    const ask = async () => {
      const v = String(typeof source === 'function' ? await source() : source).trim();
      this.redactor.add(v);
      return v;
    };
    this.say('opening a portal session');
    await this.provider.authenticate(this.ret, ask);
    await this.journal.append({ step: 'session' });
    await this.saveSession();
  }

  /** Runs a provider call inside a session; an expired session is reopened and the call sent again (it was refused, not applied). */
  async call<T>(fn: () => Promise<T>): Promise<T> {
    if (!this.provider.hasSession()) await this.authenticate();
    try {
      return await fn();
    } catch (e) {
      if (!isProviderError(e, 'session_expired')) throw e;
      this.say('the portal session expired; opening a new one');
      await this.journal.append({ step: 'session_expired' });
      if (this.opts.keepSession) await unlink(this.sessionFile).catch(() => undefined);
      await this.authenticate();
      return await fn();
    }
  }

  /** Waits for an asynchronous request to finish, or until the wait limit (then still in progress). */
  async poll(referenceId: string): Promise<JobStatus> {
    let waited = 0;
    for (let n = 0; ; n++) {
      const d = this.intervals[Math.min(n, this.intervals.length - 1)]!;
      if (n > 0 || d > 0) {
        if (waited + d > this.maxWait && n > 0) break;
        await this.clock.sleep(d);
        waited += d;
      }
      const st = await this.call(() => this.provider.status(this.ret, referenceId));
      if (st.outcome !== 'in_progress') return st;
      if (waited >= this.maxWait) return st;
    }
    return { outcome: 'in_progress', statusCd: 'IP' };
  }

  /** The summary checksum now, or undefined when no summary can be had. */
  async checksum(): Promise<string | undefined> {
    try {
      return (await this.call(() => this.provider.summary(this.ret, { long: false }))).chksum;
    } catch (e) {
      if (isProviderError(e, 'summary_pending', 'summary_stale', 'no_data', 'not_found', 'bad_response', 'provider_error')) return undefined;
      throw e;
    }
  }

  /** After a lost reply: did the data change since `checkpoint`? (a few looks, the portal is asynchronous) */
  async changedSince(checkpoint: string | undefined): Promise<boolean> {
    if (checkpoint === undefined) return false;
    for (let n = 0; n < 3; n++) {
      const now = await this.checksum();
      if (now !== undefined && now !== checkpoint) return true;
      await this.clock.sleep(this.intervals[Math.min(n, this.intervals.length - 1)]!);
    }
    return false;
  }
}

function normaliseReturn(opts: Pick<RunOptions, 'gstin' | 'period'>): ReturnRef {
  const ctx = returnContext({ gstin: opts.gstin, period: opts.period });
  return { gstin: ctx.gstin, period: formatPeriod(ctx.period) };
}

async function withRun<T>(opts: RunOptions, command: string, body: (run: Run) => Promise<T>): Promise<T> {
  const run = await Run.start(opts, command);
  try {
    return await body(run);
  } catch (e) {
    return await run.failed(e);
  } finally {
    await run.close();
  }
}

function chunkResult(c: ChunkState, resumed: boolean): ChunkResult {
  return {
    index: c.index,
    hash: c.hash,
    ...(c.referenceId ? { referenceId: c.referenceId } : {}),
    outcome: c.outcome ?? 'in_progress',
    ...(c.statusCd ? { statusCd: c.statusCd } : {}),
    ...(c.errorReport !== undefined ? { errorReport: c.errorReport } : {}),
    errors: c.errorReport !== undefined ? portalErrors(c.errorReport) : [],
    resumed,
  };
}

function refusedFiled(run: Run, st: JournalState): never {
  throw new ProviderError('already_filed', { provider: run.provider.name, op: 'journal', detail: `filed with ARN ${st.filed!.arn}` }, { arn: st.filed!.arn });
}

// --------------------------------------------------------------------------------------- upload

/**
 * Saves the payloads chunk by chunk, waiting for each one's status before the next. A chunk the
 * journal shows as processed (same content hash) is not sent again; one left in progress is polled.
 */
export async function uploadReturn(opts: UploadOptions): Promise<UploadResult> {
  return withRun(opts, 'upload', async (run) => {
    const st = run.journal.state();
    if (st.filed) refusedFiled(run, st);
    const results: ChunkResult[] = [];
    for (let i = 0; i < opts.payloads.length; i++) {
      const payload = opts.payloads[i]!;
      const r = await uploadChunk(run, i + 1, payload, st.chunks.get(contentHash(payload)));
      results.push(r);
      if (r.outcome === 'in_progress') {
        run.say(`chunk ${r.index} is still being processed; run again later to continue`);
        break;
      }
    }
    const complete = results.length === opts.payloads.length && results.every((r) => TERMINAL.includes(r.outcome));
    return { chunks: results, complete };
  });
}

async function uploadChunk(run: Run, index: number, payload: string, prior: ChunkState | undefined): Promise<ChunkResult> {
  const hash = contentHash(payload);
  const { journal } = run;
  if (prior?.outcome && prior.outcome !== 'in_progress') {
    run.say(`chunk ${index}: ${prior.outcome} in an earlier run, not sent again`);
    return chunkResult({ ...prior, index }, true);
  }
  let referenceId = prior?.referenceId;
  let resumed = Boolean(referenceId);
  if (!referenceId && prior?.sending) {
    // an earlier run sent this chunk and never learnt the answer
    if (await run.changedSince(prior.sending.checkpoint)) {
      await journal.append({ step: 'chunk_status', index, hash, outcome: 'applied_unconfirmed' });
      return chunkResult({ index, hash, outcome: 'applied_unconfirmed' }, true);
    }
    resumed = false;
  }
  if (!referenceId) {
    const sent = await sendSave(run, index, hash, payload);
    if ('outcome' in sent) return sent;
    referenceId = sent.referenceId;
  }
  const status = await run.poll(referenceId);
  await journal.append({
    step: 'chunk_status', index, hash, referenceId, outcome: status.outcome, statusCd: status.statusCd,
    ...(status.errorReport !== undefined ? { errorReport: status.errorReport } : {}),
  });
  return chunkResult({ index, hash, referenceId, outcome: status.outcome, statusCd: status.statusCd, ...(status.errorReport !== undefined ? { errorReport: status.errorReport } : {}) }, resumed);
}

const SAVE_ATTEMPTS = 4;

/** Sends one save; a lost reply is checked against the summary before the save is sent again. */
async function sendSave(run: Run, index: number, hash: string, payload: string): Promise<{ referenceId: string } | ChunkResult> {
  const { journal, provider, ret } = run;
  let last: unknown;
  for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
    const checkpoint = await run.checksum();
    await journal.append({ step: 'chunk_sending', index, hash, bytes: Buffer.byteLength(payload), ...(checkpoint !== undefined ? { checkpoint } : {}) });
    try {
      const { referenceId } = await run.call(() => provider.save(ret, payload));
      await journal.append({ step: 'chunk_saved', index, hash, referenceId });
      run.say(`chunk ${index}: saved, reference ${referenceId}`);
      return { referenceId };
    } catch (e) {
      last = e;
      if (isProviderError(e, 'reply_lost')) {
        run.say(`chunk ${index}: the reply was lost; checking whether the portal got it`);
        if (await run.changedSince(checkpoint)) {
          await journal.append({ step: 'chunk_status', index, hash, outcome: 'applied_unconfirmed' });
          return chunkResult({ index, hash, outcome: 'applied_unconfirmed' }, false);
        }
        continue; // verified not applied: send again
      }
      if (isProviderError(e, 'reset_in_progress')) {
        await run.clock.sleep(run.intervals[Math.min(attempt, run.intervals.length - 1)]!);
        continue; // refused, nothing applied
      }
      if (isProviderError(e, 'rejected')) {
        // refused synchronously (payload too large, structure): the same as status ER
        const errorReport = { error_cd: e.providerCode ?? 'RET191106', error_msg: e.detail ?? '' };
        await journal.append({ step: 'chunk_status', index, hash, outcome: 'rejected', statusCd: 'ER', errorReport });
        return chunkResult({ index, hash, outcome: 'rejected', statusCd: 'ER', errorReport }, false);
      }
      throw e;
    }
  }
  throw last;
}

// --------------------------------------------------------------------------------------- status

export interface StatusOptions extends RunOptions {
  /** the request to ask about; default: the chunk still in progress, else the latest request */
  referenceId?: string;
  /** also ask the portal's return tracker whether the period is filed */
  track?: boolean;
}

export interface ReturnStatusResult {
  /** chunks as the journal knows them (after this call's updates) */
  readonly chunks: readonly ChunkResult[];
  readonly job?: JobStatus & { readonly referenceId: string; readonly errors: readonly PortalError[] };
  readonly filed?: { readonly arn: string; readonly ackDate?: string };
  readonly summary?: { readonly chksum: string };
  readonly track?: TrackResult;
  /** another run holds the return: only the journal was read */
  readonly locked?: { readonly pid: number };
}

/** What the journal knows, plus the portal's answer for the pending (or given) request. */
export async function returnStatus(opts: StatusOptions): Promise<ReturnStatusResult> {
  let run: Run;
  try {
    run = await Run.start(opts, 'status');
  } catch (e) {
    if (e instanceof UploadError && e.code === 'UPLOAD_LOCKED') {
      const ret = normaliseReturn(opts);
      const st = replay(await readJournal(journalPaths(opts.journalDir ?? DEFAULT_JOURNAL_DIR, ret).journal));
      return { ...journalView(st), locked: { pid: Number(e.params.pid) } };
    }
    throw e;
  }
  try {
    const st = run.journal.state();
    const pending = [...st.chunks.values()].find((c) => c.referenceId && (!c.outcome || c.outcome === 'in_progress'));
    const referenceId = opts.referenceId ?? pending?.referenceId ?? st.lastReferenceId;
    let job: ReturnStatusResult['job'];
    if (referenceId) {
      const s = await run.call(() => run.provider.status(run.ret, referenceId));
      job = { ...s, referenceId, errors: s.errorReport !== undefined ? parseStatusResponse({ status_cd: s.statusCd, error_report: s.errorReport }).errors : [] };
      const chunk = [...st.chunks.values()].find((c) => c.referenceId === referenceId);
      if (chunk && s.outcome !== 'in_progress' && chunk.outcome !== s.outcome) {
        await run.journal.append({
          step: 'chunk_status', index: chunk.index, hash: chunk.hash, referenceId, outcome: s.outcome, statusCd: s.statusCd,
          ...(s.errorReport !== undefined ? { errorReport: s.errorReport } : {}),
        });
      }
    }
    let track: TrackResult | undefined;
    if (opts.track) {
      if (!run.provider.track) throw unsupported(run, 'track');
      track = await run.call(() => run.provider.track!(run.ret));
      if (track.filed && track.arn && !st.filed) await run.journal.append({ step: 'filed', arn: track.arn, ...(track.filedOn ? { ackDate: track.filedOn } : {}) });
    }
    return { ...journalView(run.journal.state()), ...(job ? { job } : {}), ...(track ? { track } : {}) };
  } catch (e) {
    return await run.failed(e);
  } finally {
    await run.close();
  }
}

function journalView(st: JournalState): Omit<ReturnStatusResult, 'job' | 'track' | 'locked'> {
  return {
    chunks: [...st.chunks.values()].sort((a, b) => a.index - b.index).map((c) => chunkResult(c, true)),
    ...(st.filed ? { filed: st.filed } : {}),
    ...(st.summary ? { summary: st.summary } : {}),
  };
}

function unsupported(run: Run, op: string): ProviderError {
  return new ProviderError('unsupported', { provider: run.provider.name, op, detail: `${run.provider.name} cannot ${op}` });
}

// ---------------------------------------------------------------------------------------- reset

export interface ResetOptions extends RunOptions {
  /** asked before anything is sent; false cancels */
  confirm?: Prompt<boolean>;
}

export interface ResetResult {
  readonly outcome: JobOutcome | 'cancelled';
  readonly referenceId?: string;
}

/** Clears everything saved for the period (before filing), waiting for the reset to finish. */
export async function resetReturn(opts: ResetOptions): Promise<ResetResult> {
  return withRun(opts, 'reset', async (run) => {
    const st = run.journal.state();
    if (st.filed) refusedFiled(run, st);
    let referenceId = st.reset && !st.reset.outcome ? st.reset.referenceId : undefined;
    if (!referenceId) {
      if (opts.confirm !== undefined && !(await ask(opts.confirm))) return { outcome: 'cancelled' as const };
      await run.journal.append({ step: 'reset_requested' });
      referenceId = await sendReset(run);
      await run.journal.append({ step: 'reset_requested', referenceId });
    }
    const status = await run.poll(referenceId);
    if (status.outcome !== 'in_progress') await run.journal.append({ step: 'reset', outcome: status.outcome });
    return { outcome: status.outcome, referenceId };
  });
}

async function sendReset(run: Run): Promise<string> {
  let last: unknown;
  for (let attempt = 0; attempt < 6; attempt++) {
    try {
      return (await run.call(() => run.provider.reset(run.ret))).referenceId;
    } catch (e) {
      last = e;
      // a lost reply: sending the reset again tells us — "under process" means the first one arrived;
      // a second reset once it finished clears nothing new
      if (isProviderError(e, 'reply_lost', 'reset_in_progress')) {
        await run.clock.sleep(run.intervals[Math.min(attempt, run.intervals.length - 1)]!);
        continue;
      }
      throw e;
    }
  }
  throw last;
}

// ----------------------------------------------------------------------------------------- file

/** What the user confirms before filing. */
export interface FilingCheck {
  readonly summary: ReturnSummary;
  /** the portal's section totals */
  readonly portal: readonly SummarySection[];
  /** the totals of the saved data */
  readonly saved: readonly SectionTotal[];
  readonly differences: readonly TotalsDifference[];
}

export interface FileOptions extends RunOptions {
  /** PAN of the authorised signatory (EVC) */
  pan: string;
  /** the EVC OTP sent to the signatory, asked after it is requested */
  evcOtp: Prompt<string>;
  /** asked with the summary once it matches the saved totals; false cancels */
  confirm: boolean | ((check: FilingCheck) => Promise<boolean>);
  /** totals of the data that was saved (computeTotals of the accepted chunks) */
  savedTotals: readonly SectionTotal[];
  /** a nil return (nothing saved) */
  nil?: boolean;
  /** rupees of difference tolerated per field @default 0 */
  tolerance?: number;
}

export type FileResult =
  | ({ readonly status: 'filed'; readonly arn: string; readonly ackDate?: string; readonly alreadyFiled: boolean } & Partial<FilingCheck>)
  | ({ readonly status: 'mismatch' | 'cancelled' } & FilingCheck);

const PAN = /^[A-Z]{5}[0-9]{4}[A-Z]$/;

/**
 * Proceeds to file, waits, fetches the summary, compares it with the saved totals (refusing on a
 * difference), asks for confirmation, requests the EVC OTP, files, and records the ARN.
 */
export async function fileReturn(opts: FileOptions): Promise<FileResult> {
  const pan = String(opts.pan ?? '').trim().toUpperCase();
  if (!PAN.test(pan)) throw new UploadError('UPLOAD_PAN', { value: pan });
  return withRun(opts, 'file', async (run) => {
    const st = run.journal.state();
    if (st.filed) return { status: 'filed' as const, arn: st.filed.arn, ...(st.filed.ackDate ? { ackDate: st.filed.ackDate } : {}), alreadyFiled: true };
    if (st.fileRequested) {
      // an earlier run asked to file and never learnt the answer
      const t = await trackFiled(run);
      if (t) return { status: 'filed' as const, ...t, alreadyFiled: true };
    }

    let check = await prepare(run, opts, st);
    if (check.differences.length) return { status: 'mismatch' as const, ...check };
    if (!(await confirmed(opts.confirm, check))) return { status: 'cancelled' as const, ...check };

    await requestEvc(run, pan);
    let otp = await askEvc(run, opts.evcOtp);
    for (let attempt = 0; ; attempt++) {
      await run.journal.append({ step: 'file_requested', chksum: check.summary.chksum });
      try {
        const ack = await run.call(() => run.provider.file(run.ret, { pan, evcOtp: otp, summary: check.summary }));
        await run.journal.append({ step: 'filed', arn: ack.arn, ...(ack.ackDate ? { ackDate: ack.ackDate } : {}) });
        run.say(`filed: ARN ${ack.arn}`);
        return { status: 'filed' as const, arn: ack.arn, ...(ack.ackDate ? { ackDate: ack.ackDate } : {}), alreadyFiled: false, ...check };
      } catch (e) {
        if (attempt >= 3) throw e;
        if (isProviderError(e, 'reply_lost', 'already_filed')) {
          run.say('the reply to the filing was lost; asking the portal whether the return is filed');
          const t = await trackFiled(run);
          if (t) return { status: 'filed' as const, ...t, alreadyFiled: false, ...check };
          if (isProviderError(e, 'already_filed')) throw e;
          continue; // verified not filed: file again (a consumed OTP answers invalid_otp below)
        }
        if (isProviderError(e, 'invalid_otp')) {
          await requestEvc(run, pan);
          otp = await askEvc(run, opts.evcOtp);
          continue;
        }
        if (isProviderError(e, 'summary_stale')) {
          // data changed since the summary: proceed again and compare again
          check = await prepare(run, opts, st, true);
          if (check.differences.length) return { status: 'mismatch' as const, ...check };
          if (!(await confirmed(opts.confirm, check))) return { status: 'cancelled' as const, ...check };
          continue;
        }
        throw e;
      }
    }
  });
}

async function ask<T>(p: Prompt<T>): Promise<T> {
  return typeof p === 'function' ? (p as () => Promise<T>)() : p;
}

async function confirmed(c: FileOptions['confirm'], check: FilingCheck): Promise<boolean> {
  return typeof c === 'function' ? c(check) : c;
}

async function askEvc(run: Run, p: Prompt<string>): Promise<string> {
  const v = String(await ask(p)).trim();
  run.redactor.add(v);
  return v;
}

async function requestEvc(run: Run, pan: string) {
  await run.call(() => run.provider.requestEvcOtp(run.ret, pan));
  await run.journal.append({ step: 'evc_otp_requested', pan });
}

async function trackFiled(run: Run): Promise<{ arn: string; ackDate?: string } | undefined> {
  if (!run.provider.track) throw unsupported(run, 'track');
  const t = await run.call(() => run.provider.track!(run.ret));
  if (!t.filed) return undefined;
  const arn = t.arn ?? 'unknown';
  await run.journal.append({ step: 'filed', arn, ...(t.filedOn ? { ackDate: t.filedOn } : {}) });
  return { arn, ...(t.filedOn ? { ackDate: t.filedOn } : {}) };
}

/** Proceed to file (or resume it), wait, fetch the summary and compare it with the saved totals. */
async function prepare(run: Run, opts: FileOptions, st: JournalState, again = false): Promise<FilingCheck> {
  const pending = !again && st.proceed?.referenceId && !st.proceed.outcome ? st.proceed.referenceId : undefined;
  if (pending) await finishProceed(run, pending);
  else await proceed(run, Boolean(opts.nil));
  const summary = await waitSummary(run);
  const portal = summary.sec_sum;
  await run.journal.append({ step: 'summary', chksum: summary.chksum, sections: portal });
  const differences = compareTotals(portal, opts.savedTotals, opts.tolerance ?? 0);
  if (differences.length) await run.journal.append({ step: 'summary_mismatch', differences });
  return { summary, portal, saved: opts.savedTotals, differences };
}

async function proceed(run: Run, nil: boolean) {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const r = await run.call(() => run.provider.proceed(run.ret, { nil }));
      await run.journal.append({ step: 'proceed_requested', ...(r.referenceId ? { referenceId: r.referenceId } : {}), alreadyReady: r.alreadyReady });
      if (r.referenceId) await finishProceed(run, r.referenceId);
      else await run.journal.append({ step: 'proceed', outcome: 'already_ready' });
      return;
    } catch (e) {
      if (isProviderError(e, 'reply_lost')) {
        // a fresh summary means the proceed arrived; otherwise ask again (the portal answers
        // "already ready" if it did arrive after all)
        run.say('the reply to proceed-to-file was lost; checking the summary');
        if (await freshSummary(run)) {
          await run.journal.append({ step: 'proceed', outcome: 'already_ready' });
          return;
        }
        continue;
      }
      if (isProviderError(e, 'reset_in_progress')) {
        await run.clock.sleep(run.intervals[Math.min(attempt, run.intervals.length - 1)]!);
        continue;
      }
      throw e;
    }
  }
  throw new ProviderError('reply_lost', { provider: run.provider.name, op: 'proceed', detail: 'proceed to file could not be confirmed' });
}

async function finishProceed(run: Run, referenceId: string) {
  const s = await run.poll(referenceId);
  if (s.outcome === 'in_progress') throw new ProviderError('in_progress', { provider: run.provider.name, op: 'proceed', detail: 'proceed to file is still being processed; run again later' });
  await run.journal.append({ step: 'proceed', outcome: s.outcome, ...(s.errorReport !== undefined ? { errorReport: s.errorReport } : {}) });
  if (s.outcome === 'rejected') {
    const err = portalErrors(s.errorReport)[0];
    throw new ProviderError('rejected', { provider: run.provider.name, op: 'proceed', ...(err ? { providerCode: err.code, detail: run.redactor.text(err.message) } : {}) });
  }
}

async function freshSummary(run: Run): Promise<boolean> {
  for (let n = 0; n < 3; n++) {
    try {
      const s = await run.call(() => run.provider.summary(run.ret));
      if (s.newSumFlag === true) return true;
    } catch (e) {
      if (!isProviderError(e, 'summary_pending')) throw e;
      return true; // generation in progress: the proceed arrived
    }
    await run.clock.sleep(run.intervals[Math.min(n, run.intervals.length - 1)]!);
  }
  return false;
}

/** The summary, waiting while the portal is still generating it after proceed to file. */
async function waitSummary(run: Run): Promise<ReturnSummary> {
  let waited = 0;
  for (let n = 0; ; n++) {
    try {
      return await run.call(() => run.provider.summary(run.ret));
    } catch (e) {
      if (!isProviderError(e, 'summary_pending') || waited >= run.maxWait) throw e;
      const d = run.intervals[Math.min(n, run.intervals.length - 1)]!;
      await run.clock.sleep(d);
      waited += d;
    }
  }
}
