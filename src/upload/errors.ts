/**
 * Operational failures of the upload layer (convention 10): a `ProviderError` carries our kind,
 * the provider's raw code, the HTTP status and a short, redacted excerpt of the reply. Its catalogue
 * code is `UPLOAD_<KIND>` (src/report/messages/upload.ts). Details are redacted by whoever builds
 * the error (the adapters and the run hold the Redactor), never later.
 */
import { Gstr1Error } from '../model/errors.js';
import type { Params } from '../model/finding.js';
import type { ErrorKind } from './types.js';

export interface ProviderErrorInfo {
  readonly provider: string;
  /** the step, e.g. `save`, `status`, `file` */
  readonly op: string;
  /** the provider's or portal's code (RET191251, AUTH4033, WB_ERR_9404...) */
  readonly providerCode?: string;
  readonly httpStatus?: number;
  /** the provider's own message, redacted and shortened */
  readonly detail?: string;
  /** for `rate_limited`: how long the provider asked us to wait */
  readonly retryAfterMs?: number;
  readonly cause?: unknown;
}

export class ProviderError extends Gstr1Error {
  override name = 'ProviderError';
  readonly kind: ErrorKind;
  readonly provider: string;
  readonly op: string;
  readonly providerCode?: string;
  readonly httpStatus?: number;
  readonly detail?: string;
  readonly retryAfterMs?: number;

  constructor(kind: ErrorKind, info: ProviderErrorInfo, extra: Params = {}) {
    super(errorCode(kind), {
      provider: info.provider,
      op: info.op,
      ...(info.providerCode ? { providerCode: info.providerCode } : {}),
      ...(info.httpStatus !== undefined ? { status: info.httpStatus } : {}),
      ...(info.detail ? { detail: info.detail } : {}),
      ...extra,
    }, info.cause !== undefined ? { cause: info.cause } : undefined);
    this.kind = kind;
    this.provider = info.provider;
    this.op = info.op;
    if (info.providerCode) this.providerCode = info.providerCode;
    if (info.httpStatus !== undefined) this.httpStatus = info.httpStatus;
    if (info.detail) this.detail = info.detail;
    if (info.retryAfterMs !== undefined) this.retryAfterMs = info.retryAfterMs;
    const bits = [info.providerCode, info.httpStatus !== undefined ? `HTTP ${info.httpStatus}` : undefined, info.detail].filter(Boolean);
    this.message = `[upload] [${info.provider}] ${info.op}: ${kind}${bits.length ? ` (${bits.join(', ')})` : ''}`;
  }
}

/** `reply_lost` → `UPLOAD_REPLY_LOST` */
export function errorCode(kind: ErrorKind): string {
  return `UPLOAD_${kind.toUpperCase()}`;
}

export function isProviderError(e: unknown, ...kinds: ErrorKind[]): e is ProviderError {
  return e instanceof ProviderError && (kinds.length === 0 || kinds.includes(e.kind));
}

/** An upload-layer failure that is not a provider reply (lock held, bad config, totals differ). */
export class UploadError extends Gstr1Error {
  override name = 'UploadError';
  constructor(code: string, params: Params = {}, options?: { cause?: unknown }) {
    super(code, params, options);
    this.message = `[upload] ${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`;
  }
}
