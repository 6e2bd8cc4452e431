/**
 * The portal work the page asks for (upload, status, reset, file), run here with the server's
 * credentials, one job at a time. A job that needs something only the user knows (the taxpayer
 * OTP, the EVC OTP, the go-ahead once the portal's summary is shown beside the uploaded totals)
 * waits with a question until the page answers it, the user cancels it, or the wait runs out.
 */
import { randomBytes } from 'node:crypto';
import { Gstr1Error } from '../../model/errors.js';
import type { ReturnForm } from '../../model/form.js';
import type { Finding } from '../../model/finding.js';
import type { PortalError } from '../../upload/error-report.js';
import type { FilingCheck } from '../../upload/run.js';

/** A catalogue code worded for the page: its message and hint. */
export interface Worded {
  readonly code: string;
  readonly message: string;
  readonly hint: string;
}

export type Failure = Worded;

/** What a job asks; an OTP asked again in one job says why (the code before was refused, the session expired). */
export type Question =
  | { readonly kind: 'otp'; readonly why?: Worded }
  | { readonly kind: 'evc-otp'; readonly why?: Worded }
  | { readonly kind: 'confirm'; readonly portal: FilingCheck['portal']; readonly saved: FilingCheck['saved'] };

/**
 * A question as the page sees it: numbered within its job, so that one asked again, the same in
 * every word (a second EVC OTP), is still a new question to show, and one seen twice is not.
 */
export type AskedQuestion = Question & { readonly seq: number };

/**
 * What the page lists under a job's outcome, kept apart from the job's view (which the page polls):
 * the findings that stopped an upload or that the portal reported on the rows, the files named as
 * the page chose them; and the portal's errors a status call found, for the page to put on its files.
 */
export interface JobFindings {
  readonly findings: readonly Finding[];
  readonly portalErrors: readonly PortalError[];
}

/** The return a job works on: the page names it (the form above all) in every outcome. */
export interface JobReturn {
  readonly gstin: string;
  readonly period: string;
  readonly form: ReturnForm;
}

export interface JobView extends JobReturn {
  readonly id: string;
  readonly action: string;
  readonly state: 'running' | 'asking' | 'done' | 'failed';
  readonly question?: AskedQuestion;
  readonly result?: unknown;
  readonly failure?: Failure;
}

/**
 * Why a job stopped while it waited for the user: a cancel, or no answer within the limit.
 * Its code is the catalogue's (SERVE_CANCELLED, SERVE_WAIT_EXPIRED); `waited` the question's kind.
 */
export interface Stop {
  readonly code: 'SERVE_CANCELLED' | 'SERVE_WAIT_EXPIRED';
  readonly waited: Question['kind'];
  /** the limit that ran out (SERVE_WAIT_EXPIRED) */
  readonly limitMs?: number;
}

/**
 * How long a job waits for an answer: the portal's OTPs are valid for minutes, and a filing left
 * asking for its go-ahead must not be answered by someone who comes back to the page an hour later.
 */
export const DEFAULT_ANSWER_WITHIN_MS = 15 * 60_000;

export interface JobStoreOptions {
  /** how long a question waits for the page's answer before the job stops, nothing filed @default 15 minutes */
  readonly answerWithinMs?: number;
}

export class Job {
  readonly id = randomBytes(9).toString('base64url');
  private state: JobView['state'] = 'running';
  private question: AskedQuestion | undefined;
  /** how many questions the job has asked: the number of the last one */
  private asked = 0;
  private answerWith: ((v: string) => void) | undefined;
  private refuseWith: ((e: Error) => void) | undefined;
  /** why the job stopped while it waited for the user (a cancel, the wait ran out), else undefined */
  stopped: Stop | undefined;
  private result: unknown;
  private failure: Failure | undefined;
  /** the findings of its outcome, fetched by the page once it is done */
  findings: JobFindings = { findings: [], portalErrors: [] };
  /** the workbook with the portal's errors an upload wrote (serve's file), and the name it downloads under */
  annotated: { readonly path: string; readonly name: string } | undefined;

  constructor(
    readonly action: string,
    readonly ret: JobReturn,
    private readonly answerWithinMs = DEFAULT_ANSWER_WITHIN_MS,
  ) {}

  /** Waits for the page's answer to `q`; with none within the limit, the job stops as if cancelled. */
  ask(q: Question): Promise<string> {
    this.question = { ...q, seq: ++this.asked };
    this.state = 'asking';
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.stop({ code: 'SERVE_WAIT_EXPIRED', waited: q.kind, limitMs: this.answerWithinMs }), this.answerWithinMs);
      // a job left waiting never keeps the process alive
      timer.unref();
      const close = () => {
        clearTimeout(timer);
        this.question = undefined;
        this.answerWith = undefined;
        this.refuseWith = undefined;
        this.state = 'running';
      };
      this.answerWith = (v) => {
        close();
        resolve(v);
      };
      this.refuseWith = (e) => {
        close();
        reject(e);
      };
    });
  }

  /**
   * The user's cancel of a job that waits for them: the go-ahead to file is answered no, an OTP is
   * refused (the run stops there). A job not waiting for the user cannot be cancelled: false.
   */
  cancel(): boolean {
    const q = this.question;
    if (!q) return false;
    this.stop({ code: 'SERVE_CANCELLED', waited: q.kind });
    return true;
  }

  private stop(why: Stop): void {
    const q = this.question;
    if (!q) return;
    this.stopped = why;
    if (q.kind === 'confirm') this.answerWith?.('no');
    else this.refuseWith?.(new Gstr1Error(why.code, {}));
  }

  /** The page's answer; false when no question is open. */
  answer(value: string): boolean {
    if (!this.answerWith) return false;
    this.answerWith(value);
    return true;
  }

  finish(result: unknown): void {
    this.result = result;
    this.state = 'done';
  }

  fail(f: Failure): void {
    this.failure = f;
    this.state = 'failed';
    this.question = undefined;
  }

  get busy(): boolean {
    return this.state === 'running' || this.state === 'asking';
  }

  view(): JobView {
    return {
      id: this.id,
      action: this.action,
      gstin: this.ret.gstin,
      period: this.ret.period,
      form: this.ret.form,
      state: this.state,
      ...(this.question ? { question: this.question } : {}),
      ...(this.state === 'done' ? { result: this.result } : {}),
      ...(this.failure ? { failure: this.failure } : {}),
    };
  }
}

/** The server's one job (the latest), and the limits every job it starts gets. */
export class JobStore {
  private job: Job | undefined;
  constructor(private readonly opts: JobStoreOptions = {}) {}

  get current(): Job | undefined {
    return this.job;
  }

  start(action: string, ret: JobReturn): Job {
    this.job = new Job(action, ret, this.opts.answerWithinMs ?? DEFAULT_ANSWER_WITHIN_MS);
    return this.job;
  }
}
