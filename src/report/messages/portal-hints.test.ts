import { describe, expect, it } from 'vitest';
import type { Finding } from '../../model/finding.js';
import { hintOf, MESSAGES, messageOf } from './index.js';

/** The catalogue's codes a portal error can carry: the portal's own (RET…). */
const PORTAL_CODES = Object.keys(MESSAGES).filter((c) => /^RET\d+$/.test(c));

/** What a text shows when a parameter it needs was not there: an empty list or value, "undefined", a placeholder left over. */
const BLANK = /undefined|NaN|\bnull\b|\$\{|<\w+>|:\s*[.,;)]|\s[.,;:)]|\(\s*\)|""|\s{2}|\bto\s*[.,]|\bof\s*[.,]/;

/** A portal finding as matchPortalErrors makes it (on a row or on none): the portal's code and message, and the document only. */
const portal = (code: string, message = 'as the portal said it', params: Record<string, string> = {}): Finding => ({
  code, severity: 'error', portalMessage: message, params: { section: 'b2cs', document: 'b2cs 27 OE 9%', ...params },
});

describe("portal findings: the hint reads right with what the portal says", () => {
  it('covers the portal codes of the catalogue', () => {
    expect(PORTAL_CODES).toEqual(expect.arrayContaining(['RET191175', 'RET191114', 'RET191350', 'RET191106', 'RET91708']));
  });

  for (const code of PORTAL_CODES) {
    it(`${code}: no blank where a parameter was, on either host`, () => {
      for (const host of [undefined, 'web'] as const) {
        const f = portal(code);
        expect(hintOf(f, host), `${code} ${host ?? 'cli'}`).not.toMatch(BLANK);
        // a portal error without a message says what it is, never the rule's sentence with blanks
        expect(messageOf({ ...f, portalMessage: '' }, host), code).not.toMatch(BLANK);
      }
    });
  }

  it("RET191175 lists the period's rates when the run knows them, and else points to the period's list", () => {
    expect(hintOf(portal('RET191175', 'Enter GST rate as per the rate list', { rates: '0, 5, 18, 40' }))).toBe('Enter the full rate (IGST-equivalent, e.g. 18 rather than 9 + 9), one of: 0, 5, 18, 40.');
    expect(hintOf(portal('RET191175'))).toBe('Enter the full rate (IGST-equivalent, e.g. 18 rather than 9 + 9) from the GST rate list of the return period.');
  });

  it("a finding of the tool's own rule keeps the rule's hint", () => {
    const local = { code: 'RET191350', severity: 'error' as const, params: { min: 6, max: 8 } };
    expect(hintOf(local)).toBe('With aggregate turnover above Rs 5 crore, report at least 6 digits, e.g. 847130.');
    expect(hintOf(portal('RET191350'))).toMatch(/^Give 4 to 8 digits .* 6 to 8 above it\.$/);
  });

  it('a portal error without a message is named by its code and document', () => {
    expect(messageOf(portal('RET191190', ''))).toBe('The portal reported error RET191190 for b2cs 27 OE 9%, without a message');
    // a record listed with no code at all: no code is made up for it
    expect(messageOf(portal('PORTAL_ERROR', ''))).toBe("The portal's error report lists b2cs 27 OE 9% without an error code or message");
  });
});
