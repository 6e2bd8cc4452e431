/**
 * WhiteBooks (formerly MasterGST) adapter. WhiteBooks does GSTN's crypto server side; calls carry
 * the account email as query `email` and identity headers (`client_id`, `client_secret`,
 * `ip_address`, `gst_username`, `state_cd`, then `txn` once a session exists). The session handle
 * is the `txn` of the OTP request, made valid by `authtoken` (no token is returned).
 * Paths and parameters: provider-apis.md §1.2–1.3. GSTR-1A has its own `/gstr1a/*` paths (save,
 * reset, proceed to file, summary, EVC filing) beside the shared status and tracker calls, as
 * WhiteBooks' OpenAPI lists them (see `GSTR1A_PATHS`).
 */
import { checkBaseUrl, DEFAULT_BASE_URLS, type WhiteBooksCredentials } from '../config.js';
import { GSTN_CODES, kindOf } from '../codes.js';
import { ProviderError } from '../errors.js';
import { createHttp, type HttpReply } from '../fetch.js';
import { excerpt, Redactor } from '../redact.js';
import { systemClock, type ErrorKind, type Provider, type ReturnRef, type ReturnSummary, type SessionState } from '../types.js';
import {
  ackOf, dig, jobStatusOf, referenceIdOf, succeeded, summaryOf, trackOf, unknownReference, urlOf, type AdapterOptions,
} from './shared.js';
import { isObject } from '../../model/json-object.js';

export const PROVIDER_NAME = 'whitebooks';

export interface WhiteBooksOptions extends AdapterOptions {
  credentials: WhiteBooksCredentials;
  /** status endpoint (§6.5 open question) @default '/gstr/retstatus' */
  statusPath?: '/gstr/retstatus' | '/all/newretstatus';
  /** `form_type` of the EVC OTP request (§6.6) @default 'R1' */
  evcFormType?: string;
  /** `form_type` of the EVC OTP request for a GSTR-1A @default 'R1A' (inferred: no source names it) */
  evcFormType1a?: string;
  /** how long a session lasts once the OTP is accepted @default 6 h */
  sessionMs?: number;
}

/** WhiteBooks platform codes on top of GSTN's. */
export const WHITEBOOKS_CODES: Readonly<Record<string, ErrorKind>> = {
  ...GSTN_CODES,
  WB_ERR_9404: 'not_found',
  WB_ERR_9104: 'bad_request',
  WB_ERR_9991: 'server_error',
};

const SIX_HOURS = 6 * 3600_000;

/**
 * Paths of each form. GSTR-1A: WhiteBooks' OpenAPI (GSTR1A group: PUT /gstr1a/retsave, POST
 * /gstr1a/reset, GET /gstr1a/proceedfile with gstin, retperiod, isNil, GET /gstr1a/retsum, POST
 * /gstr1a/retevcfile with pan, evcotp), the counterpart of GSTN's `returns/gstr1a` actions
 * (R1ARETSAVE, R1ARETNEWPTF...). The tracker's `type` for it is GSTN's return type `GSTR1A`.
 */
export const GSTR1A_PATHS = {
  save: '/gstr1a/retsave', reset: '/gstr1a/reset', proceed: '/gstr1a/proceedfile', summary: '/gstr1a/retsum', file: '/gstr1a/retevcfile',
} as const;
const GSTR1_PATHS = {
  save: '/gstr1/retsave', reset: '/gstr1/reset', proceed: '/all/newproceedfile', summary: '/gstr1/retsum', file: '/gstr1/retevcfile',
} as const;
const pathsOf = (ret: ReturnRef) => (ret.form === 'gstr1a' ? GSTR1A_PATHS : GSTR1_PATHS);
const typeOf = (ret: ReturnRef) => (ret.form === 'gstr1a' ? 'GSTR1A' : 'GSTR1');

export default function whitebooks(opts: WhiteBooksOptions): Provider {
  const creds = opts.credentials;
  const base = checkBaseUrl(opts.baseUrl ?? DEFAULT_BASE_URLS.whitebooks);
  const redactor = opts.redactor ?? new Redactor();
  redactor.addAll({ email: creds.email, clientId: creds.clientId, clientSecret: creds.clientSecret, gstUsername: creds.gstUsername });
  const http = createHttp(PROVIDER_NAME, redactor, opts.log, opts.http);
  const now = opts.http?.clock?.now ?? systemClock.now;
  const sessionMs = opts.sessionMs ?? SIX_HOURS;
  let txn: string | undefined;
  let expiresAt = 0;

  const headers = (ret: ReturnRef, extra: Record<string, string> = {}): Record<string, string> => ({
    client_id: creds.clientId,
    client_secret: creds.clientSecret,
    ip_address: creds.ipAddress ?? '127.0.0.1',
    gst_username: creds.gstUsername,
    state_cd: ret.gstin.slice(0, 2),
    ...(txn ? { txn } : {}),
    ...extra,
  });
  const returnHeaders = (ret: ReturnRef) => headers(ret, { gstin: ret.gstin, ret_period: ret.period });

  /** Success body, or a ProviderError with our kind. */
  const check = (op: string, reply: HttpReply): Record<string, unknown> => {
    const body = reply.json;
    if (!isObject(body)) {
      // plain-text or HTML replies: platform errors (WB_ERR_...) or rejected credentials
      const code = /\b(WB_ERR_\d+)\b/.exec(reply.text)?.[1];
      const kind: ErrorKind = code ? kindOf(WHITEBOOKS_CODES, code) : reply.status === 401 || reply.status === 403 ? 'auth_failed' : reply.status === 404 ? 'not_found' : 'bad_response';
      throw new ProviderError(kind, { provider: PROVIDER_NAME, op, httpStatus: reply.status, ...(code ? { providerCode: code } : {}), detail: excerpt(redactor.text(reply.text)) });
    }
    if (succeeded(body.status_cd) && reply.status < 400) return body;
    const err = isObject(body.error) ? body.error : body;
    const code = String(err.error_cd ?? err.errorCode ?? err.error_code ?? body.errorCode ?? '') || undefined;
    const msg = String(err.message ?? err.errorMessage ?? err.desc ?? body.status_desc ?? '');
    const kind = code ? kindOf(WHITEBOOKS_CODES, code) : reply.status === 401 || reply.status === 403 ? 'auth_failed' : reply.status === 404 ? 'not_found' : 'provider_error';
    if (kind === 'session_expired') {
      txn = undefined;
      expiresAt = 0;
    }
    throw new ProviderError(kind, { provider: PROVIDER_NAME, op, httpStatus: reply.status, ...(code ? { providerCode: code } : {}), detail: excerpt(redactor.text(msg)) });
  };

  const get = async (op: string, path: string, query: Record<string, string | undefined>, h: Record<string, string>) =>
    check(op, await http({ method: 'GET', url: urlOf(base, path, { ...query, email: creds.email }), headers: h, idempotent: true, op }));

  const write = async (op: string, method: 'GET' | 'POST' | 'PUT', path: string, query: Record<string, string | undefined>, h: Record<string, string>, body?: unknown) =>
    check(op, await http({
      method, url: urlOf(base, path, { ...query, email: creds.email }), headers: h, idempotent: false, op,
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    }));

  const needSession = (op: string) => {
    if (!txn || now() >= expiresAt) throw new ProviderError('session_expired', { provider: PROVIDER_NAME, op, detail: 'no open session' });
  };

  return {
    name: PROVIDER_NAME,
    destination: { baseUrl: base, account: creds.email },
    forms: ['gstr1', 'gstr1a'],

    hasSession: () => Boolean(txn) && now() < expiresAt,

    async authenticate(ret, otp) {
      txn = undefined;
      const reply = await http({ method: 'GET', url: urlOf(base, '/authentication/otprequest', { email: creds.email }), headers: headers(ret), idempotent: true, op: 'otprequest' });
      const body = check('otprequest', reply);
      const t = dig(body.header, 'txn') ?? reply.headers.get('txn') ?? dig(body, 'txn');
      if (typeof t !== 'string' || !t) throw new ProviderError('bad_response', { provider: PROVIDER_NAME, op: 'otprequest', detail: 'no txn in the reply' });
      redactor.add(t);
      const code = (await otp()).trim();
      redactor.addCode(code);
      const pending = t;
      const r2 = await http({
        method: 'GET', url: urlOf(base, '/authentication/authtoken', { email: creds.email, otp: code }),
        headers: { ...headers(ret), txn: pending }, idempotent: true, op: 'authtoken',
      });
      const b2 = check('authtoken', r2);
      const echoed = dig(b2.header, 'txn') ?? r2.headers.get('txn');
      txn = typeof echoed === 'string' && echoed ? echoed : pending;
      redactor.add(txn);
      expiresAt = now() + sessionMs;
    },

    async save(ret, payload) {
      needSession('save');
      const body = await write('save', 'PUT', pathsOf(ret).save, {}, returnHeaders(ret), payload);
      return { referenceId: referenceIdOf(PROVIDER_NAME, 'save', body) };
    },

    async status(ret, referenceId) {
      needSession('status');
      const body = await get('status', opts.statusPath ?? '/gstr/retstatus', {
        gstin: ret.gstin, returnperiod: ret.period, refid: referenceId,
        ...(opts.statusPath === '/all/newretstatus' ? { rettype: typeOf(ret) } : {}),
      }, headers(ret)).catch(unknownReference);
      return jobStatusOf(PROVIDER_NAME, body);
    },

    async reset(ret) {
      needSession('reset');
      const body = await write('reset', 'POST', pathsOf(ret).reset, {}, returnHeaders(ret), { gstin: ret.gstin, ret_period: ret.period });
      return { referenceId: referenceIdOf(PROVIDER_NAME, 'reset', body) };
    },

    async proceed(ret, o = {}) {
      needSession('proceed');
      try {
        const body = await write('proceed', 'GET', pathsOf(ret).proceed, {
          gstin: ret.gstin, retperiod: ret.period, ...(ret.form === 'gstr1a' ? {} : { type: 'GSTR1' }), isNil: o.nil ? 'Y' : 'N',
        }, headers(ret));
        const ref = dig(body, 'reference_id', 'referenceId');
        return ref !== undefined ? { referenceId: String(ref), alreadyReady: false } : { alreadyReady: true };
      } catch (e) {
        if (e instanceof ProviderError && e.kind === 'already_ready') return { alreadyReady: true };
        throw e;
      }
    },

    async summary(ret, o = {}) {
      needSession('summary');
      const body = await get('summary', pathsOf(ret).summary, { gstin: ret.gstin, retperiod: ret.period, ...(o.long ? { smrytyp: 'L' } : {}) }, headers(ret));
      return summaryOf(PROVIDER_NAME, body);
    },

    async requestEvcOtp(ret, pan) {
      needSession('evcotp');
      await get('evcotp', '/authentication/otpforevc', { gstin: ret.gstin, pan, form_type: ret.form === 'gstr1a' ? opts.evcFormType1a ?? 'R1A' : opts.evcFormType ?? 'R1' }, headers(ret));
    },

    async file(ret, req) {
      needSession('file');
      redactor.addCode(req.evcOtp);
      const body = await write('file', 'POST', pathsOf(ret).file, { pan: req.pan, evcotp: req.evcOtp }, returnHeaders(ret), filingBody(req.summary));
      return ackOf(PROVIDER_NAME, body);
    },

    async track(ret) {
      needSession('track');
      try {
        const body = await get('track', '/gstr/rettrack', { gstin: ret.gstin, returnperiod: ret.period, type: typeOf(ret) }, headers(ret));
        return trackOf(body, ret.period, typeOf(ret));
      } catch (e) {
        if (e instanceof ProviderError && e.kind === 'no_data') return { filed: false };
        throw e;
      }
    },

    async refresh(ret) {
      needSession('refresh');
      await get('refresh', '/authentication/refreshtoken', {}, headers(ret));
      expiresAt = now() + sessionMs;
    },

    async logout(ret) {
      if (!txn) return;
      try {
        await get('logout', '/authentication/logout', {}, headers(ret));
      } finally {
        txn = undefined;
        expiresAt = 0;
      }
    },

    exportSession(): SessionState | undefined {
      return txn && now() < expiresAt ? { provider: PROVIDER_NAME, txn, expiresAt } : undefined;
    },

    importSession(s) {
      if (s.provider !== PROVIDER_NAME || typeof s.txn !== 'string' || typeof s.expiresAt !== 'number') return;
      txn = s.txn;
      expiresAt = s.expiresAt;
      redactor.add(txn);
    },
  };
}

/** The summary exactly as retsum returned it (WhiteBooks clients send retsum `data` verbatim). */
function filingBody(s: ReturnSummary): ReturnSummary {
  return s;
}
