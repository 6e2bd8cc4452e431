import { describe, expect, it } from 'vitest';
import { InputError, OptionError } from '../model/errors.js';
import { MESSAGES } from '../report/messages/index.js';
import { errorCode, ProviderError, UploadError } from './errors.js';
import { failureClass, KIND_CLASS, refusedByPortal, RETURN_REFUSALS } from './refusals.js';
import type { ErrorKind } from './types.js';

const info = { provider: 'sandbox', op: 'save' };

describe('refusals: what a failure of a portal command counts as', () => {
  it('the portal\'s refusals of the return, its "not yet", and every other failure', () => {
    expect(failureClass(new ProviderError('already_filed', { ...info, providerCode: 'AUTH117' }))).toBe('refused');
    expect(failureClass(new ProviderError('rejected', { ...info, op: 'proceed', providerCode: 'RET191148' }))).toBe('refused');
    expect(failureClass(new ProviderError('prerequisite_missing', { ...info, op: 'proceed' }))).toBe('refused');
    expect(failureClass(new ProviderError('summary_pending', { ...info, op: 'summary' }))).toBe('not_finished');
    expect(failureClass(new ProviderError('reset_in_progress', info))).toBe('not_finished');
    for (const k of ['auth_failed', 'invalid_otp', 'network_error', 'reply_lost', 'provider_error', 'bad_request'] as const) {
      expect(failureClass(new ProviderError(k, info)), k).toBe('failed');
    }
    expect(failureClass(new UploadError('UPLOAD_GSTR1A_GSTR1_NOT_FILED', { period: '092024' }))).toBe('refused');
    expect(failureClass(new UploadError('UPLOAD_LOCKED', { pid: 1 }))).toBe('failed');
    expect(failureClass(new UploadError('UPLOAD_GSTR1A_PERIOD', { period: '062024' }))).toBe('failed');
    expect(failureClass(new OptionError('OPTION_REQUIRED', { option: '--pan' }))).toBe('failed');
    expect(failureClass(new OptionError('RETURN_TIME_BARRED', { period: '122022' }))).toBe('refused');
    expect(failureClass(new InputError('FILE_NOT_FOUND', { file: 'x' }))).toBe('failed');
    expect(failureClass(new Error('boom'))).toBeUndefined();
  });

  it('only a refusal is recorded as the portal\'s answer to a save', () => {
    expect(refusedByPortal(new ProviderError('already_filed', info))).toBe(true);
    expect(refusedByPortal(new ProviderError('server_error', info))).toBe(false);
    expect(refusedByPortal(new UploadError('UPLOAD_GSTR1A_GSTR1_NOT_FILED'))).toBe(false);
  });

  it('every kind and every refusal code has the catalogue\'s words', () => {
    for (const k of Object.keys(KIND_CLASS) as ErrorKind[]) expect(MESSAGES[errorCode(k)], k).toBeDefined();
    for (const c of RETURN_REFUSALS) expect(MESSAGES[c], c).toBeDefined();
  });
});
