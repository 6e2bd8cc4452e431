/**
 * WhiteBooks' paths on the emulated portal (provider-apis.md §1.3, §5.1, §5.4): `email` query and
 * identity headers on every call (`WB_ERR_9104` lists missing ones), `txn` sessions opened by
 * `otprequest` and validated by `authtoken` with the OTP, replies `{status_cd, status_desc,
 * header, data}` or `{status_cd:"0", error:{error_cd, message}}`, all with HTTP 200. The GSTR-1A
 * has its own `/gstr1a/*` paths (save, reset, proceed to file, summary, EVC filing); status and
 * the tracker are shared.
 */
import { randomBytes } from 'node:crypto';
import type { ReturnForm } from '../../model/form.js';
import type { Result } from './portal.js';
import { pathPattern, type Route, type RouteContext, type RouteReply, type RouteRequest } from './types.js';

interface WbSession {
  user: string;
  verified: boolean;
  expiresAt: number;
}

const IDENTITY = ['client_id', 'client_secret', 'ip_address', 'gst_username', 'state_cd'];

export function whitebooksRoutes(ctx: RouteContext): Route[] {
  const sessions = new Map<string, WbSession>();

  const reply = (body: unknown, headers?: Record<string, string>): RouteReply => ({ status: 200, body, ...(headers ? { headers } : {}) });
  const error = (code: string, message: string): RouteReply => reply({ status_cd: '0', status_desc: 'Failure', error: { error_cd: code, message, code: '', desc: '' } });
  const success = (req: RouteRequest, data?: unknown): RouteReply =>
    reply({
      status_cd: '1',
      status_desc: 'GSTR1 request succeeds',
      header: { gst_username: req.headers.gst_username, state_cd: req.headers.state_cd, txn: req.headers.txn },
      ...(data !== undefined ? { data } : {}),
    });
  const from = <T>(req: RouteRequest, r: Result<T>, data: (v: T) => unknown): RouteReply => (r.ok ? success(req, data(r.value)) : error(r.code, r.message));

  /** identity headers, account check; a reply when the request must stop here */
  const identify = (req: RouteRequest, extra: string[] = []): RouteReply | undefined => {
    const missing = [...IDENTITY, ...extra].filter((h) => !req.headers[h]);
    if (!req.url.searchParams.get('email')) missing.push('email');
    if (missing.length) return error('WB_ERR_9104', `Missing mandatory headers : ${missing.join(',')}`);
    const acct = ctx.credentials?.whitebooks;
    if (acct && ((acct.clientSecret && req.headers.client_secret !== acct.clientSecret) || (acct.clientId && req.headers.client_id !== acct.clientId) || (acct.email && req.url.searchParams.get('email') !== acct.email))) {
      return { status: 401, text: true, body: '<html><body><h1>401 Unauthorized</h1>Invalid client credentials</body></html>' };
    }
    return undefined;
  };

  /** identity + a valid, verified txn */
  const session = (req: RouteRequest, extra: string[] = []): RouteReply | undefined => {
    const bad = identify(req, ['txn', ...extra]);
    if (bad) return bad;
    const s = sessions.get(req.headers.txn!);
    if (!s || !s.verified) return error('AUTH4033', 'Invalid Session');
    if (req.faults.expireSession || ctx.now() >= s.expiresAt) {
      sessions.delete(req.headers.txn!);
      return error('AUTH4038', 'Session Expired');
    }
    return undefined;
  };

  /** GSTIN from the query (also `gstIn`, §6.11) or the header */
  const gstinOf = (req: RouteRequest) =>
    (req.url.searchParams.get('gstin') ?? req.url.searchParams.get('gstIn') ?? req.url.searchParams.get('gsttin') ?? req.headers.gstin ?? '').toUpperCase();
  const periodOf = (req: RouteRequest) =>
    req.url.searchParams.get('retperiod') ?? req.url.searchParams.get('returnperiod') ?? req.url.searchParams.get('ret_period') ?? req.headers.ret_period ?? '';

  const route = (op: Route['op'], method: string, path: string, handle: Route['handle']): Route => ({
    provider: 'whitebooks', op, method, match: pathPattern(path), handle,
  });

  const status: Route['handle'] = (req) => {
    const bad = session(req);
    if (bad) return bad;
    const ref = req.url.searchParams.get('refid') ?? req.url.searchParams.get('ref_id') ?? '';
    return from(req, ctx.portal.status(gstinOf(req), periodOf(req), ref, { stuck: Boolean(req.faults.stuckInProgress) }), (v) => v);
  };

  const proceed = (form: ReturnForm): Route['handle'] => (req) => {
    const bad = session(req);
    if (bad) return bad;
    const nil = (req.url.searchParams.get('isNil') ?? req.url.searchParams.get('isnil') ?? 'N').toUpperCase() === 'Y';
    return from(req, ctx.portal.proceed(gstinOf(req), periodOf(req), nil, { resetInProgress: Boolean(req.faults.resetInProgress), form }), (v) => ({ reference_id: v.referenceId }));
  };

  /** save, summary, reset and EVC filing of one form, under its path prefix */
  const returnRoutes = (form: ReturnForm, prefix: string): Route[] => [
    route('save', 'PUT', `${prefix}/retsave`, (req) => {
      const bad = session(req, ['gstin', 'ret_period']);
      if (bad) return bad;
      if (req.headers.state_cd !== req.headers.gstin!.slice(0, 2)) return error('RET11404', 'Invalid state code');
      return from(req, ctx.portal.save(req.headers.gstin!, req.headers.ret_period!, req.body, { resetInProgress: Boolean(req.faults.resetInProgress), form }), (v) => ({ reference_id: v.referenceId }));
    }),

    route('summary', 'GET', `${prefix}/retsum`, (req) => {
      const bad = session(req);
      if (bad) return bad;
      const long = (req.url.searchParams.get('smrytyp') ?? '').toUpperCase().startsWith('L');
      return from(req, ctx.portal.summary(gstinOf(req), periodOf(req), long, form), (v) => v);
    }),

    route('reset', 'POST', `${prefix}/reset`, (req) => {
      const bad = session(req, ['gstin', 'ret_period']);
      if (bad) return bad;
      return from(req, ctx.portal.reset(req.headers.gstin!, req.headers.ret_period!, { resetInProgress: Boolean(req.faults.resetInProgress), form }), (v) => ({ reference_id: v.referenceId }));
    }),

    route('file', 'POST', `${prefix}/retevcfile`, (req) => {
      const bad = session(req, ['gstin', 'ret_period']);
      if (bad) return bad;
      const q = req.url.searchParams;
      let body: unknown;
      // the body may be empty (§6.2): the emulator accepts both
      try {
        body = req.body.trim() ? JSON.parse(req.body) : undefined;
      } catch {
        return error('RET191106', 'Error in Json structure validation.');
      }
      return from(req, ctx.portal.file(req.headers.gstin!, req.headers.ret_period!, q.get('pan') ?? '', q.get('evcotp') ?? '', body, form), (v) => v);
    }),
  ];

  return [
    route('otp', 'GET', '/authentication/otprequest', (req) => {
      const bad = identify(req);
      if (bad) return bad;
      const user = req.headers.gst_username!;
      const open = [...sessions.values()].filter((s) => s.user === user && s.verified && s.expiresAt > ctx.now()).length;
      if (open >= ctx.maxSessions) return error('AUTH403', 'Maximum session allowed for user with this GSP account exceeded.');
      const txn = randomBytes(16).toString('hex');
      ctx.issued.push(txn);
      sessions.set(txn, { user, verified: false, expiresAt: ctx.now() + 10 * 60_000 });
      return reply({ status_cd: '1', status_desc: 'user name exists', header: { gst_username: user, state_cd: req.headers.state_cd, txn } }, { txn });
    }),

    route('verify', 'GET', '/authentication/authtoken', (req) => {
      const bad = identify(req, ['txn']);
      if (bad) return bad;
      const s = sessions.get(req.headers.txn!);
      if (!s || s.verified || ctx.now() >= s.expiresAt) return error('AUTH4033', 'Invalid Session');
      if (req.url.searchParams.get('otp') !== ctx.otp) return error('AUTH158', 'Invalid OTP');
      s.verified = true;
      s.expiresAt = ctx.now() + ctx.sessionMs;
      return { ...success(req), headers: { txn: req.headers.txn! } };
    }),

    route('refresh', 'GET', '/authentication/refreshtoken', (req) => {
      const bad = session(req);
      if (bad) return bad;
      sessions.get(req.headers.txn!)!.expiresAt = ctx.now() + ctx.sessionMs;
      return success(req);
    }),

    route('logout', 'GET', '/authentication/logout', (req) => {
      const bad = session(req);
      if (bad) return bad;
      sessions.delete(req.headers.txn!);
      return success(req);
    }),

    route('evcotp', 'GET', '/authentication/otpforevc', (req) => {
      const bad = session(req);
      if (bad) return bad;
      const pan = req.url.searchParams.get('pan') ?? '';
      return from(req, ctx.portal.evcOtp(gstinOf(req), pan), () => undefined);
    }),

    ...returnRoutes('gstr1', '/gstr1'),
    ...returnRoutes('gstr1a', '/gstr1a'),

    route('status', 'GET', '/gstr/retstatus', status),
    route('status', 'GET', '/all/newretstatus', status),
    route('proceed', 'GET', '/all/newproceedfile', proceed('gstr1')),
    route('proceed', 'GET', '/all/proceedfile', proceed('gstr1')),
    route('proceed', 'GET', '/gstr1a/proceedfile', proceed('gstr1a')),

    route('track', 'GET', '/gstr/rettrack', (req) => {
      const bad = session(req);
      if (bad) return bad;
      return success(req, ctx.portal.track(gstinOf(req), periodOf(req), req.url.searchParams.get('type') ?? undefined));
    }),
  ];
}

