import { describe, expect, it } from 'vitest';
import { hintOf, MESSAGES, messageOf } from './index.js';

/** Flags the web page has a form field for, or no counterpart at all (it reads files by name). */
const PAGE_FLAGS = /--(gstin|period|form|turnover|sez|pan|section|layout|mapping)\b/;
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
        for (const form of [undefined, 'gstr1a', 'GSTR-1A']) {
          const f = { code, params: { ...sample, reason, ...(form ? { form } : {}) } };
          expect(`${messageOf(f, 'web')} ${hintOf(f, 'web')}`, code).not.toMatch(PAGE_FLAGS);
        }
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

  it('a GSTR-1A refused on the page names the page\'s Form and buttons, on the command line its flags', () => {
    const gstr1 = { code: 'UPLOAD_GSTR1A_GSTR1_NOT_FILED', params: { period: '092024', checked: 'portal' } };
    expect(hintOf(gstr1)).toContain('(gstr1 upload, gstr1 file)');
    expect(hintOf(gstr1, 'web')).toBe("Upload and file the period's GSTR-1 first (GSTR-1 in Form: Upload to the portal, then File GSTR-1); documents it still lacks can go in it directly.");
    const empty = { code: 'UPLOAD_NOTHING_TO_FILE', params: { form: 'gstr1a' } };
    expect(hintOf(empty)).toContain('(gstr1 upload --form gstr1a)');
    expect(hintOf(empty, 'web')).toBe('Upload the amendments or missed documents (Upload to the portal, GSTR-1A in Form), then file. With nothing to amend, no GSTR-1A is needed.');
    const filed = { code: 'UPLOAD_ALREADY_FILED', params: { form: 'GSTR-1', arn: 'AA1' } };
    expect(hintOf(filed, 'web')).toMatch(/in its GSTR-1A \(GSTR-1A in Form\)\.$/);
  });

  it('"nothing uploaded" is one message, its hint naming where each reader sees the sheets recognised', () => {
    const nothing = { code: 'UPLOAD_NOTHING_UPLOADED', params: {} };
    expect(messageOf(nothing)).toBe('Nothing was uploaded: the input holds no documents');
    expect(messageOf(nothing, 'web')).toBe(messageOf(nothing));
    expect(hintOf(nothing)).toBe('Check that its sheets were recognised (gstr1 validate).');
    expect(hintOf(nothing, 'web')).toBe('Check that its sheets were recognised (press Check and look at Rows per sheet).');
  });
});
