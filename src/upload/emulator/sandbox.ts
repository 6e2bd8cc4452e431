/**
 * Sandbox.co.in's paths on the emulated portal (provider-apis.md §2.3, §5.2): `x-api-key` on every
 * call, a platform token from `/authenticate` (expired → HTTP 403), a taxpayer token from OTP
 * verification (expired → `AUTH4038` inside HTTP 200), replies `{code, timestamp, transaction_id,
 * data:{status_cd, data|error}}`, platform errors `{code, message}` with the same HTTP status.
 * Of GSTR-1A only the documented read is served (its summary): Sandbox documents no GSTR-1A write.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Result } from './portal.js';
import { pathPattern, type Route, type RouteContext, type RouteReply, type RouteRequest } from './types.js';

interface Token {
  expiresAt: number;
}
interface TaxpayerToken extends Token {
  gstin: string;
  username: string;
}

const P = '/gst/compliance/tax-payer';

export function sandboxRoutes(ctx: RouteContext): Route[] {
  const platform = new Map<string, Token>();
  const taxpayer = new Map<string, TaxpayerToken>();
  const otpSent = new Map<string, number>();

  const envelope = (data: unknown): RouteReply => ({
    status: 200,
    body: { code: 200, timestamp: ctx.now(), transaction_id: randomUUID(), data },
  });
  const platformError = (status: number, message: string): RouteReply => ({
    status,
    body: { code: status, message, timestamp: ctx.now(), transaction_id: randomUUID() },
  });
  const gstnError = (code: string, message: string) => envelope({ status_cd: '0', error: { error_cd: code, message } });
  const success = (data?: unknown) => envelope({ status_cd: '1', ...(data !== undefined ? { data } : {}) });
  const from = <T>(r: Result<T>, data: (v: T) => unknown): RouteReply => (r.ok ? success(data(r.value)) : gstnError(r.code, r.message));

  const apiKey = (req: RouteRequest): RouteReply | undefined => {
    const key = req.headers['x-api-key'];
    if (!key) return platformError(401, 'Unauthorized: x-api-key is missing');
    const want = ctx.credentials?.sandbox?.apiKey;
    if (want && key !== want) return platformError(401, 'Unauthorized');
    return undefined;
  };

  /** a valid platform token in `authorization` */
  const platformAuth = (req: RouteRequest): RouteReply | undefined => {
    const bad = apiKey(req);
    if (bad) return bad;
    const t = platform.get(req.headers.authorization ?? '');
    if (!t) return platformError(403, 'Invalid token');
    if (ctx.now() >= t.expiresAt) return platformError(403, 'Token expired');
    return undefined;
  };

  /** a valid taxpayer token: the GSTIN comes from the session, not the path */
  const taxpayerAuth = (req: RouteRequest): { bad: RouteReply } | { tok: TaxpayerToken } => {
    const bad = apiKey(req);
    if (bad) return { bad };
    const key = req.headers.authorization ?? '';
    const t = taxpayer.get(key);
    if (!t) return { bad: gstnError('AUTH4033', 'Invalid Session') };
    if (req.faults.expireSession || ctx.now() >= t.expiresAt) {
      taxpayer.delete(key);
      return { bad: gstnError('AUTH4038', 'Session Expired') };
    }
    return { tok: t };
  };

  const route = (op: Route['op'], method: string, path: string, handle: Route['handle']): Route => ({
    provider: 'sandbox', op, method, match: pathPattern(path), handle,
  });
  const fp = (p: Record<string, string>) => `${p.month!.padStart(2, '0')}${p.year}`;
  const json = (req: RouteRequest): Record<string, unknown> | undefined => {
    try {
      const v = JSON.parse(req.body || '{}');
      return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
    } catch {
      return undefined;
    }
  };

  return [
    route('authenticate', 'POST', '/authenticate', (req) => {
      const bad = apiKey(req);
      if (bad) return bad;
      const want = ctx.credentials?.sandbox?.apiSecret;
      if (!req.headers['x-api-secret'] || (want && req.headers['x-api-secret'] !== want)) return platformError(403, 'Bad Credentials');
      const token = `eyJ${randomBytes(24).toString('base64url')}`;
      ctx.issued.push(token);
      platform.set(token, { expiresAt: ctx.now() + ctx.platformMs });
      return envelope({ access_token: token });
    }),

    route('otp', 'POST', `${P}/otp`, (req) => {
      const bad = platformAuth(req);
      if (bad) return bad;
      const b = json(req);
      if (!b || typeof b.username !== 'string' || typeof b.gstin !== 'string') return platformError(422, 'username and gstin are required');
      const open = [...taxpayer.values()].filter((t) => t.username === b.username && t.expiresAt > ctx.now()).length;
      if (open >= ctx.maxSessions) return gstnError('AUTH403', 'Maximum session allowed for user with this GSP account exceeded.');
      otpSent.set(`${b.username}|${b.gstin.toUpperCase()}`, ctx.now() + 10 * 60_000);
      return success();
    }),

    route('verify', 'POST', `${P}/otp/verify`, (req) => {
      const bad = platformAuth(req);
      if (bad) return bad;
      const b = json(req);
      if (!b || typeof b.username !== 'string' || typeof b.gstin !== 'string') return platformError(422, 'username and gstin are required');
      const k = `${b.username}|${b.gstin.toUpperCase()}`;
      const until = otpSent.get(k);
      if (until === undefined || ctx.now() >= until) return gstnError('AUTH4033', 'Invalid Session');
      if (req.url.searchParams.get('otp') !== ctx.otp) return gstnError('AUTH158', 'Invalid OTP');
      otpSent.delete(k);
      const token = `tp_${randomBytes(24).toString('base64url')}`;
      ctx.issued.push(token);
      const expiresAt = ctx.now() + ctx.sessionMs;
      taxpayer.set(token, { gstin: b.gstin.toUpperCase(), username: b.username, expiresAt });
      return envelope({ status_cd: '1', access_token: token, token_expiry: expiresAt, session_expiry: expiresAt });
    }),

    route('refresh', 'POST', `${P}/session/refresh`, (req) => {
      const a = taxpayerAuth(req);
      if ('bad' in a) return a.bad;
      const token = `tp_${randomBytes(24).toString('base64url')}`;
      ctx.issued.push(token);
      taxpayer.delete(req.headers.authorization!);
      const expiresAt = ctx.now() + ctx.sessionMs;
      taxpayer.set(token, { ...a.tok, expiresAt });
      return envelope({ status_cd: '1', access_token: token, token_expiry: expiresAt, session_expiry: expiresAt });
    }),

    route('logout', 'POST', `${P}/logout`, (req) => {
      const a = taxpayerAuth(req);
      if ('bad' in a) return a.bad;
      taxpayer.delete(req.headers.authorization!);
      return success();
    }),

    route('save', 'POST', `${P}/gstrs/gstr-1/{year}/{month}`, (req, p) => {
      const a = taxpayerAuth(req);
      if ('bad' in a) return a.bad;
      return from(ctx.portal.save(a.tok.gstin, fp(p), req.body, { resetInProgress: Boolean(req.faults.resetInProgress) }), (v) => ({ reference_id: v.referenceId }));
    }),

    route('summary', 'GET', `${P}/gstrs/gstr-1/{year}/{month}`, (req, p) => {
      const a = taxpayerAuth(req);
      if ('bad' in a) return a.bad;
      const long = (req.url.searchParams.get('summary_type') ?? 'short').toLowerCase() === 'long';
      return from(ctx.portal.summary(a.tok.gstin, fp(p), long), (v) => v);
    }),

    // GSTR-1A: Sandbox documents its reads only (this summary and the sections); no save or filing path
    route('summary', 'GET', `${P}/gstrs/gstr-1a/{year}/{month}`, (req, p) => {
      const a = taxpayerAuth(req);
      if ('bad' in a) return a.bad;
      const long = (req.url.searchParams.get('summary_type') ?? 'short').toLowerCase() === 'long';
      return from(ctx.portal.summary(a.tok.gstin, fp(p), long, 'gstr1a'), (v) => v);
    }),

    route('status', 'GET', `${P}/gstrs/{year}/{month}/status`, (req, p) => {
      const a = taxpayerAuth(req);
      if ('bad' in a) return a.bad;
      const ref = req.url.searchParams.get('reference_id') ?? '';
      return from(ctx.portal.status(a.tok.gstin, fp(p), ref, { stuck: Boolean(req.faults.stuckInProgress) }), (v) => v);
    }),

    route('reset', 'POST', `${P}/gstrs/gstr-1/{year}/{month}/reset`, (req, p) => {
      const a = taxpayerAuth(req);
      if ('bad' in a) return a.bad;
      return from(ctx.portal.reset(a.tok.gstin, fp(p), { resetInProgress: Boolean(req.faults.resetInProgress) }), (v) => ({ reference_id: v.referenceId }));
    }),

    route('proceed', 'POST', `${P}/gstrs/{gstr}/{year}/{month}/new-proceed`, (req, p) => {
      const a = taxpayerAuth(req);
      if ('bad' in a) return a.bad;
      if (p.gstr !== 'gstr-1') return gstnError('AUTH154', 'Invalid return type');
      const nil = (req.url.searchParams.get('is_nil') ?? 'N').toUpperCase() === 'Y';
      return from(ctx.portal.proceed(a.tok.gstin, fp(p), nil, { resetInProgress: Boolean(req.faults.resetInProgress) }), (v) => ({ reference_id: v.referenceId }));
    }),

    route('evcotp', 'POST', `${P}/evc/otp`, (req) => {
      const a = taxpayerAuth(req);
      if ('bad' in a) return a.bad;
      const b = json(req);
      return from(ctx.portal.evcOtp(a.tok.gstin, String(b?.pan ?? '')), () => undefined);
    }),

    route('file', 'POST', `${P}/gstrs/gstr-1/{year}/{month}/file`, (req, p) => {
      const a = taxpayerAuth(req);
      if ('bad' in a) return a.bad;
      const b = json(req);
      if (!b) return platformError(422, 'The request body must be the summary JSON');
      // the file schema: these properties only, gstin/ret_period/sec_sum/chksum required
      const allowed = new Set(['gstin', 'ret_period', 'chksum', 'sec_sum', 'newSumFlag', 'smryTyp', 'isnil']);
      const extra = Object.keys(b).filter((k) => !allowed.has(k));
      if (extra.length) return platformError(422, `Unexpected properties: ${extra.join(', ')}`);
      const q = req.url.searchParams;
      return from(ctx.portal.file(a.tok.gstin, fp(p), q.get('pan') ?? '', q.get('otp') ?? '', b), (v) => v);
    }),

    route('track', 'GET', `${P}/gstrs/{year}/{month}/track`, (req, p) => {
      const a = taxpayerAuth(req);
      if ('bad' in a) return a.bad;
      return success(ctx.portal.track(a.tok.gstin, fp(p)));
    }),
  ];
}
