/**
 * The provider contract (convention 11): one interface every GSP adapter meets, the small outcome
 * vocabulary adapters translate provider codes into (convention 12), and the shapes that cross the
 * boundary (job status, summary, acknowledgement). The filing run (run.ts) knows only this file.
 */

import type { ReturnForm } from '../model/form.js';

export type { ReturnForm } from '../model/form.js';

/** A return on the portal: the taxpayer's GSTIN, the period as `MMYYYY`, and its form. */
export interface ReturnRef {
  readonly gstin: string;
  readonly period: string;
  /** absent: GSTR-1; `gstr1a`: the GSTR-1A amending the period's filed GSTR-1 */
  readonly form?: ReturnForm;
}

/** Where an asynchronous request (save, reset, proceed to file) stands. */
export type JobOutcome = 'in_progress' | 'processed' | 'processed_with_errors' | 'rejected';

/**
 * Everything a provider reply can mean, in our words. The first group is control flow the run
 * handles itself (ask for an OTP, log in again, wait, poll); the rest are refusals and failures.
 */
export type ErrorKind =
  // control flow
  | 'otp_required'
  | 'session_expired'
  | 'rate_limited'
  | 'in_progress'
  | 'reset_in_progress'
  | 'summary_pending'
  | 'already_ready'
  // refusals by the portal or the GSP
  | 'already_filed'
  | 'summary_stale'
  | 'auth_failed'
  | 'invalid_otp'
  | 'max_sessions'
  | 'not_signatory'
  | 'prerequisite_missing'
  | 'unknown_reference'
  | 'no_data'
  | 'rejected'
  | 'bad_request'
  | 'not_found'
  | 'unsupported'
  // transport
  | 'server_error'
  | 'network_error'
  /** a write (save, proceed, file, reset) was sent and its reply lost: applied or not is unknown */
  | 'reply_lost'
  | 'bad_response'
  | 'provider_error';

/** Outcome vocabulary as one union (job states and error kinds). */
export type Outcome = JobOutcome | ErrorKind;

/** The answer to a status poll. */
export interface JobStatus {
  readonly outcome: JobOutcome;
  /** the portal's own code: IP, REC, P, PE, ER */
  readonly statusCd: string;
  /** SAVE, RESET, RETNEWPTF... when the provider says */
  readonly action?: string;
  /** `error_report` exactly as the provider returned it (PE: per section; ER: one error) */
  readonly errorReport?: unknown;
}

/** One row of the summary's `sec_sum`; amounts in rupees. Other fields are kept as sent. */
export interface SummarySection {
  readonly sec_nm: string;
  readonly ttl_rec?: number;
  readonly ttl_val?: number;
  readonly ttl_tax?: number;
  readonly ttl_igst?: number;
  readonly ttl_cgst?: number;
  readonly ttl_sgst?: number;
  readonly ttl_cess?: number;
  readonly [k: string]: unknown;
}

/**
 * The GSTR-1 summary as the portal generated it. It is sent back verbatim when filing, so it is
 * kept whole (`chksum`, `newSumFlag`, `summ_typ`, anything else).
 */
export interface ReturnSummary {
  readonly gstin: string;
  readonly ret_period: string;
  readonly chksum: string;
  readonly sec_sum: readonly SummarySection[];
  readonly newSumFlag?: boolean;
  readonly summ_typ?: string;
  readonly [k: string]: unknown;
}

/** The filing acknowledgement. */
export interface FiledAck {
  /** the ARN (`ack_num`) */
  readonly arn: string;
  readonly ackDate?: string;
}

/** What the portal's return tracker says about a period. */
export interface TrackResult {
  readonly filed: boolean;
  readonly arn?: string;
  readonly filedOn?: string;
  readonly status?: string;
}

/** Provider-specific session state that may be cached between runs (holds secrets). */
export type SessionState = Readonly<Record<string, string | number>>;

/**
 * A GSP adapter. Required operations cover upload and filing; the rest are optional and a run that
 * needs a missing one throws `unsupported` naming the provider and operation (never skips).
 * Methods throw `ProviderError` with an `ErrorKind`; they never retry a write themselves.
 */
export interface Provider {
  readonly name: string;
  /**
   * Where it sends things: its address, and the GSP account it uses (a login or API key, which
   * the journal keeps only as a hash). The journal of a return is kept per destination.
   */
  readonly destination?: { readonly baseUrl: string; readonly account?: string };
  /**
   * The forms it can save and file (absent: GSTR-1 only). A run for another form is refused
   * before anything is sent, naming the provider.
   */
  readonly forms?: readonly ReturnForm[];
  /** a taxpayer session is open (no network call) */
  hasSession(): boolean;
  /** Opens a taxpayer session: requests an OTP, asks for it through `otp`, exchanges it. */
  authenticate(ret: ReturnRef, otp: () => Promise<string>): Promise<void>;
  /** Sends one retsave payload (serialised JSON); the save is processed asynchronously. */
  save(ret: ReturnRef, payload: string): Promise<{ referenceId: string }>;
  status(ret: ReturnRef, referenceId: string): Promise<JobStatus>;
  reset(ret: ReturnRef): Promise<{ referenceId: string }>;
  /** Proceed to file (new PTF). `alreadyReady` when the portal says the summary is already current. */
  proceed(ret: ReturnRef, opts?: { nil?: boolean }): Promise<{ referenceId?: string; alreadyReady: boolean }>;
  summary(ret: ReturnRef, opts?: { long?: boolean }): Promise<ReturnSummary>;
  requestEvcOtp(ret: ReturnRef, pan: string): Promise<void>;
  file(ret: ReturnRef, req: { pan: string; evcOtp: string; summary: ReturnSummary }): Promise<FiledAck>;
  /** the period's filing state (ARN when filed) */
  track?(ret: ReturnRef): Promise<TrackResult>;
  /** extends the open session */
  refresh?(ret: ReturnRef): Promise<void>;
  logout?(ret: ReturnRef): Promise<void>;
  /** session state to cache (secrets: store owner-only), and to restore it */
  exportSession?(): SessionState | undefined;
  importSession?(s: SessionState): void;
}

/** A line of verbose output; every line passes through the redactor before it gets here. */
export type Logger = (line: string) => void;

/** Time and randomness, injectable so tests run instantly and deterministically. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  random: () => Math.random(),
};
