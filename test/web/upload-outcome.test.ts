/** What the page says of an upload through gstr1 serve: "accepted" only when it is known, and to which form. */
import { describe, expect, it } from 'vitest';
import { hintOf, messageOf } from '../../src/report/messages/index.js';
import { uploadOutcome } from '../../web/src/upload-outcome.js';

const part = (outcome: string, errors = 0) => ({ outcome, errors });

describe('the upload outcome on the page', () => {
  it('says accepted only when every part is processed and none refused a record', () => {
    expect(uploadOutcome({ complete: true, pending: 0, total: 2, chunks: [part('processed'), part('processed')] }, 'gstr1')).toBe('GSTR-1 uploaded in 2 parts: processed, processed. The portal accepted every record.');
  });

  it('names the form uploaded to: a GSTR-1A is never called a GSTR-1', () => {
    expect(uploadOutcome({ complete: true, pending: 0, total: 1, chunks: [part('processed')] }, 'gstr1a')).toBe('GSTR-1A uploaded in 1 part: processed. The portal accepted every record.');
  });

  it('says an upload still in progress is not finished, and to press Upload status later', () => {
    expect(uploadOutcome({ complete: false, pending: 1, total: 2, chunks: [part('processed'), part('in_progress')] }, 'gstr1')).toBe(
      'GSTR-1 uploaded in 2 parts: processed, in progress. Not finished: the portal has not processed 1 part yet. Press Upload status later to see the outcome.',
    );
  });

  it('does not call an unconfirmed part accepted', () => {
    expect(uploadOutcome({ complete: true, pending: 0, total: 1, chunks: [part('not_confirmed')] }, 'gstr1')).toBe(
      'GSTR-1 uploaded in 1 part: not confirmed. The portal has not confirmed every part: press Upload status to see the outcome.',
    );
  });

  it('counts refused records and rejected parts', () => {
    expect(uploadOutcome({ complete: true, pending: 0, total: 2, chunks: [part('processed_with_errors', 3), part('rejected')] }, 'gstr1')).toBe(
      'GSTR-1 uploaded in 2 parts: processed with errors, rejected. The portal refused 3 records. The portal rejected 1 part whole.',
    );
  });

  it('says nothing was uploaded in the words gstr1 serve takes from the catalogue, never that a part was', () => {
    const f = { code: 'UPLOAD_NOTHING_UPLOADED', params: {} };
    const words = { code: f.code, message: messageOf(f, 'web'), hint: hintOf(f, 'web') };
    expect(uploadOutcome({ complete: true, pending: 0, total: 0, chunks: [], nothingUploaded: words }, 'gstr1a')).toBe(
      'Nothing was uploaded: the input holds no documents. Check that its sheets were recognised (press Check and look at Rows per sheet).',
    );
    expect(uploadOutcome({ complete: true, pending: 0, total: 0, chunks: [] }, 'gstr1')).toBe('Nothing was uploaded.');
  });
});
