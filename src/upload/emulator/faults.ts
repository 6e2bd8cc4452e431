/**
 * Transport and portal faults, switchable per endpoint (constructor options, `setFault`, or the
 * admin endpoint `POST /__emulator/faults`). Counted faults fire on the next `times` calls.
 */

/** The logical endpoints, the same for both providers' paths. */
export const EMULATOR_OPS = [
  'authenticate', 'otp', 'verify', 'refresh', 'logout',
  'save', 'status', 'reset', 'proceed', 'summary', 'evcotp', 'file', 'track',
] as const;
export type EmulatorOp = (typeof EMULATOR_OPS)[number];

export interface FaultSpec {
  /** wait this long before answering */
  latencyMs?: number;
  /** answer this HTTP status (500, 502, 503, 504) without doing anything */
  httpError?: { status: number; times?: number; body?: string };
  /** answer 429 with Retry-After without doing anything */
  rateLimit?: { times?: number; retryAfterSec?: number };
  /** do the work, then lose the reply: drop the connection, or hang until the client gives up */
  lostReply?: { times?: number; mode?: 'drop' | 'hang'; hangMs?: number };
  /** drop the connection without doing anything */
  dropBeforeApply?: { times?: number };
  /** the session has expired: answer so and forget it */
  expireSession?: { times?: number };
  /** status polls stay IP */
  stuckInProgress?: boolean;
  /** save, reset and proceed answer "RESET is under process" */
  resetInProgress?: { times?: number };
}

export interface FiredFaults {
  latencyMs?: number;
  httpError?: { status: number; body?: string };
  rateLimit?: { retryAfterSec?: number };
  lostReply?: { mode: 'drop' | 'hang'; hangMs: number };
  dropBeforeApply?: boolean;
  expireSession?: boolean;
  stuckInProgress?: boolean;
  resetInProgress?: boolean;
}

type Counted = 'httpError' | 'rateLimit' | 'lostReply' | 'dropBeforeApply' | 'expireSession' | 'resetInProgress';

export class Faults {
  private specs = new Map<EmulatorOp, FaultSpec>();
  private left = new Map<string, number>();

  constructor(initial: Partial<Record<EmulatorOp, FaultSpec>> = {}) {
    for (const [op, spec] of Object.entries(initial)) if (spec) this.set(op as EmulatorOp, spec);
  }

  set(op: EmulatorOp, spec: FaultSpec): void {
    if (!(EMULATOR_OPS as readonly string[]).includes(op)) throw new Error(`unknown emulator endpoint ${op}`);
    this.specs.set(op, spec);
    for (const k of ['httpError', 'rateLimit', 'lostReply', 'dropBeforeApply', 'expireSession', 'resetInProgress'] as Counted[]) {
      const f = spec[k] as { times?: number } | undefined;
      if (f) this.left.set(`${op}.${k}`, f.times ?? 1);
      else this.left.delete(`${op}.${k}`);
    }
  }

  clear(op?: EmulatorOp): void {
    if (op) {
      this.specs.delete(op);
      for (const k of [...this.left.keys()]) if (k.startsWith(`${op}.`)) this.left.delete(k);
    } else {
      this.specs.clear();
      this.left.clear();
    }
  }

  private fire(op: EmulatorOp, k: Counted): boolean {
    const key = `${op}.${k}`;
    const n = this.left.get(key) ?? 0;
    if (n <= 0) return false;
    this.left.set(key, n - 1);
    return true;
  }

  /** The faults that fire on this call (counters are consumed). */
  take(op: EmulatorOp): FiredFaults {
    const spec = this.specs.get(op);
    if (!spec) return {};
    const out: FiredFaults = {};
    if (spec.latencyMs) out.latencyMs = spec.latencyMs;
    if (spec.stuckInProgress) out.stuckInProgress = true;
    if (spec.httpError && this.fire(op, 'httpError')) out.httpError = { status: spec.httpError.status, ...(spec.httpError.body ? { body: spec.httpError.body } : {}) };
    else if (spec.rateLimit && this.fire(op, 'rateLimit')) out.rateLimit = { ...(spec.rateLimit.retryAfterSec !== undefined ? { retryAfterSec: spec.rateLimit.retryAfterSec } : {}) };
    else if (spec.dropBeforeApply && this.fire(op, 'dropBeforeApply')) out.dropBeforeApply = true;
    else if (spec.expireSession && this.fire(op, 'expireSession')) out.expireSession = true;
    else {
      if (spec.resetInProgress && this.fire(op, 'resetInProgress')) out.resetInProgress = true;
      if (spec.lostReply && this.fire(op, 'lostReply')) out.lostReply = { mode: spec.lostReply.mode ?? 'drop', hangMs: spec.lostReply.hangMs ?? 30_000 };
    }
    return out;
  }
}
