/** A status file the user gives back: the portal's errors when it is one, refused when it is not (the return's own JSON). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../model/errors.js';
import { hintOf, messageOf } from '../report/messages/index.js';
import { parseStatusFile } from './status-file.js';

const FIXTURES = fileURLToPath(new URL('../../test/contract/fixtures/status/', import.meta.url));
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** The refusal of `text`, as the command line words it. */
function refusal(text: string, file = 'status.json'): { code: string; message: string; hint: string } {
  try {
    parseStatusFile(text, file);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { code: e.code, message: messageOf(e), hint: hintOf(e) };
  }
  throw new Error('not refused');
}

/** A retsave JSON as gstr1 convert (or the page's Download JSON) writes it. */
const RETURN = JSON.stringify({
  gstin: '27AAKCS4821M1ZW', fp: '102025',
  b2b: [{ ctin: '27AAFCP7263Q1ZM', inv: [{ inum: 'STL/25-26/1204', idt: '03-10-2025', val: 11800, pos: '27', rchrg: 'N', inv_typ: 'R', itms: [{ num: 1, itm_det: { rt: 18, txval: 10000, camt: 900, samt: 900 } }] }] }],
  b2cs: [{ sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 18, txval: 500, camt: 45, samt: 45 }],
});

describe('status file: what the portal reported, or a refusal saying what the file is', () => {
  it("reads the providers' status replies, with and without errors, and a bare error report", () => {
    expect(parseStatusFile(fixture('sandbox-save-processed-with-error.json'), 's.json').errors.length).toBeGreaterThan(5);
    expect(parseStatusFile(fixture('sandbox-hsn-tax-tolerance.json'), 's.json').errors.map((e) => e.code)).toEqual(['RET91708', 'RET91708']);
    expect(parseStatusFile(fixture('sandbox-save-error.json'), 's.json').errors).toEqual([{ key: { section: '' }, code: 'RET191106', message: 'Error in JSON structure' }]);
    expect(parseStatusFile(fixture('sandbox-reset-processed.json'), 's.json')).toEqual({ statusCd: 'P', action: 'RESET', errors: [] });
    const report = JSON.parse(fixture('sandbox-save-processed-with-error.json')).data.data.error_report;
    expect(parseStatusFile(JSON.stringify(report), 'r.json').errors.length).toBeGreaterThan(5);
    // WhiteBooks: the status inside data
    expect(parseStatusFile(JSON.stringify({ status_cd: '1', data: { status_cd: 'IP', form_typ: 'R1', action: 'SAVE' } }), 'w.json')).toMatchObject({ statusCd: 'IP', errors: [] });
  });

  it("refuses the return's own JSON: no error of the portal in it, whatever its documents", () => {
    expect(refusal(RETURN, 'gstr1-27AAKCS4821M1ZW-102025.json')).toEqual({
      code: 'STATUS_NOT_ERROR_REPORT',
      message: "gstr1-27AAKCS4821M1ZW-102025.json is the return's own JSON (GSTIN 27AAKCS4821M1ZW, October 2025), not the portal's status or error report: it holds no error of the portal",
      hint: "Choose the status call's reply as it came (gstr1 status prints it), or the error_report part of it: it lists each document the portal refused with its error code, e.g. RET191113.",
    });
    // the same inside a status wrapper: its documents are no errors without a code
    expect(refusal(JSON.stringify({ status_cd: 'PE', error_report: JSON.parse(RETURN) })).code).toBe('STATUS_NOT_ERROR_REPORT');
  });

  it('refuses any other JSON in which nothing carries an error code', () => {
    for (const text of ['{}', '[]', '"x"', '{"summary":{"errors":2},"findings":[{"code":"RET191113"}]}', '{"b2b":[{"ctin":"27AAFCP7263Q1ZM","inv":[{"inum":"A"}]}]}']) {
      expect(refusal(text), text).toEqual({
        code: 'STATUS_NOT_ERROR_REPORT',
        message: "status.json is not the portal's status or error report: nothing in it carries an error code of the portal",
        hint: expect.stringContaining("Choose the status call's reply as it came"),
      });
    }
    expect(refusal('not json').code).toBe('STATUS_JSON');
  });

  it('the page words the hint for its reader', () => {
    try {
      parseStatusFile(RETURN, 't.json');
    } catch (e) {
      expect(hintOf(e as InputError, 'web')).toBe("Choose the status call's reply as it came (from the portal or the provider), or the error_report part of it: it lists each document the portal refused with its error code, e.g. RET191113.");
    }
    expect.assertions(1);
  });
});
