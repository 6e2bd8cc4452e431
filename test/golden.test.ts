/**
 * Golden test: the bundled sample return (every sheet of the template, October 2025) converts
 * to the committed JSON, from the workbook and from the same data as one CSV per sheet.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertFiles } from '../src/api/convert.js';
import { toExcel } from '../src/api/to-excel.js';
import { tempDir } from './helpers/files.js';

const ID = { gstin: '27AAKCS4821M1ZW', period: '102025' };
const expected = JSON.parse(readFileSync('test/fixtures/sample-expected.json', 'utf8'));
const CSV_DIR = 'test/fixtures/sample-csv';

async function convert(files: string[]) {
  const out = join(tempDir(), 'out.json');
  const res = await convertFiles(files, { ...ID, out });
  expect(res.result.findings.items).toEqual([]);
  expect(res.written).toEqual([out]);
  return JSON.parse(readFileSync(out, 'utf8'));
}

const inv = (json: any, ctin: string, inum: string) =>
  json.b2b.find((g: any) => g.ctin === ctin).inv.find((i: any) => i.inum === inum);

describe('golden: the sample return', () => {
  it('the workbook converts to the committed JSON', async () => {
    expect(await convert(['templates/sample/gstr1-sample.xlsx'])).toEqual(expected);
  });

  it('the same data as CSVs (Indian grouping, text dates) converts to the same JSON', async () => {
    const files = readdirSync(CSV_DIR).map((f) => join(CSV_DIR, f));
    expect(files).toHaveLength(30);
    expect(await convert(files)).toEqual(expected);
  });

  it('to-excel of the converted JSON (Table 15/15A included) converts back to the same bytes', async () => {
    const dir = tempDir();
    const first = join(dir, 'first.json');
    await convertFiles(['templates/sample/gstr1-sample.xlsx'], { ...ID, out: first });
    const back = await toExcel([first], { out: join(dir, 'back.xlsx') });
    expect(back.findings).toEqual([]);
    const again = join(dir, 'again.json');
    const res = await convertFiles([join(dir, 'back.xlsx')], { ...ID, out: again });
    expect(res.result.findings.items).toEqual([]);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(first, 'utf8'));
  });

  // figures below were worked out by hand from the sample's rows
  it('sums lines of one invoice with the same rate, then taxes the sum (216000 + 138000 + 162500.50 at 18 % IGST)', () => {
    expect(inv(expected, '29AAQFK3318N1ZO', 'STL/25-26/1211')).toEqual({
      inum: 'STL/25-26/1211', idt: '06-10-2025', val: 609470.59, pos: '29', rchrg: 'N', inv_typ: 'R',
      itms: [{ num: 1, itm_det: { rt: 18, txval: 516500.5, iamt: 92970.09, csamt: 0 } }],
    });
  });

  it('splits intra-State tax into equal CGST and SGST (485000 + 42500 at 18 % in Maharashtra)', () => {
    expect(inv(expected, '27AAFCP7263Q1ZM', 'STL/25-26/1204').itms).toEqual([
      { num: 1, itm_det: { rt: 18, txval: 527500, camt: 47475, samt: 47475, csamt: 0 } },
    ]);
  });

  it('keeps one item per rate, rate 40 included, with cess as given', () => {
    expect(inv(expected, '24AAHCS9051B1ZK', 'STL/25-26/1219').itms).toEqual([
      { num: 1, itm_det: { rt: 40, txval: 115200, iamt: 46080, csamt: 0 } },
      { num: 2, itm_det: { rt: 5, txval: 96000, iamt: 4800, csamt: 0 } },
      { num: 3, itm_det: { rt: 28, txval: 330000, iamt: 92400, csamt: 327900 } },
    ]);
  });

  it('SEZ with payment is IGST inside the state, without payment carries no tax, deemed export follows POS', () => {
    expect(inv(expected, '27AACCD6132H1ZU', 'STL/25-26/1226').itms[0].itm_det).toEqual({ rt: 18, txval: 320000, iamt: 57600, csamt: 0 });
    expect(inv(expected, '27AACCD6132H1ZU', 'STL/25-26/1233').itms[0].itm_det).toEqual({ rt: 0, txval: 294000, iamt: 0, csamt: 0 });
    expect(inv(expected, '27AAECK8890R1ZF', 'STL/25-26/1240')).toMatchObject({ inv_typ: 'DE', itms: [{ itm_det: { camt: 23400, samt: 23400 } }] });
  });

  it('reverse charge and 65 % (150 × 18 % × 0.65 = 17.55)', () => {
    expect(inv(expected, '27AAGCB5174D1ZS', 'STL/25-26/1255')).toMatchObject({ rchrg: 'Y' });
    expect(inv(expected, '36ABCFC2209L1ZL', 'STL/25-26/1262')).toMatchObject({ diff_percent: 0.65, itms: [{ itm_det: { rt: 18, txval: 150, iamt: 17.55 } }] });
  });

  it('has every section of the return', () => {
    expect(Object.keys(expected)).toEqual([
      'gstin', 'fp', 'b2b', 'b2ba', 'b2cl', 'b2cla', 'b2cs', 'b2csa', 'cdnr', 'cdnra', 'cdnur', 'cdnura',
      'exp', 'expa', 'at', 'ata', 'txpd', 'txpda', 'nil', 'hsn', 'doc_issue', 'supeco', 'supecoa', 'ecom', 'ecoma',
    ]);
    expect(Object.keys(expected.hsn)).toEqual(['hsn_b2b', 'hsn_b2c']);
  });

  // Table 15/15A: a restaurant (27AAKFK5521C1ZK, Maharashtra) selling through the filer's app at 5 %
  it('Table 15: documents per supplier, lines summed (4000 + 2000), tax by the supplier\'s State; b2c summed per POS and rate', () => {
    const item = (txval: number, tax: { iamt: number } | { camt: number; samt: number }) => ({ rt: 5, txval, ...tax, csamt: 0 });
    expect(expected.ecom).toEqual({
      b2b: [{
        stin: '27AAKFK5521C1ZK', rtin: '27AAFCP7263Q1ZM',
        inv: [{ inum: 'KC/101', idt: '08-10-2025', val: 6300, pos: '27', inv_typ: 'R', sply_ty: 'INTRA', itms: [{ num: 1, itm_det: item(6000, { camt: 150, samt: 150 }) }] }],
      }],
      // an unregistered supplier is taken to be in the operator's State (27): Delhi is inter-State
      urp2b: [{
        rtin: '07AABCY3392G1Z6',
        inv: [{ inum: 'HS/55', idt: '12-10-2025', val: 1575, pos: '07', inv_typ: 'R', sply_ty: 'INTER', itms: [{ num: 1, itm_det: item(1500, { iamt: 75 }) }] }],
      }],
      // 30000 + 18000.50 = 48000.50; 2.5 % of it is 1200.0125, rounded to 1200.01 each
      b2c: [{ stin: '27AAKFK5521C1ZK', pos: '27', sply_ty: 'INTRA', ...item(48000.5, { camt: 1200.01, samt: 1200.01 }) }],
      urp2c: [{ pos: '29', sply_ty: 'INTER', ...item(12000, { iamt: 600 }) }],
    });
  });

  it('Table 15A: revised documents keep the original number and date; b2ca per POS, then supplier and month', () => {
    const item = (txval: number, tax: { iamt: number } | { camt: number; samt: number }) => ({ rt: 5, txval, ...tax, csamt: 0 });
    expect(expected.ecoma).toEqual({
      b2ba: [{
        stin: '27AAKFK5521C1ZK', rtin: '27AAFCP7263Q1ZM',
        inv: [{
          oinum: 'KC/087', oidt: '20-09-2025', inum: 'KC/087A', idt: '20-09-2025', val: 2100, pos: '27', inv_typ: 'R', sply_ty: 'INTRA',
          itms: [{ num: 1, itm_det: item(2000, { camt: 50, samt: 50 }) }],
        }],
      }],
      urp2ba: [{
        rtin: '07AABCY3392G1Z6',
        inv: [{
          oinum: 'HS/41', oidt: '15-09-2025', inum: 'HS/41', idt: '15-09-2025', val: 1050, pos: '07', inv_typ: 'R', sply_ty: 'INTER',
          itms: [{ num: 1, itm_det: item(1000, { iamt: 50 }) }],
        }],
      }],
      b2ca: [{ pos: '27', posItms: [{ stin: '27AAKFK5521C1ZK', omon: '092025', sply_ty: 'INTRA', itms: [item(25000, { camt: 625, samt: 625 })] }] }],
      urp2ca: [{ pos: '29', omon: '082025', sply_ty: 'INTER', itms: [item(8000, { iamt: 400 })] }],
    });
  });
});
