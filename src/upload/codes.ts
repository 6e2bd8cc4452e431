/**
 * GSTN codes both adapters see (WhiteBooks and Sandbox both front GSTN), mapped to our kinds.
 * Adapters spread this table and add their own platform codes. Sources: provider-apis.md §4.4
 * and §3.3 (india-compliance's tables). Unknown codes become `provider_error`.
 */
import type { ErrorKind, JobOutcome } from './types.js';

export const GSTN_CODES: Readonly<Record<string, ErrorKind>> = {
  // session and OTP
  AUTH4033: 'session_expired',
  AUTH4038: 'session_expired',
  RET11407: 'session_expired',
  RET11408: 'session_expired',
  'RT-R1R3BAV-1007': 'session_expired',
  AUTH158: 'invalid_otp',
  RET13506: 'invalid_otp',
  RET13509: 'invalid_otp',
  RETOTPREQUEST: 'otp_required',
  EVCREQUEST: 'otp_required',
  AUTH403: 'max_sessions',
  AUTH002: 'auth_failed',
  RET11402: 'auth_failed',
  RET2B1010: 'auth_failed',
  RET11409: 'auth_failed',
  OTP0010: 'not_signatory',
  OTP0006: 'not_signatory',
  RT_FIL_31: 'not_signatory',
  OTP0007: 'server_error',
  // period state
  AUTH117: 'already_filed',
  RET00009: 'already_filed',
  RT_FIL_02: 'already_filed',
  RET191183: 'already_filed',
  RET12521: 'already_filed',
  RET09001: 'summary_stale',
  RET13501: 'summary_stale',
  RT_FIL_09: 'summary_stale',
  RTN_24: 'summary_pending',
  RTN_15: 'in_progress',
  RET191251: 'reset_in_progress',
  RET00003: 'already_ready',
  RET192409: 'prerequisite_missing',
  RET11416: 'no_data',
  RET13508: 'no_data',
  RET13510: 'no_data',
  // bad requests
  RET191106: 'rejected',
  RET191148: 'rejected',
  RET12505: 'rejected',
  RET191136: 'rejected',
  AUTH113: 'bad_request',
  AUTH141: 'bad_request',
  AUTH143: 'bad_request',
  AUTH151: 'auth_failed',
  AUTH154: 'bad_request',
  RET11400: 'bad_request',
  RET11404: 'bad_request',
  RET12590: 'bad_request',
  // GSTN or GSP down
  GSPGSTDOWN: 'server_error',
  GSPERR300: 'server_error',
  RET12501: 'server_error',
  RET12502: 'server_error',
  RET12503: 'server_error',
  RET12504: 'server_error',
  RTN_25: 'server_error',
};

export function kindOf(table: Readonly<Record<string, ErrorKind>>, code: string | undefined): ErrorKind {
  if (!code) return 'provider_error';
  return table[code] ?? table[code.toUpperCase()] ?? 'provider_error';
}

/** Return-status `status_cd` → job outcome; REC and IP keep polling. */
export function jobOutcome(statusCd: string): JobOutcome | undefined {
  switch (statusCd.toUpperCase()) {
    case 'IP':
    case 'REC':
      return 'in_progress';
    case 'P':
      return 'processed';
    case 'PE':
      return 'processed_with_errors';
    case 'ER':
      return 'rejected';
    default:
      return undefined;
  }
}
