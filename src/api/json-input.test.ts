/**
 * A JSON return given as input is read without losing or changing anything silently: validate
 * (and upload, which checks the same way) and to-excel report what the workbook cannot show, and
 * the workbook keeps the JSON's text where it is not a number or a date.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../parsers/xlsx.js';
import { checkJsonReturn } from './json-input.js';
import { toExcel } from './to-excel.js';

const root = mkdtempSync(join(tmpdir(), 'gstr1-json-input-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SUPPLIER = '27AAKCS4821M1ZW';
const RECIPIENT = '29AAQFK3318N1ZO';
const FROM_JSON = { gstin: '', period: '' };

const invoice = (inum: string, extra: Record<string, unknown> = {}) => ({
  inum, idt: '03-10-2025', val: 1180, pos: '29', rchrg: 'N', inv_typ: 'R', itms: [{ num: 1, itm_det: { rt: 18, txval: 1000, iamt: 180, csamt: 0 } }], ...extra,
});

function jsonFile(name: string, inv: unknown[], more: Record<string, unknown> = {}): string {
  const file = join(root, name);
  writeFileSync(file, JSON.stringify({ gstin: SUPPLIER, fp: '102025', b2b: [{ ctin: RECIPIENT, inv }], ...more }));
  return file;
}

/** The data rows (from row 5) of one sheet of a workbook, as read back. */
async function sheetRows(file: string, name: string): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  for await (const sheet of readXlsx(file)) for await (const r of sheet.rows) if (sheet.name === name && r.row >= 5) rows.push([...r.cells]);
  return rows;
}

const errorsOf = (r: { findings: { items: readonly { code: string; severity: string }[] } }) =>
  r.findings.items.filter((f) => f.severity === 'error').map((f) => f.code);

describe('a JSON given as input', () => {
  it('validate reports a repeated invoice, a repeated rate and an invoice without items (it exited 0 before)', async () => {
    const file = jsonFile('structure.json', [
      invoice('D/1'),
      invoice('D/1'),
      invoice('D/2', { val: 2360, itms: [{ num: 1, itm_det: { rt: 18, txval: 1000, iamt: 180, csamt: 0 } }, { num: 2, itm_det: { rt: 18, txval: 1000, iamt: 180, csamt: 0 } }] }),
      invoice('D/3', { val: 0, itms: [] }),
    ]);
    const r = await checkJsonReturn([file], FROM_JSON);
    expect(errorsOf(r)).toEqual(['JSON_DUPLICATE_DOCUMENT', 'JSON_REPEATED_RATE', 'JSON_NO_ITEMS']);
    // to-excel says so too: its workbook cannot hold two invoices of one number
    const x = await toExcel([file], { out: join(root, 'structure.xlsx') });
    expect(x.findings.map((f) => f.code)).toEqual(['JSON_DUPLICATE_DOCUMENT', 'JSON_REPEATED_RATE', 'JSON_NO_ITEMS']);
  });

  it('items that are not a list are reported for that invoice; the rest of the section is still carried', async () => {
    const file = jsonFile('items-object.json', [invoice('A/1'), invoice('A/2', { itms: { num: 1 } })]);
    const out = join(root, 'items-object.xlsx');
    const x = await toExcel([file], { out });
    expect(x.findings.map((f) => [f.code, f.params?.path])).toEqual([['JSON_NO_ITEMS', 'b2b[0].inv[1]']]);
    expect((await sheetRows(out, 'b2b,sez,de')).length).toBe(1);
  });

  it('an amount in quotes is an error and never 0: the workbook shows the text, the row is not checked as if it held 0', async () => {
    const file = jsonFile('strings.json', [invoice('S/1', { val: '1180.50', itms: [{ num: 1, itm_det: { rt: 18, txval: '1000.42', iamt: '180.08', csamt: 0 } }] }), invoice('S/2')]);
    const r = await checkJsonReturn([file], FROM_JSON);
    expect(errorsOf(r)).toEqual(['JSON_NOT_A_NUMBER', 'JSON_NOT_A_NUMBER', 'JSON_NOT_A_NUMBER']);
    // the row holding them is set aside (counted as rejected); the other invoice is checked
    expect(r.stats.map((s) => [s.sheet, s.read, s.rejected])).toEqual([['b2b,sez,de', 2, 1]]);
    const out = join(root, 'strings.xlsx');
    await toExcel([file], { out });
    const rows = await sheetRows(out, 'b2b,sez,de');
    expect(rows[0]).toContain('1180.50');
    expect(rows[0]).toContain('1000.42');
    expect(rows[0]).toContain('180.08');
    expect(rows[0]).not.toContain(0);
  });

  it('amounts with more than 2 decimals are errors (they were checked rounded, and upload sent them as they are)', async () => {
    const file = jsonFile('decimals.json', [invoice('P/1', { val: 1180.005, itms: [{ num: 1, itm_det: { rt: 18, txval: 1000.004, iamt: 180.0049, csamt: 0 } }] })]);
    const r = await checkJsonReturn([file], FROM_JSON);
    expect(errorsOf(r)).toEqual(['JSON_AMOUNT_DECIMALS', 'JSON_AMOUNT_DECIMALS', 'JSON_AMOUNT_DECIMALS']);
    // the workbook shows them as written, not rounded to 1180.01
    const out = join(root, 'decimals.xlsx');
    await toExcel([file], { out });
    const rows = await sheetRows(out, 'b2b,sez,de');
    expect(rows[0]).toContain('1180.005');
    expect(rows[0]).toContain('180.0049');
  });

  it('diff_percent 65 is an error, not the full rate', async () => {
    const file = jsonFile('diff.json', [invoice('R/1', { diff_percent: 65, val: 1117, itms: [{ num: 1, itm_det: { rt: 18, txval: 1000, iamt: 117, csamt: 0 } }] })]);
    const r = await checkJsonReturn([file], FROM_JSON);
    expect(errorsOf(r)).toContain('JSON_DIFF_PERCENT');
  });

  it('a date the calendar does not have is an error; the workbook keeps the text, not a rolled-over day', async () => {
    const file = jsonFile('dates.json', [invoice('I/3', { idt: '31-09-2025' }), invoice('I/4', { idt: '2025-10-03' })]);
    const r = await checkJsonReturn([file], FROM_JSON);
    expect(errorsOf(r)).toEqual(['JSON_DATE', 'JSON_DATE']);
    const out = join(root, 'dates.xlsx');
    await toExcel([file], { out });
    const rows = await sheetRows(out, 'b2b,sez,de');
    expect(rows[0]).toContain('31-09-2025');
    expect(rows.flat().some((c) => c instanceof Date && c.getUTCMonth() === 9 && c.getUTCDate() === 1)).toBe(false);
  });

  it('a delete flag is an error of validate and of to-excel; cname and a b2cl CBW are warnings of to-excel', async () => {
    const file = jsonFile('flags.json', [invoice('STL/1', { flag: 'D', chksum: 'abc123' })], {
      b2cl: [{ pos: '29', inv: [{ inum: 'L/1', idt: '07-10-2025', val: 295000, inv_typ: 'CBW', itms: [{ num: 1, itm_det: { rt: 18, txval: 250000, iamt: 45000, csamt: 0 } }] }] }],
    });
    const r = await checkJsonReturn([file], FROM_JSON);
    expect(errorsOf(r)).toEqual(['JSON_DELETE_FLAG']);
    const x = await toExcel([file], { out: join(root, 'flags.xlsx') });
    expect(x.findings.map((f) => [f.code, f.severity])).toEqual([['JSON_DELETE_FLAG', 'error'], ['JSON_NOT_CARRIED', 'warning']]);
  });
});
