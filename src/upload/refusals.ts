/**
 * What a failed portal command means for its user, decided once per error kind and code:
 * - `refused`: the portal (or a check of the return before anything is sent) said no to the
 *   return; running the same command again cannot help until the return or its state changes;
 * - `not_finished`: the portal is still busy; the same command continues later;
 * - `failed`: usage, login, configuration, the network, or a reply not understood; fix that and
 *   run again.
 * The command line turns these into its exit codes 1, 3 and 2 (README, "Commands").
 */
import { Gstr1Error } from '../model/errors.js';
import { ProviderError } from './errors.js';
import type { ErrorKind } from './types.js';

export type FailureClass = 'refused' | 'not_finished' | 'failed';

/** Every kind decided (a new kind does not compile until it is). */
export const KIND_CLASS: Readonly<Record<ErrorKind, FailureClass>> = {
  // login and session: the credentials, the OTP or the sessions are to fix, not the return
  otp_required: 'failed',
  session_expired: 'failed',
  auth_failed: 'failed',
  invalid_otp: 'failed',
  max_sessions: 'failed',
  // the signatory's PAN is a command-line matter
  not_signatory: 'failed',
  // the portal is busy: nothing is wrong, run again later
  in_progress: 'not_finished',
  reset_in_progress: 'not_finished',
  summary_pending: 'not_finished',
  // the portal said no to the return, or to this step of it
  already_filed: 'refused',
  summary_stale: 'refused',
  prerequisite_missing: 'refused',
  no_data: 'refused',
  rejected: 'refused',
  // the request itself, the address or the provider: usage or setup
  bad_request: 'failed',
  not_found: 'failed',
  unsupported: 'failed',
  unknown_reference: 'failed',
  // handled by the adapters; reaching a command means the run did not expect it
  already_ready: 'failed',
  // transport and replies not understood
  rate_limited: 'failed',
  server_error: 'failed',
  network_error: 'failed',
  reply_lost: 'failed',
  bad_response: 'failed',
  provider_error: 'failed',
};

/**
 * Upload-layer codes (UploadError) that refuse the return itself. Every other one (options,
 * configuration, the lock, the journal's file) is `failed`; refusals returned as a result (a
 * filing check, a totals mismatch) never reach here.
 */
export const RETURN_REFUSALS: ReadonlySet<string> = new Set([
  'UPLOAD_GSTR1A_GSTR1_NOT_FILED',
  // more than three years past its due date (s.37(5)): refused here, before the portal would
  'RETURN_TIME_BARRED',
]);

/** How a failure of a portal command counts (undefined: not one of this toolkit's errors). */
export function failureClass(e: unknown): FailureClass | undefined {
  if (e instanceof ProviderError) return KIND_CLASS[e.kind];
  if (e instanceof Gstr1Error) return RETURN_REFUSALS.has(e.code) ? 'refused' : 'failed';
  return undefined;
}

/** The portal answered and said no: the answer is the chunk's (or step's) outcome, not a lost reply. */
export function refusedByPortal(e: unknown): e is ProviderError {
  return e instanceof ProviderError && KIND_CLASS[e.kind] === 'refused';
}
