/**
 * A local emulator of both providers in front of one emulated portal, as a node:http request
 * handler (convention 13): tests mount it with `http.createServer(emulator.handler)` on port 0 at
 * 127.0.0.1, or call `startEmulator()`. Faults are switchable per endpoint (options, `setFault`,
 * or `POST /__emulator/faults`); `POST /__emulator/clock {advanceMs}` moves its clock (sessions,
 * OTPs and summary lag expire by it); `GET /__emulator/returns` shows counters.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Faults, type EmulatorOp, type FaultSpec, type FiredFaults } from './faults.js';
import { Portal, type PortalOptions } from './portal.js';
import { sandboxRoutes } from './sandbox.js';
import type { Route, RouteContext, RouteReply, RouteRequest } from './types.js';
import { whitebooksRoutes } from './whitebooks.js';
import { listenOn } from '../listen.js';

export { EMULATOR_OPS, type EmulatorOp, type FaultSpec } from './faults.js';
export { Portal, errorReport, type PortalOptions, type ReturnState } from './portal.js';
export { structureError, type ValidatePayload } from './validate.js';
export { defaultValidatePayload } from './own-checks.js';
export { GENERIC_PORTAL_CODE, PORTAL_CODE, portalCodeOf, projectRules, type ProjectRulesOptions } from './rules.js';

export interface EmulatorOptions extends Omit<PortalOptions, 'now'> {
  /** the taxpayer OTP @default '575757' */
  otp?: string;
  /** taxpayer session lifetime @default 6 h */
  sessionMs?: number;
  /** Sandbox platform token lifetime @default 24 h */
  platformMs?: number;
  /** open sessions per user before AUTH403 @default 10 */
  maxSessions?: number;
  /** requests per minute before HTTP 429 (Sandbox: 25 test, 100 production) @default unlimited */
  rateLimitPerMinute?: number;
  /** faults from the start */
  faults?: Partial<Record<EmulatorOp, FaultSpec>>;
  /** when given, the credentials are checked; otherwise any non-empty value is accepted */
  credentials?: RouteContext['credentials'];
  /** serve `/__emulator/*` @default true */
  admin?: boolean;
  /** base clock @default Date.now */
  now?: () => number;
}

export interface Emulator {
  /** the node:http request handler */
  readonly handler: (req: IncomingMessage, res: ServerResponse) => void;
  readonly portal: Portal;
  readonly faults: Faults;
  setFault(op: EmulatorOp, spec: FaultSpec): void;
  clearFaults(op?: EmulatorOp): void;
  /** moves the emulator's clock forward */
  advance(ms: number): void;
  now(): number;
  /** every txn and token the emulator handed out (secrets, for log greps) */
  readonly issued: readonly string[];
  /** requests per endpoint */
  readonly calls: Readonly<Record<string, number>>;
  /** ends hung replies (call before closing the server) */
  dispose(): void;
}

export function createEmulator(opts: EmulatorOptions = {}): Emulator {
  let offset = 0;
  const base = opts.now ?? Date.now;
  const now = () => base() + offset;
  const portal = new Portal({ ...opts, now });
  const faults = new Faults(opts.faults);
  const issued: string[] = [];
  const calls: Record<string, number> = {};
  const hung = new Set<{ timer: NodeJS.Timeout; res: ServerResponse }>();
  const ctx: RouteContext = {
    portal, now, issued,
    otp: opts.otp ?? '575757',
    sessionMs: opts.sessionMs ?? 6 * 3600_000,
    platformMs: opts.platformMs ?? 24 * 3600_000,
    maxSessions: opts.maxSessions ?? 10,
    ...(opts.credentials ? { credentials: opts.credentials } : {}),
  };
  const routes: Route[] = [...whitebooksRoutes(ctx), ...sandboxRoutes(ctx)];
  const window: number[] = [];

  const send = (res: ServerResponse, r: RouteReply) => {
    const text = r.text ? String(r.body) : JSON.stringify(r.body);
    res.writeHead(r.status, {
      'content-type': r.text ? 'text/html; charset=utf-8' : 'application/json',
      'content-length': Buffer.byteLength(text),
      ...r.headers,
    });
    res.end(text);
  };

  const admin = (req: IncomingMessage, url: URL, body: string, res: ServerResponse) => {
    const path = url.pathname.replace(/^\/__emulator/, '');
    try {
      if (path === '/faults' && req.method === 'POST') {
        const specs = JSON.parse(body || '{}') as Record<string, FaultSpec>;
        for (const [op, spec] of Object.entries(specs)) faults.set(op as EmulatorOp, spec);
        return send(res, { status: 200, body: { ok: true } });
      }
      if (path === '/faults' && req.method === 'DELETE') {
        faults.clear();
        return send(res, { status: 200, body: { ok: true } });
      }
      if (path === '/clock' && req.method === 'POST') {
        offset += Number((JSON.parse(body || '{}') as { advanceMs?: number }).advanceMs ?? 0);
        return send(res, { status: 200, body: { now: now() } });
      }
      if (path === '/returns' && req.method === 'GET') {
        const list = [...portal.returns.values()].map((s) => ({
          gstin: s.gstin, fp: s.fp, documents: s.docs.size, filed: s.filed ?? null, counts: s.counts,
        }));
        return send(res, { status: 200, body: { returns: list, calls } });
      }
    } catch (e) {
      return send(res, { status: 400, body: { error: e instanceof Error ? e.message : String(e) } });
    }
    return send(res, { status: 404, body: { error: 'unknown admin path' } });
  };

  const notFound = (path: string): RouteReply =>
    path.startsWith('/gst/') || path === '/authenticate'
      ? { status: 404, body: { code: 404, message: 'Not Found' } }
      : { status: 404, body: { status_cd: '0', status_desc: 'Failure', error: { error_cd: 'WB_ERR_9404', message: `WB_ERR_9404 : No API configured for :${path}` } } };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const body = await readBody(req);
    if (url.pathname.startsWith('/__emulator/')) {
      if (opts.admin === false) return send(res, notFound(url.pathname));
      return admin(req, url, body, res);
    }
    const matched = matchRoute(routes, req.method ?? 'GET', url.pathname);
    if (!matched) return send(res, notFound(url.pathname));
    const { route, params } = matched;
    calls[route.op] = (calls[route.op] ?? 0) + 1;

    const fired: FiredFaults = faults.take(route.op);
    if (fired.latencyMs) await new Promise((r) => setTimeout(r, fired.latencyMs));
    if (opts.rateLimitPerMinute) {
      const t = now();
      while (window.length && t - window[0]! >= 60_000) window.shift();
      if (window.length >= opts.rateLimitPerMinute) {
        const retry = Math.max(1, Math.ceil((60_000 - (t - window[0]!)) / 1000));
        return send(res, rateLimited(route, retry));
      }
      window.push(t);
    }
    if (fired.rateLimit) return send(res, rateLimited(route, fired.rateLimit.retryAfterSec ?? 1));
    if (fired.httpError) {
      const st = fired.httpError.status;
      return send(res, route.provider === 'sandbox'
        ? { status: st, body: { code: st, message: fired.httpError.body ?? (st === 503 ? 'Source not working' : 'Internal Server Error'), timestamp: now() } }
        : { status: st, text: true, body: fired.httpError.body ?? 'GSPGSTDOWN : GST System is down' });
    }
    if (fired.dropBeforeApply) {
      req.socket.destroy();
      return;
    }
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
    const rq: RouteRequest = { method: req.method ?? 'GET', url, headers, body, faults: fired };
    const reply = route.handle(rq, params);
    if (fired.lostReply) {
      // the work is done; the reply never arrives
      if (fired.lostReply.mode === 'drop') {
        req.socket.destroy();
        return;
      }
      const entry = { res, timer: setTimeout(() => {
        hung.delete(entry);
        res.socket?.destroy();
      }, fired.lostReply.hangMs) };
      hung.add(entry);
      return;
    }
    send(res, reply);
  }

  return {
    handler: (req, res) => {
      handle(req, res).catch((e) => {
        if (!res.headersSent) send(res, { status: 500, body: { error: e instanceof Error ? e.message : String(e) } });
        else res.destroy();
      });
    },
    portal,
    faults,
    setFault: (op, spec) => faults.set(op, spec),
    clearFaults: (op) => faults.clear(op),
    advance: (ms) => {
      offset += ms;
    },
    now,
    issued,
    calls,
    dispose() {
      for (const h of hung) {
        clearTimeout(h.timer);
        h.res.socket?.destroy();
      }
      hung.clear();
    },
  };
}

function rateLimited(route: Route, retryAfterSec: number): RouteReply {
  return {
    status: 429,
    headers: { 'retry-after': String(retryAfterSec) },
    body: route.provider === 'sandbox'
      ? { code: 429, message: 'Rate limit exceeded' }
      : { status_cd: '0', status_desc: 'Failure', error: { error_cd: 'WB_ERR_9429', message: 'Too many requests' } },
  };
}

function matchRoute(routes: readonly Route[], method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.method !== method.toUpperCase()) continue;
    const params = route.match(path);
    if (params) return { route, params };
  }
  return undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  readonly emulator: Emulator;
  readonly server: Server;
  close(): Promise<void>;
}

/** Starts the emulator on `host:port` (port 0: any free port). */
export async function startEmulator(opts: EmulatorOptions & { port?: number; host?: string } = {}): Promise<RunningEmulator> {
  const emulator = createEmulator(opts);
  const server = createServer(emulator.handler);
  const host = opts.host ?? '127.0.0.1';
  await listenOn(server, opts.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    emulator,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        emulator.dispose();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
