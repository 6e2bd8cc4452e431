/** The return's identity options: one place checks --gstin and --period (issue 11 item 1, issue 16 item 2). */
import { describe, expect, it } from 'vitest';
import { OptionError } from '../model/errors.js';
import type { Params } from '../model/finding.js';
import { hintOf, messageOf } from '../report/messages/index.js';
import { cli } from '../../test/helpers/cli.js';
import { gstinOption, periodOption, returnContext } from './options.js';

const SAMPLE = 'templates/sample/gstr1-sample.xlsx';

function refusal(f: () => unknown): { code: string; params: Params } {
  try {
    f();
  } catch (e) {
    if (e instanceof OptionError) return { code: e.code, params: e.params ?? {} };
    throw e;
  }
  throw new Error('accepted');
}

describe('options: the filer\'s GSTIN', () => {
  it('accepts a regular taxpayer\'s GSTIN, trimmed and upper-cased', () => {
    expect(gstinOption(' 27aakcs4821m1zw ')).toBe('27AAKCS4821M1ZW');
    expect(returnContext({ gstin: '27AAKCS4821M1ZW', period: '102025' })).toEqual({
      gstin: '27AAKCS4821M1ZW', supplierState: '27', period: { month: 10, year: 2025 }, sez: false,
    });
  });

  it('refuses a wrong check character, naming the right one', () => {
    const r = refusal(() => gstinOption('27AAKCS4821M1ZX'));
    expect(r).toEqual({ code: 'OPTION_GSTIN_CHECKSUM', params: { value: '27AAKCS4821M1ZX', expected: 'W', corrected: '27AAKCS4821M1ZW' } });
    expect(hintOf(r)).toContain('the check character is W (27AAKCS4821M1ZW)');
  });

  it('refuses a bad format and a state code that does not exist', () => {
    expect(refusal(() => gstinOption('27AAKCS4821M1Z')).code).toBe('OPTION_GSTIN');
    // quoted as typed, trimmed: never a value the user did not give
    expect(refusal(() => gstinOption(' 27aakcs4821m1z ')).params).toEqual({ value: '27aakcs4821m1z' });
    expect(refusal(() => gstinOption('27AAKC54821M1ZW')).code).toBe('OPTION_GSTIN');
    const state = refusal(() => gstinOption('40AAKCS4821M1Z8'));
    expect(state).toEqual({ code: 'OPTION_GSTIN_STATE', params: { value: '40AAKCS4821M1Z8', state: '40' } });
    expect(messageOf(state)).toBe('40AAKCS4821M1Z8 starts with 40, which is not a State or UT code');
    expect(refusal(() => gstinOption('')).code).toBe('OPTION_REQUIRED');
  });

  it('refuses TDS, TCS, UIN, non-resident and OIDAR ids, naming the kind', () => {
    const ids: [string, string, string][] = [
      ['27AAACR5055K1DG', 'tds', 'a TDS registration'],
      ['27AAACR5055K1CI', 'tcs', 'a TCS registration'],
      ['0717UNO12345UNL', 'uin', 'a UIN'],
      ['0717USA12345NRO', 'nr', "a non-resident taxable person's registration"],
      ['9917SGP29001OST', 'oidar', "an OIDAR supplier's registration"],
    ];
    for (const [id, kind, words] of ids) {
      const r = refusal(() => gstinOption(id));
      expect(r).toEqual({ code: 'OPTION_GSTIN_KIND', params: { value: id, kind } });
      expect(messageOf(r)).toContain(`${id} is ${words}`);
      expect(messageOf(r)).toContain('does not file GSTR-1');
    }
  });
});

describe('options: the return period', () => {
  it('is one Period, required for a return, optional elsewhere', () => {
    expect(periodOption('032025')).toEqual({ month: 3, year: 2025 });
    expect(periodOption(undefined)).toBeUndefined();
    expect(refusal(() => periodOption('', true)).code).toBe('OPTION_REQUIRED');
    expect(refusal(() => periodOption('')).code).toBe('OPTION_PERIOD');
    expect(refusal(() => periodOption('132025')).code).toBe('OPTION_PERIOD');
  });

  it('a quarterly filer\'s quarter is its last month (Q1 April-June ... Q4 January-March)', () => {
    expect(periodOption('Q1-2025-26')).toEqual({ month: 6, year: 2025 });
    expect(periodOption('q3 2025-26')).toEqual({ month: 12, year: 2025 });
    expect(periodOption('2024-25-Q4')).toEqual({ month: 3, year: 2025 });
    expect(refusal(() => periodOption('Q2-2025-27')).code).toBe('OPTION_PERIOD');
    expect(refusal(() => periodOption('Q5-2025-26')).code).toBe('OPTION_PERIOD');
    expect(refusal(() => periodOption('Q1-2016-17')).code).toBe('OPTION_PERIOD');
  });
});

describe('options: on the command line', () => {
  it('a wrong check character is a usage error (exit 2) whose hint gives the right one', async () => {
    const r = await cli('validate', SAMPLE, '--gstin', '27AAKCS4821M1ZX', '--period', '102025');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('27AAKCS4821M1ZX is not a valid GSTIN');
    expect(r.stderr).toContain('fix: With these first 14 characters the check character is W (27AAKCS4821M1ZW)');
    expect(r.stdout).toBe('');
  });

  it('a TCS id cannot file: exit 2, the kind named, before any file or network I/O', async () => {
    for (const args of [
      ['convert', SAMPLE],
      ['upload', SAMPLE, '--provider', 'sandbox', '--journal-dir', '/nonexistent/gstr1-journal'],
    ]) {
      const r = await cli(...args, '--gstin', '27AAACR5055K1CI', '--period', '102025');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('27AAACR5055K1CI is a TCS registration (e-commerce operator) that does not file GSTR-1');
    }
  });
});
