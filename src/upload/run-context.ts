/**
 * What every filing command shares: its options, and the run — the locked journal of the return,
 * the provider adapter, the portal session (opened through the OTP callback, opened again when it
 * expires), status polling, and the summary checksum used to check a write whose reply was lost.
 */
import { chmod, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileSystemReason } from '../model/errors.js';
import { returnContext } from '../engine/options.js';
import { gstr1aExists } from '../model/dated-rules.js';
import { formLabel, type ReturnForm } from '../model/form.js';
import { formatPeriod } from '../model/period.js';
import { providerName, type CredentialSources, type ProviderName } from './config.js';
import { portalErrors, type PortalError } from './error-report.js';
import { isProviderError, ProviderError, UploadError } from './errors.js';
import type { HttpOptions } from './fetch.js';
import { defaultJournalDir, destinationId, Journal, LEGACY_JOURNAL_DIR, type ChunkOutcome, type ChunkState, type Destination, type JournalState, type Notice } from './journal.js';
import { createProvider } from './providers/index.js';
import { ask, type Prompt } from './prompt.js';
import { Redactor, redactingLogger } from './redact.js';
import { delay } from './retry.js';
import { systemClock, type Clock, type JobStatus, type Logger, type Provider, type ReturnRef } from './types.js';

export { ask, given, isAsked, type Given, type Prompt } from './prompt.js';

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
  /** the form @default 'gstr1'; `gstr1a` amends the period's filed GSTR-1 (from the July 2024 period) */
  form?: ReturnForm;
  /** a provider name (credentials from env/config file) or an adapter instance */
  provider: ProviderName | Provider;
  /** provider address (https, or http to loopback) */
  baseUrl?: string;
  /** the taxpayer OTP, asked only when a session must be opened */
  otp?: Prompt<string>;
  /** folder of journals @default `journals` in the per-user folder (journalHome: $GSTR1_HOME, ~/.local/state/gstr1...) */
  journalDir?: string;
  /** folder of the per-return locks @default `locks` in the per-user folder, whatever `journalDir` is */
  lockDir?: string;
  /** things the user should be told whatever the verbosity (a journal repaired, the portal changed) */
  onNotice?: (n: Notice) => void;
  /** verbose output; every line is redacted first */
  log?: Logger;
  /** the run's redactor (one is created otherwise) */
  redactor?: Redactor;
  /** timeouts and retries of each HTTP call */
  http?: HttpOptions;
  poll?: PollOptions;
  /** injectable time (polling waits) */
  clock?: Partial<Clock>;
  /** keep the portal session in `<journalDir>/<GSTIN>.<provider>-<destination>.session.json` (owner-only) between runs */
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
  /** `refused`: what the portal answered, as a catalogue code and its params */
  readonly answer?: Notice;
  /** taken from the journal of an earlier run: not sent again */
  readonly resumed: boolean;
  /** (status) a chunk of an earlier upload that the latest one does not include: not what the portal is compared with */
  readonly superseded?: boolean;
}

const DEFAULT_INTERVALS = [2000, 3000, 5000, 10_000, 15_000, 30_000];

export class Run {
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
    if (typeof opts.otp === 'string') redactor.addCode(opts.otp);
    const log = redactingLogger(redactor, opts.log);
    const provider = await providerOf(opts, redactor, log);
    refuseUnsupportedForm(provider, ret);
    const journal = await Journal.open(journalDirOf(opts), ret, {
      redactor, command, destination: destinationOf(provider, opts),
      ...(opts.lockDir ? { lockDir: opts.lockDir } : {}),
      ...(opts.onNotice ? { onNotice: opts.onNotice } : {}),
      // journals were kept in the working folder before: say so rather than silently start afresh
      ...(opts.journalDir === undefined ? { legacyDirs: [LEGACY_JOURNAL_DIR] } : {}),
    });
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

  /** Tells the user something whatever the verbosity (worded by the message catalogue). */
  notice(code: string, params: Notice['params']) {
    this.say(`${code} ${JSON.stringify(params)}`);
    this.opts.onNotice?.({ code, params });
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
    // per destination: a token from one address is never sent to another
    return join(journalDirOf(this.opts), `${this.ret.gstin}.${this.provider.name}-${destinationId(destinationOf(this.provider, this.opts))}.session.json`);
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
    try {
      await writeFile(this.sessionFile, JSON.stringify(s), { mode: 0o600 });
      await chmod(this.sessionFile, 0o600);
    } catch (e) {
      // a cache: the run goes on, and the next one asks for an OTP again (a half-written file is not left to be read)
      const reason = fileSystemReason(e);
      if (!reason) throw e;
      await unlink(this.sessionFile).catch(() => {});
      this.notice('UPLOAD_SESSION_NOT_KEPT', { file: this.sessionFile, reason });
    }
  }

  /** Opens a session; `why` is said with the OTP's question (a session that expired). */
  async authenticate(why?: Notice) {
    const source = this.opts.otp;
    if (source === undefined) {
      throw new ProviderError('otp_required', { provider: this.provider.name, op: 'authenticate', detail: 'no OTP was given' });
    }
    const otp = async () => {
      const v = String(await ask(source, why)).trim();
      this.redactor.addCode(v);
      return v;
    };
    this.say('opening a portal session');
    await this.provider.authenticate(this.ret, otp);
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
      // asked now, the OTP is a new one the portal has just sent: the user is told why it is asked again
      await this.authenticate({ code: 'UPLOAD_SESSION_EXPIRED_OTP', params: {} });
      return await fn();
    }
  }

  /** Waits for an asynchronous request to finish, or until the wait limit (then still in progress). */
  async poll(referenceId: string): Promise<JobStatus> {
    let waited = 0;
    for (let n = 0; ; n++) {
      const d = delay(this.intervals, n);
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
      await this.clock.sleep(delay(this.intervals, n));
    }
    return false;
  }
}

/** The adapter: the one given, or built from a provider name (credentials from env or config file). */
export async function providerOf(opts: RunOptions, redactor: Redactor, log?: Logger): Promise<Provider> {
  if (typeof opts.provider !== 'string') return opts.provider;
  return createProvider(providerName(opts.provider), {
    ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
    ...(opts.http ? { http: opts.http } : {}),
    ...(opts.env ? { env: opts.env } : {}),
    ...(opts.configFile ? { configFile: opts.configFile } : {}),
    ...(log ? { log } : {}),
    redactor,
  });
}

/** Where the provider sends things; an adapter that does not say is known by its name alone. */
export function destinationOf(provider: Provider, opts: Pick<RunOptions, 'baseUrl'>): Destination {
  const d = provider.destination;
  return { provider: provider.name, baseUrl: d?.baseUrl ?? opts.baseUrl ?? '', ...(d?.account ? { account: d.account } : {}) };
}

export function journalDirOf(opts: Pick<RunOptions, 'journalDir'>): string {
  return opts.journalDir ?? defaultJournalDir();
}

/** The return, checked: a GSTR-1A for a period before the form existed is refused here, before anything else. */
export function normaliseReturn(opts: Pick<RunOptions, 'gstin' | 'period' | 'form'>): ReturnRef {
  const ctx = returnContext({ gstin: opts.gstin, period: opts.period });
  const period = formatPeriod(ctx.period);
  if (opts.form !== 'gstr1a') return { gstin: ctx.gstin, period };
  if (!gstr1aExists(ctx.period)) throw new UploadError('UPLOAD_GSTR1A_PERIOD', { period });
  return { gstin: ctx.gstin, period, form: 'gstr1a' };
}

/** A provider without paths for the return's form is refused before any call, naming what it lacks. */
function refuseUnsupportedForm(provider: Provider, ret: ReturnRef): void {
  const form = ret.form ?? 'gstr1';
  if ((provider.forms ?? ['gstr1']).includes(form)) return;
  throw new ProviderError('unsupported', {
    provider: provider.name, op: `${formLabel(form)} (save, proceed to file, file)`,
    detail: `${provider.name} documents no ${formLabel(form)} save or filing path`,
  });
}

export async function withRun<T>(opts: RunOptions, command: string, body: (run: Run) => Promise<T>): Promise<T> {
  const run = await Run.start(opts, command);
  try {
    return await body(run);
  } catch (e) {
    return await run.failed(e);
  } finally {
    await run.close();
  }
}

export function chunkResult(c: ChunkState, resumed: boolean): ChunkResult {
  return {
    index: c.index,
    hash: c.hash,
    ...(c.referenceId ? { referenceId: c.referenceId } : {}),
    outcome: c.outcome ?? (c.referenceId ? 'in_progress' : 'not_confirmed'),
    ...(c.statusCd ? { statusCd: c.statusCd } : {}),
    ...(c.errorReport !== undefined ? { errorReport: c.errorReport } : {}),
    errors: c.errorReport !== undefined ? portalErrors(c.errorReport) : [],
    ...(c.answer ? { answer: c.answer } : {}),
    resumed,
  };
}

export function refusedFiled(run: Run, st: JournalState): never {
  throw new ProviderError('already_filed', { provider: run.provider.name, op: 'journal', detail: `filed with ARN ${st.filed!.arn}` }, { arn: st.filed!.arn, form: formLabel(run.ret.form ?? 'gstr1') });
}


export function unsupported(run: Run, op: string): ProviderError {
  return new ProviderError('unsupported', { provider: run.provider.name, op, detail: `${run.provider.name} cannot ${op}` });
}
