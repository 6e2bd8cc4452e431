/** fetch helper: timeouts, bounded retries with backoff and jitter, Retry-After, writes never repeated blindly. */
import { describe, expect, it } from 'vitest';
import { createHttp, retryAfterMs, type HttpRequest } from './fetch.js';
import { Redactor } from './redact.js';

type Step = Response | Error | 'hang';
const netErr = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });

function stub(steps: Step[]) {
  const calls: string[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push(`${init.method} ${url}`);
    const s = steps.shift() ?? new Response('{}');
    if (s === 'hang') {
      return new Promise((_r, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }
    if (s instanceof Error) throw s;
    return s;
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

function client(steps: Step[], extra: { timeoutMs?: number; retries?: number; log?: (l: string) => void } = {}) {
  const s = stub(steps);
  const sleeps: number[] = [];
  const http = createHttp('test', new Redactor().add('sekret-value'), extra.log, {
    fetch: s.fetch, backoffMs: 100, timeoutMs: extra.timeoutMs ?? 1000, retries: extra.retries ?? 3,
    clock: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, now: () => Date.parse('2025-04-01T00:00:00Z') },
  });
  return { http, sleeps, calls: s.calls };
}

const GET: HttpRequest = { method: 'GET', url: 'https://x.test/status?otp=123456', idempotent: true, op: 'status' };
const PUT: HttpRequest = { method: 'PUT', url: 'https://x.test/save', body: '{}', idempotent: false, op: 'save' };

describe('fetch helper', () => {
  it('retries a read on 5xx with exponential backoff and jitter, then succeeds', async () => {
    const c = client([new Response('down', { status: 503 }), new Response('down', { status: 502 }), new Response('{"ok":1}')]);
    const r = await c.http(GET);
    expect(r.json).toEqual({ ok: 1 });
    expect(c.sleeps).toEqual([75, 150]); // d/2 + random·d/2 with d = 100·2^n
    expect(c.calls).toHaveLength(3);
  });

  it('waits as a 503 asks (Retry-After) before reading again', async () => {
    const c = client([new Response('busy', { status: 503, headers: { 'retry-after': '4' } }), new Response('{}')]);
    await c.http(GET);
    expect(c.sleeps).toEqual([4000]);
  });

  it('gives up after the bounded retries: server_error', async () => {
    const c = client(Array(5).fill(0).map(() => new Response('x', { status: 500 })), { retries: 2 });
    await expect(c.http(GET)).rejects.toMatchObject({ kind: 'server_error', httpStatus: 500 });
    expect(c.calls).toHaveLength(3);
  });

  it('honours Retry-After (seconds or date) on 429, for reads and writes alike', async () => {
    const c = client([
      new Response('', { status: 429, headers: { 'retry-after': '2' } }),
      new Response('', { status: 429, headers: { 'retry-after': 'Tue, 01 Apr 2025 00:00:05 GMT' } }),
      new Response('{"reference_id":"r"}'),
    ]);
    await c.http(PUT);
    expect(c.sleeps).toEqual([2000, 5000]);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
  });

  it('does not wait for a Retry-After beyond the limit: rate_limited', async () => {
    const c = client([new Response('', { status: 429, headers: { 'retry-after': '3600' } })]);
    await expect(c.http(GET)).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 3_600_000 });
  });

  it('never repeats a write after a 5xx, a dropped connection or a timeout: reply_lost', async () => {
    for (const step of [new Response('oops', { status: 500 }), netErr('ECONNRESET'), 'hang' as const]) {
      const c = client([step], { timeoutMs: 30 });
      await expect(c.http(PUT)).rejects.toMatchObject({ kind: 'reply_lost', op: 'save' });
      expect(c.calls).toHaveLength(1);
    }
  });

  it('repeats a write that never left (connection refused), and a read that timed out', async () => {
    const w = client([netErr('ECONNREFUSED'), new Response('{}')]);
    await w.http(PUT);
    expect(w.calls).toHaveLength(2);
    const r = client(['hang', new Response('{}')], { timeoutMs: 30 });
    await r.http(GET);
    expect(r.calls).toHaveLength(2);
    const dead = client(['hang', 'hang'], { timeoutMs: 20, retries: 1 });
    await expect(dead.http(GET)).rejects.toMatchObject({ kind: 'network_error' });
  });

  it('logs requests and replies with secrets hidden', async () => {
    const lines: string[] = [];
    const c = client([new Response('{"access_token":"tok-abc-123","note":"sekret-value"}')], { log: (l) => lines.push(l) });
    await c.http({ ...GET, headers: { client_secret: 'cs-1', other: 'visible' } });
    const text = lines.join('\n');
    expect(text).toContain('otp=[redacted]');
    expect(text).toContain('"client_secret":"[redacted]"');
    expect(text).toContain('visible');
    expect(text).not.toMatch(/tok-abc-123|sekret-value|123456|cs-1/);
  });
});
