/**
 * Minimal fetch wrapper for the adapters: a timeout per attempt, bounded retries with exponential
 * backoff and jitter on network errors, 5xx and 429 (honouring Retry-After), redacted verbose
 * logging. A write (`idempotent: false`) is retried only when the request provably did not reach
 * the server (connection refused, DNS) or was refused unprocessed (429); a timeout, a dropped
 * connection or a 5xx after sending a write throws `reply_lost` so the caller can check whether
 * the write was applied before sending it again.
 */
import { ProviderError } from './errors.js';
import { excerpt, type Redactor } from './redact.js';
import { systemClock, type Clock, type Logger } from './types.js';

export interface HttpOptions {
  /** the fetch implementation @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** per-attempt timeout @default 30000 */
  timeoutMs?: number;
  /** retries after the first attempt @default 3 */
  retries?: number;
  /** first backoff delay; doubles per retry @default 500 */
  backoffMs?: number;
  /** backoff ceiling @default 10000 */
  maxBackoffMs?: number;
  /** a Retry-After longer than this is not waited for: the call fails `rate_limited` @default 60000 */
  maxRetryAfterMs?: number;
  /** injectable time and randomness (tests) */
  clock?: Partial<Clock>;
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** safe to repeat blindly (reads). Writes are not. */
  readonly idempotent: boolean;
  /** the step, for logs and errors */
  readonly op: string;
}

export interface HttpReply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** the body parsed as JSON, or undefined when it is not JSON */
  readonly json: unknown;
}

export type HttpClient = (req: HttpRequest) => Promise<HttpReply>;

/** Error codes of a request that never left this machine. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ERR_INVALID_URL']);

export function createHttp(provider: string, redactor: Redactor, log: Logger | undefined, opts: HttpOptions = {}): HttpClient {
  const doFetch = opts.fetch ?? globalThis.fetch;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const retries = opts.retries ?? 3;
  const base = opts.backoffMs ?? 500;
  const cap = opts.maxBackoffMs ?? 10_000;
  const maxRetryAfter = opts.maxRetryAfterMs ?? 60_000;
  const clock: Clock = { ...systemClock, ...opts.clock };
  const say = (line: string) => log?.(redactor.text(`[upload] [${provider}] ${line}`));

  /** exponential backoff with "equal jitter": half fixed, half random */
  const backoff = (attempt: number) => {
    const d = Math.min(cap, base * 2 ** attempt);
    return Math.round(d / 2 + clock.random() * (d / 2));
  };

  return async function http(req: HttpRequest): Promise<HttpReply> {
    for (let attempt = 0; ; attempt++) {
      const started = clock.now();
      say(`→ ${req.method} ${redactor.url(req.url)}${attempt ? ` (retry ${attempt})` : ''}`);
      if (log && req.headers) say(`  headers ${JSON.stringify(redactor.value(req.headers))}`);
      if (log && req.body) say(`  body ${excerpt(redactor.text(req.body), 200)}`);
      const ac = new AbortController();
      const timer = setTimeout(() => ac.abort(), timeoutMs);
      let res: Response;
      let text: string;
      try {
        res = await doFetch(req.url, {
          method: req.method,
          headers: { accept: 'application/json', ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}), ...req.headers },
          ...(req.body !== undefined ? { body: req.body } : {}),
          signal: ac.signal,
        });
        text = await res.text();
      } catch (e) {
        clearTimeout(timer);
        const timedOut = ac.signal.aborted;
        const code = errCode(e);
        const sent = !NOT_SENT.has(code ?? '');
        say(`✗ ${req.op}: ${timedOut ? `timed out after ${timeoutMs} ms` : `network error ${code ?? describe(e)}`}`);
        if (!req.idempotent && sent) {
          throw new ProviderError('reply_lost', { provider, op: req.op, detail: timedOut ? `no reply within ${timeoutMs} ms` : redactor.text(code ?? describe(e)), cause: e });
        }
        if (attempt < retries) {
          await clock.sleep(backoff(attempt));
          continue;
        }
        throw new ProviderError('network_error', { provider, op: req.op, detail: timedOut ? `no reply within ${timeoutMs} ms` : redactor.text(code ?? describe(e)), cause: e });
      } finally {
        clearTimeout(timer);
      }
      const ms = clock.now() - started;
      if (log) say(`← ${res.status} ${req.op} (${ms} ms) ${excerpt(redactor.text(text), 300)}`);

      if (res.status === 429) {
        const wait = retryAfterMs(res.headers.get('retry-after'), clock.now());
        if (attempt < retries && (wait === undefined || wait <= maxRetryAfter)) {
          await clock.sleep(wait ?? backoff(attempt));
          continue;
        }
        throw new ProviderError('rate_limited', {
          provider, op: req.op, httpStatus: 429, detail: excerpt(redactor.text(text)),
          ...(wait !== undefined ? { retryAfterMs: wait } : {}),
        });
      }
      if (res.status >= 500) {
        if (!req.idempotent) {
          throw new ProviderError('reply_lost', { provider, op: req.op, httpStatus: res.status, detail: excerpt(redactor.text(text)) });
        }
        if (attempt < retries) {
          // a 503 may say when to come back
          const wait = retryAfterMs(res.headers.get('retry-after'), clock.now());
          await clock.sleep(wait !== undefined && wait <= maxRetryAfter ? wait : backoff(attempt));
          continue;
        }
        throw new ProviderError('server_error', { provider, op: req.op, httpStatus: res.status, detail: excerpt(redactor.text(text)) });
      }
      return { status: res.status, headers: res.headers, text, json: parseJson(text) };
    }
  };
}

/** Retry-After: delta-seconds or an HTTP date. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

function parseJson(text: string): unknown {
  const t = text.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
}

function errCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const c = (cur as { code?: unknown }).code;
    if (typeof c === 'string') return c;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0]!.slice(0, 120) : String(e).slice(0, 120);
}
