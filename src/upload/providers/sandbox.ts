/**
 * Sandbox.co.in adapter (current `/gst/compliance/tax-payer/...` paths). Two tokens, both sent in
 * `authorization` without "Bearer": a platform token from `/authenticate` (24 h; renewed here
 * without asking anyone) and a taxpayer token from OTP verification (6 h). GSTN's business errors
 * come back as HTTP 200 with `data.status_cd: "0"`; platform errors as HTTP 4xx `{code, message}`.
 * Paths and parameters: provider-apis.md §2.2–2.3. GSTR-1 only (`forms`): see `ym`.
 */
import { checkBaseUrl, DEFAULT_BASE_URLS, type SandboxCredentials } from '../config.js';
import { GSTN_CODES, kindOf } from '../codes.js';
import { ProviderError } from '../errors.js';
import { createHttp, type HttpReply, type HttpRequest } from '../fetch.js';
import { excerpt, Redactor } from '../redact.js';
import { systemClock, type ErrorKind, type Provider, type ReturnRef, type ReturnSummary, type SessionState } from '../types.js';
import {
  ackOf, dig, jobStatusOf, referenceIdOf, succeeded, summaryOf, trackOf, unknownReference, urlOf, type AdapterOptions,
} from './shared.js';
import { isObject } from '../../model/json-object.js';

export const PROVIDER_NAME = 'sandbox';

export interface SandboxOptions extends AdapterOptions {
  credentials: SandboxCredentials;
  /** `x-api-version` @default '1.0' */
  apiVersion?: string;
  /** summary type sent back when filing (§6.4: Sandbox's file schema wants the long one) @default 'long' */
  filingSummary?: 'long' | 'short';
}

export const SANDBOX_CODES: Readonly<Record<string, ErrorKind>> = { ...GSTN_CODES };

const P = '/gst/compliance/tax-payer';
const DAY = 24 * 3600_000;

export default function sandbox(opts: SandboxOptions): Provider {
  const creds = opts.credentials;
  const base = checkBaseUrl(opts.baseUrl ?? DEFAULT_BASE_URLS.sandbox);
  const redactor = opts.redactor ?? new Redactor();
  redactor.addAll({ apiKey: creds.apiKey, apiSecret: creds.apiSecret, gstUsername: creds.gstUsername });
  const http = createHttp(PROVIDER_NAME, redactor, opts.log, opts.http);
  const now = opts.http?.clock?.now ?? systemClock.now;
  const version = opts.apiVersion ?? '1.0';
  let platform: { token: string; expiresAt: number } | undefined;
  let taxpayer: { token: string; expiresAt: number; gstin: string } | undefined;

  /**
   * `YYYY/MM` of a GSTR-1. Sandbox documents GSTR-1A reads only (`GET .../gstrs/gstr-1a/{y}/{m}`
   * and its sections): no save, proceed or filing path, so nothing of a GSTR-1A is sent through it.
   */
  const ym = (ret: ReturnRef) => {
    if (ret.form === 'gstr1a') throw new ProviderError('unsupported', { provider: PROVIDER_NAME, op: 'GSTR-1A', detail: 'Sandbox documents no GSTR-1A save or filing path' });
    return `${ret.period.slice(2)}/${ret.period.slice(0, 2)}`;
  };

  const fail = (kind: ErrorKind, op: string, reply: HttpReply, code?: string, msg?: string): never => {
    throw new ProviderError(kind, {
      provider: PROVIDER_NAME, op, httpStatus: reply.status, ...(code ? { providerCode: code } : {}),
      detail: excerpt(redactor.text(msg ?? reply.text)),
    });
  };

  /** Success body (the GSTN level `data`), or a ProviderError. `platformCall`: 403 means our platform token. */
  const check = (op: string, reply: HttpReply, platformCall = false): Record<string, unknown> => {
    const body = reply.json;
    if (reply.status >= 400 || !isObject(body)) {
      const msg = isObject(body) ? String(body.message ?? '') : reply.text;
      if (reply.status === 401) return fail('auth_failed', op, reply, '401', msg);
      if (reply.status === 403) {
        // insufficient credits, exhausted quota, revoked access: nothing a new login fixes
        if (/credits|quota|revoked/i.test(msg)) return fail('auth_failed', op, reply, '403', msg);
        if (op === 'authenticate') return fail('auth_failed', op, reply, '403', msg);
        if (platformCall) platform = undefined;
        else taxpayer = undefined;
        return fail('session_expired', op, reply, '403', msg);
      }
      if (reply.status === 404) return fail('not_found', op, reply, '404', msg);
      if (reply.status === 400 || reply.status === 422) return fail('bad_request', op, reply, String(reply.status), msg);
      return fail('bad_response', op, reply, undefined, msg);
    }
    const data = isObject(body.data) ? body.data : body;
    if (data.status_cd === undefined || succeeded(data.status_cd)) return data;
    const err = isObject(data.error) ? data.error : data;
    const code = String(err.error_cd ?? err.errorCode ?? err.error_code ?? '') || undefined;
    const kind = kindOf(SANDBOX_CODES, code);
    if (kind === 'session_expired') taxpayer = undefined;
    return fail(kind, op, reply, code, String(err.message ?? err.error_msg ?? err.errorMessage ?? ''));
  };

  const ensurePlatform = async (): Promise<string> => {
    if (platform && now() < platform.expiresAt) return platform.token;
    const reply = await http({
      method: 'POST', url: urlOf(base, '/authenticate'), idempotent: true, op: 'authenticate',
      headers: { 'x-api-key': creds.apiKey, 'x-api-secret': creds.apiSecret, 'x-api-version': version },
    });
    const data = check('authenticate', reply, true);
    const token = dig(data, 'access_token');
    if (typeof token !== 'string' || !token) throw new ProviderError('bad_response', { provider: PROVIDER_NAME, op: 'authenticate', detail: 'no access_token in the reply' });
    redactor.add(token);
    platform = { token, expiresAt: now() + DAY - 60_000 };
    return token;
  };

  /** A call with the platform token, renewed once if the platform says it expired. */
  const platformCall = async (req: Omit<HttpRequest, 'headers'> & { headers?: Record<string, string> }) => {
    for (let attempt = 0; ; attempt++) {
      const token = await ensurePlatform();
      const reply = await http({ ...req, headers: { authorization: token, 'x-api-key': creds.apiKey, 'x-api-version': version, 'x-source': 'primary', ...req.headers } });
      try {
        return check(req.op, reply, true);
      } catch (e) {
        if (attempt === 0 && e instanceof ProviderError && e.kind === 'session_expired') continue;
        throw e;
      }
    }
  };

  const tp = (op: string) => {
    if (!taxpayer || now() >= taxpayer.expiresAt) throw new ProviderError('session_expired', { provider: PROVIDER_NAME, op, detail: 'no open session' });
    return { authorization: taxpayer.token, 'x-api-key': creds.apiKey, 'x-api-version': version };
  };

  const call = async (op: string, method: 'GET' | 'POST', path: string, query: Record<string, string | undefined>, body: unknown, idempotent: boolean) => {
    const headers = tp(op);
    const reply = await http({
      method, url: urlOf(base, path, query), headers, idempotent, op,
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    return check(op, reply);
  };

  return {
    name: PROVIDER_NAME,
    destination: { baseUrl: base, account: creds.apiKey },
    forms: ['gstr1'],

    hasSession: () => Boolean(taxpayer) && now() < taxpayer!.expiresAt,

    async authenticate(ret, otp) {
      taxpayer = undefined;
      const who = { username: creds.gstUsername, gstin: ret.gstin };
      await platformCall({ method: 'POST', url: urlOf(base, `${P}/otp`), body: JSON.stringify(who), idempotent: true, op: 'otp' });
      const code = (await otp()).trim();
      redactor.addCode(code);
      const data = await platformCall({ method: 'POST', url: urlOf(base, `${P}/otp/verify`, { otp: code }), body: JSON.stringify(who), idempotent: true, op: 'verify' });
      const token = dig(data, 'access_token');
      if (typeof token !== 'string' || !token) throw new ProviderError('bad_response', { provider: PROVIDER_NAME, op: 'verify', detail: 'no access_token in the reply' });
      redactor.add(token);
      const expiry = Number(dig(data, 'token_expiry', 'session_expiry'));
      taxpayer = { token, gstin: ret.gstin, expiresAt: Number.isFinite(expiry) && expiry > now() ? expiry : now() + 6 * 3600_000 };
    },

    async save(ret, payload) {
      const data = await call('save', 'POST', `${P}/gstrs/gstr-1/${ym(ret)}`, {}, payload, false);
      return { referenceId: referenceIdOf(PROVIDER_NAME, 'save', data) };
    },

    async status(ret, referenceId) {
      const data = await call('status', 'GET', `${P}/gstrs/${ym(ret)}/status`, { reference_id: referenceId }, undefined, true).catch(unknownReference);
      return jobStatusOf(PROVIDER_NAME, data);
    },

    async reset(ret) {
      const data = await call('reset', 'POST', `${P}/gstrs/gstr-1/${ym(ret)}/reset`, {}, { gstin: ret.gstin, ret_period: ret.period }, false);
      return { referenceId: referenceIdOf(PROVIDER_NAME, 'reset', data) };
    },

    async proceed(ret, o = {}) {
      try {
        const data = await call('proceed', 'POST', `${P}/gstrs/gstr-1/${ym(ret)}/new-proceed`, { is_nil: o.nil ? 'Y' : 'N' }, { gstin: ret.gstin, ret_period: ret.period }, false);
        const ref = dig(data, 'reference_id', 'referenceId');
        return ref !== undefined ? { referenceId: String(ref), alreadyReady: false } : { alreadyReady: true };
      } catch (e) {
        if (e instanceof ProviderError && e.kind === 'already_ready') return { alreadyReady: true };
        throw e;
      }
    },

    async summary(ret, o = {}) {
      const long = o.long ?? (opts.filingSummary ?? 'long') === 'long';
      const data = await call('summary', 'GET', `${P}/gstrs/gstr-1/${ym(ret)}`, { summary_type: long ? 'long' : 'short' }, undefined, true);
      return summaryOf(PROVIDER_NAME, data);
    },

    async requestEvcOtp(_ret, pan) {
      await call('evcotp', 'POST', `${P}/evc/otp`, { gstr: 'gstr-1' }, { pan }, true);
    },

    async file(ret, req) {
      redactor.addCode(req.evcOtp);
      const data = await call('file', 'POST', `${P}/gstrs/gstr-1/${ym(ret)}/file`, { pan: req.pan, otp: req.evcOtp }, filingBody(req.summary, opts.filingSummary ?? 'long'), false);
      return ackOf(PROVIDER_NAME, data);
    },

    async track(ret) {
      try {
        const data = await call('track', 'GET', `${P}/gstrs/${ym(ret)}/track`, {}, undefined, true);
        return trackOf(data, ret.period);
      } catch (e) {
        if (e instanceof ProviderError && e.kind === 'no_data') return { filed: false };
        throw e;
      }
    },

    async refresh() {
      const data = await call('refresh', 'POST', `${P}/session/refresh`, {}, undefined, true);
      const token = dig(data, 'access_token');
      if (typeof token === 'string' && token && taxpayer) {
        redactor.add(token);
        const expiry = Number(dig(data, 'token_expiry', 'session_expiry'));
        taxpayer = { ...taxpayer, token, expiresAt: Number.isFinite(expiry) && expiry > now() ? expiry : now() + 6 * 3600_000 };
      }
    },

    async logout() {
      if (!taxpayer) return;
      try {
        await call('logout', 'POST', `${P}/logout`, {}, undefined, true);
      } finally {
        taxpayer = undefined;
      }
    },

    exportSession(): SessionState | undefined {
      return taxpayer && now() < taxpayer.expiresAt ? { provider: PROVIDER_NAME, token: taxpayer.token, gstin: taxpayer.gstin, expiresAt: taxpayer.expiresAt } : undefined;
    },

    importSession(s) {
      if (s.provider !== PROVIDER_NAME || typeof s.token !== 'string' || typeof s.expiresAt !== 'number') return;
      taxpayer = { token: s.token, gstin: String(s.gstin ?? ''), expiresAt: s.expiresAt };
      redactor.add(s.token);
    },
  };
}

/** Sandbox's file schema: exactly these properties (extra ones are rejected). */
function filingBody(s: ReturnSummary, type: 'long' | 'short'): Record<string, unknown> {
  return {
    gstin: s.gstin,
    ret_period: s.ret_period,
    chksum: s.chksum,
    sec_sum: s.sec_sum,
    newSumFlag: s.newSumFlag === true || (s.newSumFlag as unknown) === 'Y',
    smryTyp: type === 'long' ? 'L' : 'S',
  };
}
