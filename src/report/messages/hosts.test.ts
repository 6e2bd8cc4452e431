import { describe, expect, it } from 'vitest';
import { hintOf, MESSAGES, messageOf } from './index.js';

/** Flags the web page has a form field for, or no counterpart at all (it reads files by name). */
const PAGE_FLAGS = /--(gstin|period|turnover|sez|pan|section|layout|mapping)\b/;
/** Codes the page cannot meet: it reads no JSON return and offers no --layout. */
const CLI_ONLY = new Set(['JSON_RETURN_MISMATCH', 'OPTION_LAYOUT']);

describe('hosts: one message set, options named as the reader sees them', () => {
  it('the command line names flags; the page names its form fields', () => {
    const gstin = { code: 'OPTION_GSTIN', params: { value: '27AAKCS4821M1Z' } };
    expect(hintOf(gstin)).toBe('Give your own 15-character GSTIN, e.g. --gstin 27AAACR5055K1Z7.');
    expect(hintOf(gstin, 'web')).toBe('Give your own 15-character GSTIN, e.g. 27AAACR5055K1Z7 in GSTIN.');
    expect(messageOf(gstin, 'web')).toBe(messageOf(gstin));

    const required = { code: 'OPTION_REQUIRED', params: { option: '--period' } };
    expect([messageOf(required), hintOf(required)]).toEqual(['--period is required', 'Add --period; see gstr1 --help.']);
    expect([messageOf(required, 'web'), hintOf(required, 'web')]).toEqual(['Return period is required', 'Fill in Return period.']);

    // the page's period field takes MMYYYY only: no quarter example there
    const period = { code: 'OPTION_PERIOD', params: { value: '132025' } };
    expect(hintOf(period)).toBe("Give the period as MMYYYY, e.g. --period 032025 (from 072017), or a quarterly filer's quarter, e.g. --period Q4-2024-25.");
    expect(hintOf(period, 'web')).toBe('Give the period as MMYYYY, e.g. 032025 in Return period (from 072017).');

    const sez = { code: 'RET191150', params: { reason: 'sez' } };
    expect(hintOf(sez)).toMatch(/, or drop --sez if you are not/);
    expect(hintOf(sez, 'web')).toMatch(/, or untick "We are an SEZ unit or developer" if you are not/);

    // a flag the page has no field for stays a flag (the serve command's own options)
    const turnover = { code: 'OPTION_NUMBER', params: { option: '--max-bytes', value: 'x' } };
    expect(hintOf(turnover, 'web')).toBe('e.g. --max-bytes 4500000');
  });

  it('no message or hint on the page names a flag the page has a field for, or none', () => {
    const sample = { reason: 'sez', option: '--gstin', other: 'b2b', layout: 'x', value: 'v' };
    for (const code of Object.keys(MESSAGES).filter((c) => !CLI_ONLY.has(c))) {
      for (const reason of [undefined, 'sez', 'before-registration', 'after-period']) {
        const f = { code, params: { ...sample, reason } };
        expect(`${messageOf(f, 'web')} ${hintOf(f, 'web')}`, code).not.toMatch(PAGE_FLAGS);
      }
    }
  });
  it('what the page shows through gstr1 serve names no step it cannot take', () => {
    const nothing = { code: 'UPLOAD_NOTHING_TO_FILE', params: {} };
    expect(hintOf(nothing)).toMatch(/\(gstr1 validate\).*use --nil\.$/);
    expect(hintOf(nothing, 'web')).toBe('If the workbook does have invoices, check that its sheets were recognised (press Check and look at Rows per sheet), upload it, then file. A nil return is filed from the command line: gstr1 file --nil.');
    const unknown = { code: 'REGISTER_COLUMN_UNKNOWN', params: { found: 'Txable Val', candidates: 'Taxable Value' } };
    expect(hintOf(unknown)).toContain('gstr1 mapping init');
    expect(hintOf(unknown, 'web')).not.toContain('gstr1 mapping init');
    expect(hintOf(unknown, 'web')).toContain('Map the register\'s columns');
  });
});
