/** redaction: registered values and secret-named fields, in text and in values. */
import { describe, expect, it } from 'vitest';
import { Redactor } from './redact.js';

describe('redactor', () => {
  const r = new Redactor().add('s3cr3t/value', '575757', 'ab'); // 'ab' is too short to register

  it('hides registered values, raw and URL-encoded', () => {
    expect(r.text('x s3cr3t/value y s3cr3t%2Fvalue z 575757 ab')).toBe('x [redacted] y [redacted] z [redacted] ab');
  });

  it('hides secret-named JSON fields, query parameters and header lines', () => {
    expect(r.text('{"txn":"abc","access_token":"t1","n":1,"otp":123456}')).toBe('{"txn":"[redacted]","access_token":"[redacted]","n":1,"otp":"[redacted]"}');
    expect(r.text('/x?email=a%40b.c&gstin=27A&evcotp=999')).toBe('/x?email=[redacted]&gstin=27A&evcotp=[redacted]');
    expect(r.text('client_secret: zzz\nx-api-key: kkk\nhost: h')).toBe('client_secret: [redacted]\nx-api-key: [redacted]\nhost: h');
  });

  it('copies values deeply with secret fields replaced', () => {
    const v = { gstin: '27A', nested: [{ Authorization: 'tok', note: 'has 575757 inside' }], client_id: '' };
    expect(r.value(v)).toEqual({ gstin: '27A', nested: [{ Authorization: '[redacted]', note: 'has [redacted] inside' }], client_id: '' });
    expect(v.nested[0]!.Authorization).toBe('tok');
  });
});

describe('one-time codes (OTPs)', () => {
  const r = new Redactor().addCode('575757');

  it('are hidden where they stand alone', () => {
    expect(r.text('OTP 575757 sent')).toBe('OTP [redacted] sent');
    expect(r.text('{"code":"575757"}')).toBe('{"code":"[redacted]"}');
    expect(r.value({ n: '575757' })).toEqual({ n: '[redacted]' });
  });

  it('but not inside a document number or a longer number of the user\'s data', () => {
    // the portal's error report names the invoice: kept, so status can put the error on its row
    expect(r.value({ inum: 'INV/575757', nt_num: 'CN-575757', other: 'A5757570', amount: '1575757.00' })).toEqual({
      inum: 'INV/575757', nt_num: 'CN-575757', other: 'A5757570', amount: '1575757.00',
    });
  });
});
