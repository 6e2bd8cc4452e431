/**
 * Reading registers row by row: continuation lines, Tally's conventions, rates from amounts,
 * defaults and their warnings, one document in one section, findings on the register's own
 * cells (and in the annotated workbook), files told apart, derived tables in other periods.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { returnContext } from '../src/engine/options.js';
import { processReturn } from '../src/api/process.js';
import type { Finding } from '../src/model/finding.js';
import { computeTax } from '../src/model/money.js';
import { assemblePayload } from '../src/mappers/payload.js';
import { annotateFiles } from '../src/report/annotate/index.js';
import { hintOf, messageOf } from '../src/report/messages/index.js';
import { REGISTER_MESSAGES } from '../src/report/messages/register.js';
import { formatRegisterSummary, prepareRegister, type RegisterOptions, type RowExplanation } from '../src/register/index.js';
import { processWithRegister } from '../src/api/register-pass.js';
import { validateFiles } from '../src/api/validate.js';
import { defaultCheckers } from '../src/validators/index.js';

const SUPPLIER = '27AAACR5055K1Z7';
const KA = '29AAACR5055K1Z3';
const MH = '27AABCU9603R1ZN';
const TCS = '27AAACR5055K1CI';

const root = mkdtempSync(join(tmpdir(), 'gstr1-register-reader-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

function csvFile(rows: (string | number)[][], name = `register-${++n}.csv`): string {
  const file = join(root, name);
  writeFileSync(file, Papa.unparse(rows.map((r) => r.map(String))));
  return file;
}

async function xlsxFile(rows: unknown[][], name = `register-${++n}.xlsx`): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sales');
  for (const r of rows) ws.addRow(r);
  const file = join(root, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function run(files: string[], opts: RegisterOptions & { period?: string; checks?: boolean } = {}) {
  const ctx = returnContext({ gstin: SUPPLIER, period: opts.period ?? '092025' });
  const explained: RowExplanation[] = [];
  const { result, run: reg } = await processWithRegister(files, ctx, {
    ...opts, onExplain: (e) => explained.push(e), ...(opts.checks ? { checkers: defaultCheckers(ctx) } : {}),
  });
  const json = assemblePayload(result.outputs, { gstin: SUPPLIER, fp: opts.period ?? '092025' }) as unknown as Record<string, any>;
  return { json, findings: result.findings.items, explained, reg, stats: result.stats };
}

const brief = (f: Finding) => ({ code: f.code, row: f.row, column: f.column, col: f.col });

const GSTR1_HEAD = ['Document Type', 'Document Number', 'Document Date', 'Recipient GSTIN/UIN', 'Place Of Supply', 'HSN/SAC', 'UQC', 'Quantity', 'Rate', 'Taxable Value'];

describe('register reader: lines and documents', () => {
  it('continuation lines (blank voucher columns) belong to the document above; quantities carry their unit', async () => {
    const file = csvFile([
      ['Date', 'Particulars', 'Voucher Type', 'Voucher No.', 'GSTIN/UIN', 'Place of Supply', 'HSN/SAC', 'Quantity', 'GST Rate', 'Taxable Value', 'Integrated Tax Amount', 'Central Tax Amount', 'State Tax Amount', 'Gross Total'],
      ['05-09-2025', 'Rao Systems', 'Sales', 'S/101', KA, 'Karnataka', '84713010', '2 Nos', '18', '100000', '18000', '', '', '177000'],
      ['', '', '', '', '', '', '83011000', '10 Pcs', '18', '50000', '9000', '', '', ''],
      ['', 'Grand Total', '', '', '', '', '', '', '', '150000', '', '', '', ''],
    ]);
    const { json, explained, findings } = await run([file]);
    expect(findings).toEqual([]);
    expect(json.b2b).toEqual([{
      ctin: KA,
      inv: [{
        inum: 'S/101', idt: '05-09-2025', val: 177000, pos: '29', rchrg: 'N', inv_typ: 'R',
        itms: [{ num: 1, itm_det: { rt: 18, txval: 150000, iamt: 27000, csamt: 0 } }],
      }],
    }]);
    expect(explained.map((e) => e.notes.map((x) => x.code))).toEqual([[], ['continues']]);
    expect(json.hsn.hsn_b2b.map((h: any) => [h.hsn_sc, h.uqc, h.qty])).toEqual([['84713010', 'NOS', 2], ['83011000', 'PCS', 10]]);
  });

  it('a Tally "(cancelled)" voucher counts in Table 13 only, with no amounts needed', async () => {
    const file = csvFile([
      ['Date', 'Particulars', 'Voucher Type', 'Voucher No.', 'GSTIN/UIN', 'Place of Supply', 'HSN/SAC', 'Quantity', 'GST Rate', 'Taxable Value', 'Central Tax Amount', 'State Tax Amount'],
      ['01-09-2025', 'Cash', 'Sales', 'A/1', '', 'Maharashtra', '83011000', '1 Nos', '18', '1000', '90', '90'],
      ['01-09-2025', '(cancelled)', 'Sales', 'A/2', '', '', '', '', '', '', '', ''],
      ['02-09-2025', 'Cash', 'Sales', 'A/4', '', 'Maharashtra', '83011000', '1 Nos', '18', '1000', '90', '90'],
    ]);
    const { json, findings, explained } = await run([file]);
    expect(findings).toEqual([]);
    expect(explained.map((e) => e.target)).toEqual(['b2cs', 'cancelled', 'b2cs']);
    expect(json.doc_issue.doc_det).toEqual([{
      doc_num: 1, doc_typ: 'Invoices for outward supply',
      docs: [{ num: 1, from: 'A/1', to: 'A/4', totnum: 4, cancel: 2, net_issue: 2 }],
    }]);
  });

  it('rates: from the rate column (a percentage cell reads 0.18 as 18), the IGST/CGST/SGST rate columns, or the amounts', async () => {
    const pct = await xlsxFile([
      [...GSTR1_HEAD, 'Integrated Tax Amount'],
      ['Invoice', 'P/1', new Date(Date.UTC(2025, 8, 3)), KA, 29, '83011000', 'NOS', 1, 0.18, 1000, 180],
    ]);
    expect((await run([pct])).json.b2b[0].inv[0].itms[0].itm_det.rt).toBe(18);

    const erp = csvFile([
      ['DocumentType', 'DocumentNumber', 'DocumentDate', 'CustomerGSTIN', 'POS', 'HSNorSAC', 'UnitOfMeasurement', 'Quantity', 'TaxableValue', 'IntegratedTaxRate', 'CentralTaxRate', 'StateUTTaxRate', 'InvoiceValue'],
      ['INV', 'E/1', '03/09/2025', MH, '27', '83011000', 'NOS', '2', '1000', '0', '6', '6', '1120'],
    ]);
    const e = await run([erp]);
    expect(e.reg!.summary.sheets[0]!.layout).toMatch(/ERP/);
    expect(e.json.b2b[0].inv[0].itms[0].itm_det).toEqual({ rt: 12, txval: 1000, camt: 60, samt: 60, csamt: 0 });
    expect(e.explained[0]!.notes).toEqual([{ code: 'rate-rates', params: { rate: 12 } }]);

    const amounts = csvFile([
      ['Voucher No.', 'Date', 'Particulars', 'GSTIN/UIN', 'Place of Supply', 'HSN/SAC', 'Quantity', 'Taxable Value', 'Central Tax Amount', 'State Tax Amount'],
      ['T/1', '04-09-2025', 'Mehta', MH, '27', '30049099', '3 Box', '333.33', '20.00', '20.00'],
      ['T/2', '04-09-2025', 'Mehta', MH, '27', '30049099', '3 Box', '1000', '70', '70'],
    ]);
    const a = await run([amounts]);
    expect(a.json.b2b[0].inv[0].itms[0].itm_det.rt).toBe(12);
    expect(a.explained[0]!.notes).toContainEqual({ code: 'rate-amounts', params: { rate: 12 } });
    // 140 on 1000 is no GST rate
    expect(a.findings.map(brief)).toEqual([{ code: 'REGISTER_RATE_UNKNOWN', row: 3, column: 'Central Tax Amount', col: 9 }]);
    // amounts as every other message shows money: rupees and paise, Indian grouping
    expect(a.findings[0]!.params).toEqual({ reason: 'amounts', txval: '1000.00', tax: '140.00' });
    expect(REGISTER_MESSAGES.REGISTER_RATE_UNKNOWN!.message(a.findings[0]!.params!)).toBe('The tax amounts (Rs 140.00) on a taxable value of Rs 1,000.00 match no GST rate');
    expect(a.explained[1]!.target).toBe('rejected');
  });

  it('a blank place of supply: the recipient\'s GSTIN state, or your own state for a consumer, with a warning', async () => {
    const file = csvFile([
      GSTR1_HEAD,
      ['Invoice', 'P/1', '03-Sep-2025', KA, '', '83011000', 'NOS', '1', '18', '1000'],
      ['Invoice', 'P/2', '03-Sep-2025', '', '', '83011000', 'NOS', '1', '18', '1000'],
    ]);
    const { json, findings } = await run([file]);
    expect(json.b2b[0].inv[0].pos).toBe('29');
    expect(json.b2cs).toEqual([{ sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 18, txval: 1000, camt: 90, samt: 90, csamt: 0 }]);
    expect(findings.map((f) => [f.code, f.severity, f.row, f.column, f.params?.pos])).toEqual([
      ['REGISTER_POS_DEFAULTED', 'warning', 2, 'Place Of Supply', '29'],
      ['REGISTER_POS_DEFAULTED', 'warning', 3, 'Place Of Supply', '27'],
    ]);
  });

  it('a register with no place-of-supply column is warned about once, not on every document', async () => {
    const file = csvFile([
      ['Document Number', 'Document Date', 'Recipient GSTIN/UIN', 'HSN/SAC', 'UQC', 'Quantity', 'Rate', 'Taxable Value'],
      ['N/1', '03-09-2025', KA, '83011000', 'NOS', '1', '18', '1000'],
      ['N/2', '03-09-2025', '', '83011000', 'NOS', '1', '18', '1000'],
      ['N/3', '04-09-2025', '', '83011000', 'NOS', '1', '18', '1000'],
    ]);
    const { json, findings } = await run([file]);
    expect(findings.map((f) => [f.code, f.row, f.params?.basis])).toEqual([['REGISTER_POS_DEFAULTED', undefined, 'no-column']]);
    expect(json.b2b[0].inv[0].pos).toBe('29');
    expect(json.b2cs[0]).toMatchObject({ pos: '27', txval: 2000 });
  });

  it('an ERP export: e-invoice supply types and document types', async () => {
    const file = csvFile([
      ['DocumentType', 'DocumentNumber', 'DocumentDate', 'CustomerGSTIN', 'POS', 'SupplyType', 'PortCode', 'ShippingBillNumber', 'ShippingBillDate', 'HSNorSAC', 'UnitOfMeasurement', 'Quantity', 'TaxableValue', 'IntegratedTaxRate', 'IntegratedTaxAmount', 'InvoiceValue'],
      ['INV', 'E/1', '03/09/2025', '', '', 'EXPWOP', 'INNSA1', '1234567', '05/09/2025', '83011000', 'NOS', '10', '5000', '18', '0', '5000'],
      ['INV', 'E/2', '03/09/2025', KA, '29', 'SEZWP', '', '', '', '83011000', 'NOS', '10', '5000', '18', '900', '5900'],
      ['CR', 'E/3', '04/09/2025', KA, '29', 'SEZWP', '', '', '', '83011000', 'NOS', '1', '500', '18', '90', '590'],
    ]);
    const { json, findings, explained } = await run([file]);
    expect(findings).toEqual([]);
    expect(explained.map((e) => e.target)).toEqual(['exp', 'b2b', 'cdnr']);
    expect(json.exp).toEqual([{
      exp_typ: 'WOPAY',
      inv: [{ inum: 'E/1', idt: '03-09-2025', val: 5000, sbpcode: 'INNSA1', sbnum: '1234567', sbdt: '05-09-2025', itms: [{ txval: 5000, rt: 18, iamt: 0, csamt: 0 }] }],
    }]);
    expect(json.b2b[0].inv[0]).toMatchObject({ inv_typ: 'SEWP', itms: [{ itm_det: { rt: 18, iamt: 900 } }] });
    expect(json.cdnr[0].nt[0]).toMatchObject({ ntty: 'C', inv_typ: 'SEWP', val: 590 });
  });

  it('one document, one section: a line that would go elsewhere is refused', async () => {
    const file = csvFile([
      [...GSTR1_HEAD, 'Export Type'],
      ['Invoice', 'X/1', '03-09-2025', KA, '29', '83011000', 'NOS', '1', '18', '1000', ''],
      ['Invoice', 'X/1', '03-09-2025', KA, '29', '83011000', 'NOS', '1', '18', '1000', 'WPAY'],
    ]);
    const { findings, explained } = await run([file]);
    expect(findings.map(brief)).toEqual([{ code: 'REGISTER_DOC_SPLIT', row: 3, column: 'Recipient GSTIN/UIN', col: 4 }]);
    expect(findings[0]!.params).toMatchObject({ first: 'b2b', now: 'exp' });
    expect(explained.map((e) => e.target)).toEqual(['b2b', 'rejected']);
  });

  it('document types in the register\'s own words, and unknown ones reported on their cell', async () => {
    const file = csvFile([
      GSTR1_HEAD,
      ['Tax Invoice', 'D/1', '03-09-2025', KA, '29', '83011000', 'NOS', '1', '18', '1000'],
      ['Sales Return', 'D/2', '04-09-2025', KA, '29', '83011000', 'NOS', '1', '18', '100'],
      ['DR', 'D/3', '04-09-2025', KA, '29', '83011000', 'NOS', '1', '18', '50'],
      ['Journal', 'D/4', '04-09-2025', KA, '29', '83011000', 'NOS', '1', '18', '50'],
    ]);
    const { json, findings } = await run([file]);
    expect(json.cdnr[0].nt.map((x: any) => [x.nt_num, x.ntty])).toEqual([['D/2', 'C'], ['D/3', 'D']]);
    expect(findings.map(brief)).toEqual([{ code: 'REGISTER_DOC_TYPE', row: 5, column: 'Document Type', col: 1 }]);
    expect(REGISTER_MESSAGES.REGISTER_DOC_TYPE!.message({ value: 'Journal' })).toBe('"Journal" is not a document type');
  });
});

describe('register reader: findings on the register\'s cells', () => {
  it('mapper and validator findings point at the register\'s row and column, and the annotated copy marks them', async () => {
    const file = csvFile([
      ['Voucher No.', 'Date', 'Particulars', 'GSTIN/UIN', 'Place of Supply', 'HSN/SAC', 'Quantity', 'GST Rate', 'Taxable Value', 'Integrated Tax Amount'],
      ['V/1', '05-09-2025', 'Rao', KA, '29', '83011000', '1 Nos', '18', '1000', '180'],
      ['V/2', '05-09-2025', 'Bad Id', '29AAACR5055K1Z4', '29', '83011000', '1 Nos', '18', '1000', '180'],
      ['V/3', '31-09-2025', 'Bad date', KA, '29', '83011000', '1 Nos', '18', '1000', '180'],
      ['V/4', '05-10-2025', 'Next month', KA, '29', '83011000', '1 Nos', '18', '1000', '180'],
    ]);
    const { findings } = await run([file], { checks: true });
    const onRegister = findings.filter((f) => !f.sheet?.endsWith('(derived)'));
    expect(onRegister.map(brief)).toEqual(expect.arrayContaining([
      { code: 'CELL_INVALID_DATE', row: 4, column: 'Date', col: 2 },
      { code: 'RET191113', row: 3, column: 'GSTIN/UIN', col: 4 },
      { code: 'RET191114', row: 5, column: 'Date', col: 2 },
    ]));
    for (const f of onRegister) expect(f.file).toBe(file);
    const out = join(root, `annotated-${n}.xlsx`);
    const res = await annotateFiles([file], findings, out);
    expect(res.notes).toBeGreaterThanOrEqual(3);
  });
});

describe('register reader: the annotated copy of a workbook register', () => {
  it('marks the register\'s own cell, in its own sheet', async () => {
    const file = await xlsxFile([
      [...GSTR1_HEAD],
      ['Invoice', 'W/1', new Date(Date.UTC(2025, 8, 3)), KA, 29, '83011000', 'NOS', 1, 18, 1000],
      ['Invoice', 'W/2', new Date(Date.UTC(2025, 8, 3)), '29AAACR5055K1Z4', 29, '83011000', 'NOS', 1, 18, 1000],
    ]);
    const { findings } = await run([file], { checks: true });
    const bad = findings.find((f) => f.code === 'RET191113')!;
    expect([bad.sheet, bad.row, bad.column, bad.col]).toEqual(['Sales', 3, 'Recipient GSTIN/UIN', 4]);
    const out = join(root, `annotated-${++n}.xlsx`);
    await annotateFiles([file], findings, out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cell = wb.getWorksheet('Sales')!.getCell('D3');
    expect(cell.value).toBe('29AAACR5055K1Z4');
    expect(JSON.stringify(cell.note)).toMatch(/RET191113/);
  });
});

describe('register reader: which files are registers', () => {
  it('auto: a template CSV beside a register is read as a template, the register as a register', async () => {
    const register = csvFile([GSTR1_HEAD, ['Invoice', 'R/1', '03-09-2025', '', '27', '83011000', 'NOS', '1', '18', '1000']]);
    const b2cs = join(root, 'b2cs.csv');
    writeFileSync(b2cs, 'Type,Place Of Supply,Applicable % of Tax Rate,Rate,Taxable Value,Cess Amount,E-Commerce GSTIN\nOE,27-Maharashtra,,18,500,,\n');
    const { json, findings, reg } = await run([register, b2cs]);
    expect(findings).toEqual([]);
    expect(reg!.registerFiles.size).toBe(1);
    expect(json.b2cs).toEqual([{ sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 18, txval: 1500, camt: 135, samt: 135, csamt: 0 }]);
  });

  it('auto: template workbooks are not opened as registers', async () => {
    const ctx = returnContext({ gstin: SUPPLIER, period: '032025' });
    expect(await prepareRegister(['templates/sample/gstr1-sample.xlsx'], ctx, {})).toBeUndefined();
    expect(await prepareRegister(['templates/sample/gstr1-sample.xlsx'], ctx, { layout: 'template' })).toBeUndefined();
  });

  it('--layout register on a file with other headers: the closest layout and the nearest headers are named', async () => {
    const file = csvFile([
      ['Bill No', 'Bill Dt', 'Party', 'Amt'],
      ['B/1', '03-09-2025', 'X', '100'],
    ]);
    const { findings } = await run([file], { layout: 'register' });
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.code).toBe('REGISTER_HEADER_NOT_FOUND');
    expect(f.row).toBe(1);
    // "Bill No" is a usual name of the document number: the generic layout came closest
    expect(String(f.params!.missing)).toMatch(/Document Date \(nearest: "Bill Dt"/);
    expect(String(f.params!.missing)).toMatch(/Taxable Value \(nearest: "Amt"/);
    expect(REGISTER_MESSAGES.REGISTER_HEADER_NOT_FOUND!.input).toBe(true);
  });
});

describe('register reader: derived tables', () => {
  it('without tax columns, the HSN summary\'s tax is the sum of the tax each invoice carries', async () => {
    const file = csvFile([
      GSTR1_HEAD,
      ['Invoice', 'H/1', '03-09-2025', MH, '27', '83011000', 'NOS', '1', '18', '0.05'],
      ['Invoice', 'H/2', '03-09-2025', MH, '27', '83011000', 'NOS', '1', '18', '0.05'],
      ['Invoice', 'H/3', '03-09-2025', KA, '29', '83011000', 'NOS', '2', '18', '100.03'],
      ['Invoice', 'H/4', '03-09-2025', '', '27', '998314', '', '', '18', '5000'],
    ]);
    const { json, findings } = await run([file]);
    expect(findings).toEqual([]);
    // 9 % of Rs 0.05 rounds to nothing on each invoice, so Table 12 has nothing either (not 9 % of Rs 0.10)
    const intra = computeTax(5, 18, false);
    expect(intra.camt).toBe(0);
    const inter = computeTax(10003, 18, true);
    const items = (json.b2b as any[]).flatMap((r) => r.inv).map((i: any) => i.itms[0].itm_det);
    expect(items.map((d: any) => d.camt ?? d.iamt)).toEqual([0, 0, inter.iamt! / 100]);
    expect(json.hsn.hsn_b2b).toEqual([{
      num: 1, hsn_sc: '83011000', uqc: 'NOS', qty: 4, rt: 18, txval: 100.13,
      iamt: inter.iamt! / 100, camt: 2 * intra.camt! / 100, samt: 2 * intra.samt! / 100, csamt: 0,
    }]);
    // services: UQC NA and quantity 0 from the May 2025 period
    expect(json.hsn.hsn_b2c).toEqual([{ num: 1, hsn_sc: '998314', uqc: 'NA', qty: 0, rt: 18, txval: 5000, iamt: 0, camt: 450, samt: 450, csamt: 0 }]);
  });

  it('before May 2025 one HSN list; before January 2024 the operator stays on the invoice and there is no Table 14', async () => {
    const file = csvFile([
      [...GSTR1_HEAD, 'E-Commerce GSTIN'],
      ['Invoice', 'O/1', '03-12-2023', KA, '29', '83011000', 'NOS', '1', '18', '1000', TCS],
      ['Invoice', 'O/2', '04-12-2023', '', '27', '83011000', 'NOS', '1', '18', '1000', TCS],
    ]);
    const { json } = await run([file], { period: '122023' });
    expect(json.b2b[0].inv[0].etin).toBe(TCS);
    expect(json.supeco).toBeUndefined();
    expect(Object.keys(json.hsn)).toEqual(['data']);
    expect(json.hsn.data[0]).toMatchObject({ hsn_sc: '83011000', qty: 2, txval: 2000 });
  });

  it('from January 2024 supplies through an operator add up in Table 14 (u/s 52), or go there alone (u/s 9(5))', async () => {
    const file = csvFile([
      [...GSTR1_HEAD, 'E-Commerce GSTIN', 'E-Commerce Section'],
      ['Invoice', 'O/1', '03-09-2025', '', '27', '83011000', 'NOS', '1', '18', '1000', TCS, ''],
      ['Credit Note', 'OC/1', '04-09-2025', '', '27', '83011000', 'NOS', '1', '18', '200', TCS, ''],
      ['Invoice', 'O/2', '04-09-2025', '', '27', '996331', '', '', '5', '400', TCS, 'u/s 9(5)'],
    ]);
    const { json, explained } = await run([file]);
    expect(json.supeco).toEqual({
      clttx: [{ etin: TCS, suppval: 800, igst: 0, cgst: 72, sgst: 72, cess: 0 }],
      paytx: [{ etin: TCS, suppval: 400, igst: 0, cgst: 10, sgst: 10, cess: 0 }],
    });
    expect(json.b2cs).toEqual([{ sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 18, txval: 800, camt: 72, samt: 72, csamt: 0 }]);
    expect(explained.map((e) => e.target)).toEqual(['b2cs', 'b2cs', 'eco']);
  });

  it('a goods line without a unit is summarised under OTH, with a warning on its row', async () => {
    const file = csvFile([
      ['Document Number', 'Document Date', 'Place Of Supply', 'HSN/SAC', 'Quantity', 'Rate', 'Taxable Value'],
      ['U/1', '03-09-2025', '27', '83011000', '5', '18', '1000'],
    ]);
    const { json, findings } = await run([file]);
    expect(json.hsn.hsn_b2c[0]).toMatchObject({ uqc: 'OTH', qty: 5 });
    expect(findings.map(brief)).toEqual([{ code: 'REGISTER_UQC_MISSING', row: 2, column: 'Quantity', col: 5 }]);
  });
});

describe('register reader: blank tax amounts with no rate column', () => {
  const head = ['Invoice Number', 'Invoice Date', 'Invoice Value', 'GSTIN of Recipient', 'Place of Supply', 'HSN/SAC', 'UQC', 'Quantity', 'Taxable Value', 'Supply Category', 'IGST Amount', 'CGST Amount', 'SGST Amount'];
  const row = (num: string, val: string, txval: string, igst = '', category = '') => [num, '02-09-2025', val, KA, '29-Karnataka', '8471', 'NOS', '1', txval, category, igst, '', ''];

  it('an invoice value above the taxable value means tax was charged: the line is refused, on its tax cell', async () => {
    const file = csvFile([head, row('PR/001', '11800', '10000')]);
    const { json, findings, explained } = await run([file]);
    expect(findings.map(brief)).toEqual([{ code: 'REGISTER_TAX_BLANK', row: 2, column: 'IGST Amount', col: 11 }]);
    expect(findings[0]).toMatchObject({ severity: 'error', params: { document: 'PR/001', val: '11800.00', shown: '10000.00' } });
    expect(json.b2b).toBeUndefined();
    expect(explained).toEqual([expect.objectContaining({ row: 2, document: 'PR/001', target: 'rejected' })]);
    expect(REGISTER_MESSAGES.REGISTER_TAX_BLANK!.message(findings[0]!.params!)).toContain(
      'document PR/001 has an invoice value of Rs 11,800.00, more than its taxable value and tax shown (Rs 10,000.00)',
    );
  });

  it('rate 0 where the figures agree: value equal to the taxable value, a blank line beside taxed ones, a nil-rated line', async () => {
    const file = csvFile([
      head,
      row('PR/002', '10000', '10000'),
      // 10000 at 18 % and 500 with no tax: 12300
      row('PR/003', '12300', '10000', '1800'),
      ['', '', '', '', '', '8471', 'NOS', '1', '500', '', '', '', ''],
      row('PR/004', '5900', '5000', '', 'Nil Rated'),
    ]);
    const { json, findings, explained } = await run([file]);
    expect(findings.filter((f) => f.code === 'REGISTER_TAX_BLANK')).toEqual([]);
    const docs = json.b2b.flatMap((g: any) => g.inv);
    expect(docs.map((d: any) => [d.inum, d.itms.map((i: any) => i.itm_det.rt)])).toEqual([['PR/002', [0]], ['PR/003', [18, 0]]]);
    expect(json.nil.inv).toEqual([expect.objectContaining({ nil_amt: 5000 })]);
    expect(explained.map((e) => e.notes.map((n) => n.code))).toEqual([['rate-blank'], ['rate-amounts'], ['continues', 'rate-blank'], []]);
  });
});

describe('register reader: columns that are not read', () => {
  it('the same header twice, the second holding figures: an error naming both columns, at the first row that fills the second', async () => {
    const file = csvFile([
      ['Invoice Number', 'Invoice Date', 'Invoice Value', 'GSTIN of Recipient', 'Place of Supply', 'Taxable Value', 'Rate', 'Taxable Value', 'Rate'],
      ['PR/001', '02-09-2025', '11800', KA, '29-Karnataka', '10000', '18', '', ''],
      ['PR/002', '03-09-2025', '11800', KA, '29-Karnataka', '10000', '18', '777', ''],
      ['PR/003', '04-09-2025', '11800', KA, '29-Karnataka', '10000', '18', '888', ''],
    ]);
    const { findings } = await run([file]);
    const dup = findings.filter((f) => f.code === 'REGISTER_COLUMN_DUPLICATE');
    // the second Rate column is blank throughout: it hides nothing; the second Taxable Value is said once, where it is first filled
    expect(dup.map(brief)).toEqual([{ code: 'REGISTER_COLUMN_DUPLICATE', row: 3, column: 'Taxable Value', col: 8 }]);
    expect(dup[0]!.severity).toBe('error');
    expect(dup[0]!.value).toBe('777');
    expect(messageOf(dup[0]!)).toBe(
      'The header row (row 1) has two Taxable Value columns: "Taxable Value" (column F) was read; "Taxable Value" (column H) was not, but it is filled too (here "777")',
    );
    expect(hintOf(dup[0]!)).toBe(
      'Which of them holds the right figure cannot be told: keep the right figures in column F and delete column H, or give column H another header if it holds something else.',
    );
  });

  it('a register\'s header row below a title: the duplicate column names it, and is still reported at the filled cell', async () => {
    const file = csvFile([
      ['Sales Register 01-Sep-2025 to 30-Sep-2025'],
      [],
      ['Invoice Number', 'Invoice Date', 'Invoice Value', 'GSTIN of Recipient', 'Place of Supply', 'Taxable Value', 'Rate', 'Taxable Value'],
      ['PR/001', '02-09-2025', '11800', KA, '29-Karnataka', '10000', '18', '10000'],
    ]);
    const { findings } = await run([file]);
    const dup = findings.filter((f) => f.code === 'REGISTER_COLUMN_DUPLICATE');
    expect(dup.map((f) => [f.row, f.col, f.params?.headerRow])).toEqual([[4, 8, 3]]);
    expect(messageOf(dup[0]!)).toMatch(/^The header row \(row 3\) has two Taxable Value columns/);
  });

  it('a column no layout knows, holding data in some row: one warning for the column, none for a blank one', async () => {
    const file = csvFile([
      ['Invoice Number', 'Invoice Date', 'Invoice Value', 'GSTIN of Recipient', 'Place of Supply', 'Taxable Value', 'Rate', 'Freight', 'Remarks', 'HSN/SAX'],
      ['PR/001', '02-09-2025', '11800', KA, '29-Karnataka', '10000', '18', '', '', ''],
      ['PR/002', '03-09-2025', '12000', KA, '29-Karnataka', '10000', '18', '200', '', ''],
      ['PR/003', '04-09-2025', '12000', KA, '29-Karnataka', '10000', '18', '200', '', '8471'],
    ]);
    const { findings } = await run([file]);
    // the misspelt field name is said once, at the header, as before
    expect(findings.filter((f) => f.code.startsWith('REGISTER_COLUMN')).map(brief)).toEqual([
      { code: 'REGISTER_COLUMN_UNKNOWN', row: 1, column: 'HSN/SAX', col: 10 },
      { code: 'REGISTER_COLUMN_IGNORED', row: 1, column: 'Freight', col: 8 },
    ]);
    expect(findings.find((f) => f.code === 'REGISTER_COLUMN_IGNORED')!.severity).toBe('warning');
  });

  it('columns the layout knows it does not need are listed in the summary, not warned about', async () => {
    const file = csvFile([
      ['Date', 'Particulars', 'Voucher Type', 'Voucher No.', 'GSTIN/UIN', 'Place of Supply', 'HSN/SAC', 'Quantity', 'GST Rate', 'Taxable Value', 'Integrated Tax Amount', 'Central Tax Amount', 'State Tax Amount', 'Gross Total', 'Narration', 'Discount'],
      ['05-09-2025', 'Rao Systems', 'Sales', 'S/101', KA, 'Karnataka', '84713010', '2 Nos', '18', '100000', '18000', '', '', '118000', 'Being goods sold', ''],
    ]);
    const { findings, reg } = await run([file]);
    expect(findings).toEqual([]);
    expect(reg!.summary.sheets[0]!.unread).toEqual(['Narration']);
    expect(formatRegisterSummary(reg!.summary)).toContain('columns not read (known to this layout, not needed for the return): Narration');
  });

  it('a second column of a field already read is listed as that, naming the column read, not as "not needed"', async () => {
    // Tally knows "Voucher Date" as the document date too: "Date", to its left, is read
    const file = csvFile([
      ['Date', 'Particulars', 'Voucher Type', 'Voucher No.', 'GSTIN/UIN', 'Place of Supply', 'HSN/SAC', 'Quantity', 'GST Rate', 'Taxable Value', 'Integrated Tax Amount', 'Narration', 'Voucher Date'],
      ['02-09-2025', 'Rao Systems', 'Sales', 'S/101', KA, 'Karnataka', '84713010', '2 Nos', '18', '100000', '18000', 'Being goods sold', '05-09-2025'],
    ]);
    const { json, reg, findings } = await run([file]);
    expect(json.b2b[0].inv[0].idt).toBe('02-09-2025');
    // the two dates differ: said once, at the first such cell, with both values
    expect(findings.map((f) => [f.code, f.severity, f.row, f.column, f.value])).toEqual([['REGISTER_COLUMN_SECOND_DIFFERS', 'warning', 2, 'Voucher Date', '05-09-2025']]);
    expect(messageOf(findings[0]!)).toBe('"Voucher Date" says "05-09-2025" where "Date", read as the Document Date, says "02-09-2025"; the return uses "Date" (this is the first row where they differ)');
    expect(reg!.summary.sheets[0]).toMatchObject({ unread: ['Narration'], seconds: [{ header: 'Voucher Date', field: 'Document Date', read: 'Date' }] });
    const text = formatRegisterSummary(reg!.summary);
    expect(text).toContain('columns not read (known to this layout, not needed for the return): Narration\n');
    expect(text).toContain('columns not read (a second column of a field already read): Voucher Date (Document Date, read from "Date")');
    const out = join(root, `report-${++n}.json`);
    await validateFiles([file], { gstin: SUPPLIER, period: '092025', report: out });
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.register.sheets[0].seconds).toEqual([{ header: 'Voucher Date', field: 'Document Date', read: 'Date' }]);
  });

  it('a second column that agrees with the column read, as read, is not warned about; nor are two names of a party', async () => {
    const file = csvFile([
      ['Date', 'Particulars', 'Party Name', 'Voucher Type', 'Voucher No.', 'GSTIN/UIN', 'Place of Supply', 'State Name', 'HSN/SAC', 'Quantity', 'GST Rate', 'Taxable Value', 'Integrated Tax Amount', 'Voucher Date'],
      // the same day and State written otherwise; the party by its ledger name and its legal name
      ['02-09-2025', 'Rao Sys', 'Rao Systems Pvt Ltd', 'Sales', 'S/101', KA, '29-Karnataka', 'Karnataka', '84713010', '2 Nos', '18', '100000', '18000', '2025-09-02'],
      // a continuation line: the voucher's own columns blank, the other date column filled
      ['', '', '', '', '', '', '', '', '84713020', '1 Nos', '18', '5000', '900', '03-09-2025'],
    ]);
    const { findings, reg } = await run([file]);
    expect(findings.filter((f) => f.code.startsWith('REGISTER_COLUMN'))).toEqual([]);
    expect(reg!.summary.sheets[0]!.seconds.map((x) => x.header)).toEqual(['Party Name', 'State Name', 'Voucher Date']);
  });

  it('validate --report puts the same list in the JSON report\'s register summary', async () => {
    const file = csvFile([
      ['Date', 'Particulars', 'Voucher Type', 'Voucher No.', 'GSTIN/UIN', 'Place of Supply', 'HSN/SAC', 'Quantity', 'GST Rate', 'Taxable Value', 'Integrated Tax Amount', 'Central Tax Amount', 'State Tax Amount', 'Gross Total', 'Narration'],
      ['05-09-2025', 'Rao Systems', 'Sales', 'S/101', KA, 'Karnataka', '84713010', '2 Nos', '18', '100000', '18000', '', '', '118000', 'Being goods sold'],
    ]);
    const out = join(root, `report-${++n}.json`);
    await validateFiles([file], { gstin: SUPPLIER, period: '092025', report: out });
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.summary.register).toEqual({
      sheets: [{ file, sheet: expect.any(String), layout: expect.stringMatching(/Tally/), headerRow: 1, passes: 1, unread: ['Narration'], seconds: [] }],
    });
    // a return of the template alone has no register summary
    const template = csvFile([['GSTIN/UIN of Recipient', 'Receiver Name', 'Invoice Number', 'Invoice date', 'Invoice Value', 'Place Of Supply', 'Reverse Charge', 'Applicable % of Tax Rate', 'Invoice Type', 'E-Commerce GSTIN', 'Rate', 'Taxable Value', 'Cess Amount']], 'b2b.csv');
    await validateFiles([template], { gstin: SUPPLIER, period: '092025', report: out });
    expect(JSON.parse(readFileSync(out, 'utf8')).summary).not.toHaveProperty('register');
  });

  it('a row with data only in columns not read is skipped and told once, and the document around it goes on', async () => {
    const file = csvFile([
      ['Date', 'Particulars', 'Voucher Type', 'Voucher No.', 'GSTIN/UIN', 'Place of Supply', 'HSN/SAC', 'Quantity', 'GST Rate', 'Taxable Value', 'Integrated Tax Amount', 'Central Tax Amount', 'State Tax Amount', 'Gross Total', 'Narration'],
      ['05-09-2025', 'Rao Systems', 'Sales', 'S/101', KA, 'Karnataka', '84713010', '2 Nos', '18', '100000', '18000', '', '', '177000', 'Being goods sold'],
      ['', '', '', '', '', '', '', '', '', '', '', '', '', '', 'as per order 12'],
      ['', '', '', '', '', '', '83011000', '10 Pcs', '18', '50000', '9000', '', '', '', ''],
    ]);
    const { json, findings, reg, explained } = await run([file]);
    // not a CELL_REQUIRED for its taxable value and date: one warning naming the note
    expect(findings.map((f) => [f.code, f.severity, f.row, f.column, f.col, f.value])).toEqual([
      ['ROW_ONLY_UNREAD_COLUMNS', 'warning', 3, 'Narration', 15, 'as per order 12'],
    ]);
    expect(json.b2b[0].inv).toEqual([expect.objectContaining({ inum: 'S/101', val: 177000, itms: [{ num: 1, itm_det: { rt: 18, txval: 150000, iamt: 27000, csamt: 0 } }] })]);
    expect(explained.map((e) => [e.row, e.notes.map((n) => n.code)])).toEqual([[2, []], [4, ['continues']]]);
    expect(reg!.summary).toMatchObject({ rows: 2, rejected: 0, unreadRows: [{ file, sheet: expect.any(String), row: 3 }] });
    expect(formatRegisterSummary(reg!.summary)).toMatch(/Skipped 1 row of .* with data only in columns not read \(row 3\): not documents/);
  });

  it('the same in a register read twice (no invoice-value column): one warning, named by header or column letter', async () => {
    const file = csvFile([
      ['Invoice Number', 'Invoice Date', 'GSTIN of Recipient', 'Place of Supply', 'HSN/SAC', 'UQC', 'Quantity', 'Taxable Value', 'Rate', 'Remarks'],
      ['PR/001', '02-09-2025', MH, '27-Maharashtra', '8471', 'NOS', '1', '1000', '18', ''],
      ['', '', '', '', '', '', '', '', '', 'call back', '1180'],
      ['PR/002', '03-09-2025', MH, '27-Maharashtra', '8471', 'NOS', '1', '2000', '18', ''],
    ]);
    const { json, findings, reg } = await run([file]);
    expect(reg!.summary.sheets[0]!.passes).toBe(2);
    const stray = findings.filter((f) => f.code === 'ROW_ONLY_UNREAD_COLUMNS');
    expect(stray.map((f) => [f.row, f.column, f.col, f.params])).toEqual([
      [3, 'Remarks', 10, { col1: 10, header1: 'Remarks', text1: 'call back', col2: 11, text2: '1180', count: 2 }],
    ]);
    // the column is said once too, as any column not read that holds data
    expect(findings.filter((f) => f.code.startsWith('REGISTER_COLUMN')).map(brief)).toEqual([{ code: 'REGISTER_COLUMN_IGNORED', row: 1, column: 'Remarks', col: 10 }]);
    expect(findings.filter((f) => f.code === 'CELL_REQUIRED')).toEqual([]);
    expect(json.b2b[0].inv.map((i: any) => [i.inum, i.val])).toEqual([['PR/001', 1180], ['PR/002', 2360]]);
  });

  it('a figure only in a second column of one field is still the duplicate-column error, beside the row\'s warning', async () => {
    const file = csvFile([
      ['Invoice Number', 'Invoice Date', 'Invoice Value', 'GSTIN of Recipient', 'Place of Supply', 'Taxable Value', 'Rate', 'Taxable Value'],
      ['PR/001', '02-09-2025', '11800', KA, '29-Karnataka', '10000', '18', ''],
      ['', '', '', '', '', '', '', '500'],
    ]);
    const { findings } = await run([file]);
    // at the cell that holds it, as a template sheet's second column is (HEADER_DUPLICATE_COLUMN)
    expect(findings.filter((f) => f.code !== 'REGISTER_NO_HSN').map((f) => [f.code, f.severity, f.row, f.col])).toEqual([
      ['REGISTER_COLUMN_DUPLICATE', 'error', 3, 8],
      ['ROW_ONLY_UNREAD_COLUMNS', 'warning', 3, 8],
    ]);
  });
});

describe('register reader: a document\'s value without an invoice-value column', () => {
  it('is its items\' taxable value and tax, taxed on each rate\'s total as the items are', async () => {
    const head = ['Invoice Number', 'Invoice Date', 'GSTIN of Recipient', 'Place of Supply', 'HSN/SAC', 'UQC', 'Quantity', 'Taxable Value', 'Rate'];
    const line = ['PR/001', '02-09-2025', MH, '27-Maharashtra', '8471', 'NOS', '1', '10.10', '18'];
    // two rates, inter-State: each rate's total taxed once
    const inter = (rate: string, txval: string) => ['PR/002', '02-09-2025', KA, '29-Karnataka', '8471', 'NOS', '1', txval, rate];
    const file = csvFile([head, ...Array.from({ length: 100 }, () => line), inter('18', '1000'), inter('12', '0.04'), inter('12', '0.04')]);
    const { json, findings } = await run([file]);
    expect(findings).toEqual([]);
    const docs = json.b2b.flatMap((g: any) => g.inv);
    // taxed line by line, 100 x (10.10 + 0.91 + 0.91) = 1192.00; the items carry 1010 + 90.90 + 90.90
    expect(docs[0]).toMatchObject({ inum: 'PR/001', val: 1191.8, itms: [{ itm_det: { rt: 18, txval: 1010, camt: 90.9, samt: 90.9 } }] });
    // 0.08 at 12 % is 0.01 (line by line 0 + 0)
    expect(docs[1]).toMatchObject({ inum: 'PR/002', val: 1180.09 });
    for (const d of docs) {
      const items = d.itms.reduce((t: number, i: any) => t + Math.round((i.itm_det.txval + (i.itm_det.iamt ?? 0) + (i.itm_det.camt ?? 0) + (i.itm_det.samt ?? 0)) * 100), 0);
      expect(Math.round(d.val * 100)).toBe(items);
    }
  });
});

describe('register reader: row counts', () => {
  it('stats name the register sheet and the section each row went to', async () => {
    const file = csvFile([GSTR1_HEAD, ['Invoice', 'S/1', '03-09-2025', KA, '29', '83011000', 'NOS', '1', '18', '1000']], 'sales.csv');
    const { stats } = await run([file]);
    expect(stats.map((s) => [s.sheet, s.sheetId, s.read])).toEqual([
      ['sales › b2b,sez,de', 'b2b', 1],
      ['hsn(b2b) (derived)', 'hsnb2b', 1],
      ['docs (derived)', 'docs', 1],
    ]);
  });
});

describe('register reader: processReturn\'s row source', () => {
  it('processReturn takes rows from the register instead of the template reader', async () => {
    const file = csvFile([GSTR1_HEAD, ['Invoice', 'S/1', '03-09-2025', KA, '29', '83011000', 'NOS', '1', '18', '1000']]);
    const ctx = returnContext({ gstin: SUPPLIER, period: '092025' });
    const reg = await prepareRegister([file], ctx, {});
    const res = await processReturn([file], ctx, { rows: reg!.rows });
    expect(res.outputs.has('b2b')).toBe(true);
    // without it, the template reader takes the register for a broken hsn sheet
    const plain = await processReturn([file], ctx, {});
    expect(plain.outputs.size).toBe(0);
    expect(plain.findings.items.map((f) => f.code)).toEqual(['HEADER_MISSING_COLUMN']);
  });
});
