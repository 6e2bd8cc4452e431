/**
 * Issue 11 item 6: a retsave JSON is checked with the same rules as a workbook, findings located
 * by section sheet and the row of its to-excel workbook; upload checks a JSON before sending it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateFiles } from '../src/api/validate.js';
import type { OptionError } from '../src/model/errors.js';
import { readXlsx } from '../src/parsers/xlsx.js';
import { messageOf } from '../src/report/messages/index.js';
import { cli } from './helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'gstr1-validate-json-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SUPPLIER = '27AAACR5055K1Z7';
/** a return another tool wrote: second recipient's GSTIN has a wrong check character */
const RETURN = {
  gstin: SUPPLIER,
  fp: '092025',
  b2b: [
    { ctin: '29AAACR5055K1Z3', inv: [{ inum: 'A/1', idt: '02-09-2025', val: 11800, pos: '29', rchrg: 'N', inv_typ: 'R', itms: [{ num: 1, itm_det: { rt: 18, txval: 10000, iamt: 1800, csamt: 0 } }] }] },
    { ctin: '27AAACS1429N1Z7', inv: [{ inum: 'A/2', idt: '03-09-2025', val: 5900, pos: '27', rchrg: 'N', inv_typ: 'R', itms: [{ num: 1, itm_det: { rt: 18, txval: 5000, camt: 450, samt: 450, csamt: 0 } }] }] },
  ],
};

/** no --gstin / --period: the JSON's own */
const FROM_JSON = { gstin: '', period: '' };

function jsonFile(name: string, body: unknown): string {
  const file = join(root, name);
  writeFileSync(file, JSON.stringify(body));
  return file;
}

describe('validate a JSON', () => {
  it('runs the rules, the GSTIN and period taken from the JSON, findings on the to-excel row', async () => {
    const file = jsonFile('other-erp.json', RETURN);
    const { result } = await validateFiles([file], FROM_JSON);
    const errors = result.findings.items.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.code, f.file, f.sheet, f.row, f.column, f.value])).toEqual([
      ['RET191113', file, 'b2b,sez,de', 6, 'GSTIN/UIN of Recipient', '27AAACS1429N1Z7'],
    ]);
    expect(result.stats.map((s) => [s.sheet, s.read])).toEqual([['b2b,sez,de', 2]]);
  });

  it('--annotate writes the findings on the to-excel workbook of the JSON', async () => {
    const file = jsonFile('annotate.json', RETURN);
    const out = join(root, 'annotated.xlsx');
    await validateFiles([file], { ...FROM_JSON, annotate: out });
    expect(existsSync(out)).toBe(true);
    const errors: string[] = [];
    for await (const sheet of readXlsx(out)) for await (const r of sheet.rows) if (sheet.name === 'Errors') errors.push(r.cells.map(String).join('|'));
    expect(errors.some((l) => l.includes('RET191113') && l.includes('b2b,sez,de') && l.includes('6'))).toBe(true);
  });

  it('--gstin / --period may repeat the JSON but not contradict it', async () => {
    const file = jsonFile('mismatch.json', RETURN);
    await expect(validateFiles([file], { ...FROM_JSON, gstin: '29AAACR5055K1Z3' })).rejects.toMatchObject({ code: 'JSON_RETURN_MISMATCH' });
    await expect(validateFiles([file], { gstin: SUPPLIER, period: '092025' })).resolves.toBeDefined();
    // the JSON's period is named in words beside its MMYYYY, the flag as typed
    const period = await validateFiles([file], { ...FROM_JSON, period: '102025' }).catch((e: unknown) => e);
    expect(period).toMatchObject({ code: 'JSON_RETURN_MISMATCH', params: { option: '--period', value: '102025', json: '092025' } });
    expect(messageOf(period as OptionError)).toBe("--period 102025 is not the JSON's period (September 2025, 092025)");
  });

  it('gstr1 validate x.json no longer says it has no sheet this tool recognises', async () => {
    const file = jsonFile('cli.json', RETURN);
    const r = await cli('validate', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('RET191113');
    expect(r.stdout + r.stderr).not.toMatch(/no sheet/i);
  });

  it('upload checks a JSON before sending it: nothing is sent when it has errors', async () => {
    const file = jsonFile('upload.json', RETURN);
    const r = await cli('upload', file, '--provider', 'whitebooks', '--otp', '575757', '--journal-dir', join(root, 'journal'), '--base-url', 'https://127.0.0.1:9');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Nothing uploaded: the JSON has errors/);
    expect(r.stdout).toContain('RET191113');
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(RETURN));
  });
});
