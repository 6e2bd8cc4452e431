/**
 * Helpers both adapters use to read replies: the tolerated shape variants of §5.18 (status_cd as
 * string or number, reference_id top-level or under `data`, `ack_num` or `ackNo`, numbers where
 * strings were expected) and the options every adapter takes.
 */
import { jobOutcome } from '../codes.js';
import { ProviderError } from '../errors.js';
import type { HttpOptions } from '../fetch.js';
import type { Redactor } from '../redact.js';
import type { JobStatus, Logger, ReturnSummary } from '../types.js';
import { isObject } from '../../model/json-object.js';

type Obj = Record<string, unknown>;

/** Options common to every adapter. */
export interface AdapterOptions {
  /** provider address; https, or http to loopback only */
  baseUrl?: string;
  /** timeouts, retries, backoff, injectable clock */
  http?: HttpOptions;
  /** the run's redactor (credentials, OTPs and tokens are registered with it) */
  redactor?: Redactor;
  /** verbose output (already redacted when it gets here) */
  log?: Logger;
}


/** `status_cd` "1" / 1 / true is success. */
export function succeeded(v: unknown): boolean {
  return v === 1 || v === '1' || v === true;
}

/** The first value of `key` found in `o` or its nested `data` objects (breadth first, bounded). */
export function dig(o: unknown, ...keys: string[]): unknown {
  let level: unknown[] = [o];
  for (let depth = 0; depth < 4 && level.length; depth++) {
    const next: unknown[] = [];
    for (const x of level) {
      if (!isObject(x)) continue;
      for (const k of keys) if (x[k] !== undefined && x[k] !== null && x[k] !== '') return x[k];
      if (isObject(x.data)) next.push(x.data);
      if (isObject(x.result)) next.push(x.result);
    }
    level = next;
  }
  return undefined;
}

export function referenceIdOf(provider: string, op: string, body: unknown): string {
  const ref = dig(body, 'reference_id', 'referenceId', 'ref_id');
  if (typeof ref === 'string' || typeof ref === 'number') return String(ref);
  throw new ProviderError('bad_response', { provider, op, detail: 'no reference_id in the reply' });
}

/** The bare status payload `{status_cd: IP|P|PE|ER, action, error_report}` inside an envelope. */
export function jobStatusOf(provider: string, body: unknown): JobStatus {
  let cur: unknown = body;
  for (let depth = 0; depth < 4 && isObject(cur); depth++) {
    const sc = cur.status_cd ?? cur.statusCd;
    const outcome = typeof sc === 'string' ? jobOutcome(sc) : undefined;
    if (outcome) {
      return {
        outcome,
        statusCd: String(sc).toUpperCase(),
        ...(typeof cur.action === 'string' ? { action: cur.action } : {}),
        ...(cur.error_report !== undefined ? { errorReport: cur.error_report } : {}),
      };
    }
    cur = cur.data;
  }
  throw new ProviderError('bad_response', { provider, op: 'status', detail: 'no return status in the reply' });
}

/** The summary object (`chksum` + `sec_sum`) inside an envelope. */
export function summaryOf(provider: string, body: unknown): ReturnSummary {
  let cur: unknown = body;
  for (let depth = 0; depth < 4 && isObject(cur); depth++) {
    if (Array.isArray(cur.sec_sum) && (typeof cur.chksum === 'string' || typeof cur.chksum === 'number')) {
      return { ...cur, chksum: String(cur.chksum) } as unknown as ReturnSummary;
    }
    cur = cur.data;
  }
  throw new ProviderError('bad_response', { provider, op: 'summary', detail: 'no summary (chksum, sec_sum) in the reply' });
}

export function ackOf(provider: string, body: unknown): { arn: string; ackDate?: string } {
  const arn = dig(body, 'ack_num', 'ackNo', 'ack_no', 'arn', 'ackNum');
  if (typeof arn !== 'string' && typeof arn !== 'number') {
    throw new ProviderError('bad_response', { provider, op: 'file', detail: 'no ack_num in the reply' });
  }
  const dt = dig(body, 'ack_dt', 'ackDt', 'ack_date');
  return { arn: String(arn), ...(typeof dt === 'string' ? { ackDate: dt } : {}) };
}

/** A tracker status that says the return is filed: "Filed", "FILED", "Filed - Valid"; not "Not Filed", "To be Filed". */
export function saysFiled(status: string): boolean {
  const words = status.trim().toLowerCase().split(/[^a-z]+/).filter(Boolean);
  return words[0] === 'filed' && !words.some((w) => w === 'not' || w === 'invalid');
}

/** The tracker's entry for the return type `type` (GSTR1, GSTR1A) of `period`. */
export function trackOf(body: unknown, period: string, type = 'GSTR1'): { filed: boolean; arn?: string; filedOn?: string; status?: string } {
  const list = dig(body, 'EFiledlist', 'efiledlist', 'filed_list');
  if (!Array.isArray(list)) return { filed: false };
  for (const e of list) {
    if (!isObject(e)) continue;
    const rtn = String(e.rtntype ?? e.rtn_typ ?? 'GSTR1').toUpperCase().replace(/[^A-Z0-9]/g, '');
    const prd = String(e.ret_prd ?? e.ret_period ?? period);
    if (rtn !== type || prd !== period) continue;
    const status = typeof e.status === 'string' ? e.status : undefined;
    const arn = e.arn ?? e.ack_num;
    // "Not Filed", "To be Filed", "Submitted but not filed" all hold the word: only a status that
    // says filed counts, and an entry without one only with its ARN
    if (status !== undefined ? !saysFiled(status) : arn === undefined || arn === null || arn === '') return { filed: false, ...(status ? { status } : {}) };
    return {
      filed: true,
      ...(arn !== undefined ? { arn: String(arn) } : {}),
      ...(typeof e.dof === 'string' ? { filedOn: e.dof } : {}),
      ...(status ? { status } : {}),
    };
  }
  return { filed: false };
}

/** Joins a base URL and a path with a query (undefined values left out). */
export function urlOf(base: string, path: string, query: Record<string, string | undefined> = {}): string {
  const u = new URL(base + path);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) u.searchParams.set(k, v);
  return u.href;
}

/** A status poll answering "no document found" means the reference id is unknown (or expired). */
export function unknownReference(e: unknown): never {
  if (e instanceof ProviderError && e.kind === 'no_data') {
    throw new ProviderError('unknown_reference', {
      provider: e.provider, op: e.op,
      ...(e.providerCode ? { providerCode: e.providerCode } : {}),
      ...(e.detail ? { detail: e.detail } : {}),
      cause: e,
    });
  }
  throw e;
}
