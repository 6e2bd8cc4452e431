/**
 * The one redaction helper. Every log line, journal record and error detail of the upload layer
 * passes through a Redactor, which removes (1) every secret value registered with it (credentials,
 * OTPs, tokens, session ids) wherever it appears, and (2) the value of any field whose name says
 * it is secret (`client_secret`, `otp`, `txn`, `authorization`, `access_token`...), in JSON,
 * query strings and header lines, so a token is hidden even before anyone registered it.
 */

export const REDACTED = '[redacted]';

/** Field, header and query names whose values are always hidden (compared without case). */
export const SECRET_NAMES: readonly string[] = [
  'client_id', 'clientid', 'client_secret', 'clientsecret',
  'x-api-key', 'x-api-secret', 'api_key', 'apikey', 'api_secret', 'apisecret',
  'authorization', 'txn', 'otp', 'evcotp', 'evc_otp', 'evcOtp',
  'access_token', 'accesstoken', 'refresh_token', 'auth_token', 'authtoken', 'token',
  'sek', 'rek', 'app_key', 'appkey', 'password', 'secret',
  'email', 'gst_username', 'gstusername', 'username',
];

const NAMES = new Set(SECRET_NAMES.map((n) => n.toLowerCase()));
const NAME_ALT = SECRET_NAMES.map(escape).join('|');
/** "name": "value" or "name": 123 in JSON text */
const JSON_FIELD = new RegExp(`("(?:${NAME_ALT})"\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"|-?\\d[\\d.eE+-]*)`, 'gi');
/** name=value in a query string or form */
const QUERY_FIELD = new RegExp(`([?&](?:${NAME_ALT})=)[^&#\\s"']*`, 'gi');
/** `name: value` header lines */
const HEADER_LINE = new RegExp(`(^|\\n)(\\s*(?:${NAME_ALT})\\s*:\\s*)[^\\n]*`, 'gi');

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

export function isSecretName(name: string): boolean {
  return NAMES.has(name.toLowerCase());
}

export class Redactor {
  #values: string[] = [];
  /** one-time codes, hidden where they stand alone (see addCode) */
  #codes: RegExp[] = [];

  /** Registers secret values (shorter than 4 characters are ignored: they would mangle text). */
  add(...values: readonly (string | number | undefined | null)[]): this {
    for (const v of values) {
      if (v === undefined || v === null) continue;
      const s = String(v);
      if (s.length < 4) continue;
      for (const form of new Set([s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)])) {
        if (!this.#values.includes(form)) this.#values.push(form);
      }
    }
    // longest first, so a secret containing another is hidden whole
    this.#values.sort((a, b) => b.length - a.length);
    return this;
  }

  /**
   * Registers a one-time code (an OTP): a few digits, which the user's own data may hold by chance
   * (invoice INV/575757 in the portal's error report, kept in the journal). It is hidden where it
   * stands alone, not inside a longer word or number: `"575757"`, `OTP 575757 sent`, but not
   * `INV/575757` or `A-5757570`. Fields named as secret (`otp`, `evc_otp`) are hidden whatever
   * they hold.
   */
  addCode(...values: readonly (string | undefined)[]): this {
    for (const v of values) {
      const s = (v ?? '').trim();
      if (s.length < 4) continue;
      this.#codes.push(new RegExp(`(?<![\\w/.-])${escape(s)}(?![\\w/.-])`, 'g'));
    }
    return this;
  }

  /** Registers the string values of a credentials object (every field is treated as secret). */
  addAll(obj: object | undefined): this {
    if (!obj) return this;
    for (const v of Object.values(obj)) if (typeof v === 'string' || typeof v === 'number') this.add(v);
    return this;
  }

  /** Text with every registered secret and every secret-named field hidden. */
  text(s: string): string {
    let out = s;
    for (const v of this.#values) if (out.includes(v)) out = out.split(v).join(REDACTED);
    for (const c of this.#codes) out = out.replace(c, REDACTED);
    out = out.replace(JSON_FIELD, (_m, head: string) => `${head}"${REDACTED}"`);
    out = out.replace(QUERY_FIELD, (_m, head: string) => `${head}${REDACTED}`);
    out = out.replace(HEADER_LINE, (_m, nl: string, head: string) => `${nl}${head}${REDACTED}`);
    return out;
  }

  /** A deep copy with secret-named fields replaced and every string passed through `text`. */
  value<T>(v: T): T {
    return this.#walk(v, 0) as T;
  }

  #walk(v: unknown, depth: number): unknown {
    if (typeof v === 'string') return this.text(v);
    if (v === null || typeof v !== 'object' || depth > 64) return v;
    if (Array.isArray(v)) return v.map((x) => this.#walk(x, depth + 1));
    if (v instanceof Headers) {
      const o: Record<string, string> = {};
      v.forEach((val, k) => (o[k] = isSecretName(k) ? REDACTED : this.text(val)));
      return o;
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      out[k] = isSecretName(k) && x !== undefined && x !== null && x !== '' ? REDACTED : this.#walk(x, depth + 1);
    }
    return out;
  }

  /** A URL for display: secret query values hidden. */
  url(u: string | URL): string {
    return this.text(String(u));
  }
}

/** A logger that redacts before writing; `undefined` stays `undefined` (no verbose output). */
export function redactingLogger(r: Redactor, sink: ((line: string) => void) | undefined): ((line: string) => void) | undefined {
  if (!sink) return undefined;
  return (line) => sink(r.text(line));
}

/** Shortens text for error details and logs. */
export function excerpt(s: string, max = 256): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
