/** gstr1 annotate --status: the portal's errors on the rows, counted so the numbers add up; the return's own JSON refused. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../../test/helpers/cli.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const SAMPLE = join(ROOT, 'templates/sample/gstr1-sample.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'gstr1-annotate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The tester's status (page report, item 7): an invoice of two lines, a B2C (small) rate, an HSN row the sample does not have. */
const STATUS = {
  status_cd: '1',
  data: {
    status_cd: 'PE', form_typ: 'R1',
    error_report: {
      b2b: [{ ctin: '27AAFCP7263Q1ZM', error_cd: 'RET191113', error_msg: 'Invoice rejected', inv: [{ inum: 'STL/25-26/1204' }] }],
      b2cs: [{ pos: '27', rt: 18, error_cd: 'RET191175', error_msg: 'bad rate' }],
      hsn: [{ error_cd: 'X1', error_msg: 'HSN bad', data: [{ hsn_sc: '9999' }] }],
    },
  },
};

describe('cli: annotate --status', () => {
  it('counts errors on rows and errors on none, which add up, and the rows marked apart', async () => {
    const status = join(dir, 'status.json');
    writeFileSync(status, JSON.stringify(STATUS));
    const r = await cli('annotate', SAMPLE, '--status', status, '--out', join(dir, 'marked.xlsx'));
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^3 portal error\(s\) \(status PE\): 2 on your rows \(marked on \d+ rows\), 1 matching no row \(listed on the Errors sheet\)\n/);
  });

  it("refuses the return's own JSON, and writes nothing", async () => {
    const json = join(dir, 'gstr1-27AAKCS4821M1ZW-102025.json');
    expect((await cli('convert', SAMPLE, '--gstin', '27AAKCS4821M1ZW', '--period', '102025', '--out', json)).code).toBe(0);
    const out = join(dir, 'wrong.xlsx');
    const r = await cli('annotate', SAMPLE, '--status', json, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${json} is the return's own JSON (GSTIN 27AAKCS4821M1ZW, October 2025), not the portal's status or error report`);
    expect(r.stdout).not.toContain('portal error');
    expect(existsSync(out)).toBe(false);
  });
});
