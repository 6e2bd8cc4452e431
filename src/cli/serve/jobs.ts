/**
 * The portal work the page asks for (upload, status, reset, file), run here with the server's
 * credentials, one job at a time. A job that needs something only the user knows (the taxpayer
 * OTP, the EVC OTP, the go-ahead once the portal's summary is shown beside the uploaded totals)
 * waits with a question until the page answers it.
 */
import { randomBytes } from 'node:crypto';
import { Gstr1Error } from '../../model/errors.js';
import type { FilingCheck } from '../../upload/run.js';

export type Question =
  | { readonly kind: 'otp' }
  | { readonly kind: 'evc-otp' }
  | { readonly kind: 'confirm'; readonly portal: FilingCheck['portal']; readonly saved: FilingCheck['saved'] };

export interface Failure {
  readonly code: string;
  readonly message: string;
  readonly hint: string;
}

export interface JobView {
  readonly id: string;
  readonly action: string;
  readonly state: 'running' | 'asking' | 'done' | 'failed';
  readonly question?: Question;
  readonly result?: unknown;
  readonly failure?: Failure;
}

export class Job {
  readonly id = randomBytes(9).toString('base64url');
  private state: JobView['state'] = 'running';
  private question: Question | undefined;
  private answerWith: ((v: string) => void) | undefined;
  private refuseWith: ((e: Error) => void) | undefined;
  /** what the job waited for when the user cancelled it (the OTP, the go-ahead), else undefined */
  cancelled: string | undefined;
  private result: unknown;
  private failure: Failure | undefined;

  constructor(readonly action: string) {}

  /** Waits for the page's answer to `q`. */
  ask(q: Question): Promise<string> {
    this.question = q;
    this.state = 'asking';
    return new Promise((resolve, reject) => {
      const close = () => {
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
    this.cancelled = q.kind === 'confirm' ? 'the go-ahead to file' : q.kind === 'otp' ? 'the OTP' : 'the EVC OTP';
    if (q.kind === 'confirm') this.answerWith?.('no');
    else this.refuseWith?.(new Gstr1Error('SERVE_CANCELLED', {}));
    return true;
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
      state: this.state,
      ...(this.question ? { question: this.question } : {}),
      ...(this.state === 'done' ? { result: this.result } : {}),
      ...(this.failure ? { failure: this.failure } : {}),
    };
  }
}
