/**
 * The rule catalogue end to end: small CSV files in a temp dir, read by processReturn with the
 * default checkers. Each defect sits on its own row between clean rows; every defect must be
 * found on its row and column with its code, and no clean row may carry an error.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { returnContext } from '../src/engine/options.js';
import { processReturn } from '../src/api/process.js';
import type { Finding } from '../src/model/finding.js';
import { sheetSpec, type SheetId } from '../src/model/sheets.js';
import { defaultCheckers, type ValidateOptions } from '../src/validators/index.js';
import { filingDay } from '../src/validators/test-helpers.js';

const SUPPLIER = '27AAACR5055K1Z7';
const KA = '29AAACR5055K1Z3'; // a valid Karnataka GSTIN
const MH = '27AABCU9603R1ZN'; // a valid Maharashtra GSTIN
const UIN = '0717UNO12345UNL';
const TCS = '27AAACR5055K1CI';

const root = mkdtempSync(join(tmpdir(), 'gstr1-validate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;

type Cells = Record<string, string | number>;

/** A CSV in the template's column order: header on line 1, data from line 2. */
function csv(dir: string, name: string, sheet: SheetId, rows: Cells[]): string {
  const headers = sheetSpec(sheet).columns.map((c) => c.header);
  for (const r of rows) for (const k of Object.keys(r)) if (!headers.includes(k)) throw new Error(`${sheet} has no column ${k}`);
  const q = (v: string | number | undefined) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  const text = [headers.map(q).join(','), ...rows.map((r) => headers.map((h) => q(r[h])).join(','))].join('\n');
  const file = join(dir, name);
  writeFileSync(file, `${text}\n`);
  return file;
}

function newDir(): string {
  const d = join(root, String(++dirs));
  mkdirSync(d, { recursive: true });
  return d;
}

async function run(files: string[], period: string, opts: ValidateOptions & { sez?: boolean } = {}) {
  const ctx = returnContext({ gstin: SUPPLIER, period, sez: opts.sez ?? false });
  const result = await processReturn(files, ctx, { checkers: defaultCheckers(ctx, { today: filingDay(period), ...opts }) });
  return result.findings.items;
}

interface Expect {
  code: string;
  file: string;
  row: number;
  column?: string;
  severity?: 'error' | 'warning';
}

/** Every expected finding is there; no error sits on a row not named in `expected`. */
function check(findings: readonly Finding[], expected: readonly Expect[]) {
  for (const e of expected) {
    const hit = findings.find((f) => f.code === e.code && f.file === e.file && f.row === e.row && (e.column === undefined || f.column === e.column));
    expect(hit, `${e.code} at ${e.file}:${e.row} ${e.column ?? ''}\n${JSON.stringify(findings, null, 1)}`).toBeDefined();
    expect(hit!.severity).toBe(e.severity ?? 'error');
  }
  const defectRows = new Set(expected.map((e) => `${e.file}:${e.row}`));
  const stray = findings.filter((f) => f.severity === 'error' && f.row !== undefined && !defectRows.has(`${f.file}:${f.row}`));
  expect(stray, 'errors on clean rows').toEqual([]);
}

const B2B = (inum: string, more: Cells = {}): Cells => ({
  'GSTIN/UIN of Recipient': KA, 'Invoice Number': inum, 'Invoice date': '05-Mar-2025', 'Invoice Value': 11800,
  'Place Of Supply': '29-Karnataka', 'Reverse Charge': 'N', 'Invoice Type': 'Regular B2B', Rate: 18, 'Taxable Value': 10000, ...more,
});
const CDNR = (num: string, more: Cells = {}): Cells => ({
  'GSTIN/UIN of Recipient': KA, 'Note Number': num, 'Note Date': '10-Mar-2025', 'Note Type': 'C', 'Place Of Supply': '29-Karnataka',
  'Reverse Charge': 'N', 'Note Supply Type': 'Regular B2B', 'Note Value': 1180, Rate: 18, 'Taxable Value': 1000, ...more,
});
const B2BA = (oinum: string, oidt: string, idt = oidt): Cells => ({
  'GSTIN/UIN of Recipient': KA, 'Original Invoice Number': oinum, 'Original Invoice date': oidt, 'Revised Invoice date': idt,
  'Invoice Value': 11800, 'Place Of Supply': '29-Karnataka', 'Reverse Charge': 'N', 'Invoice Type': 'Regular B2B', Rate: 18, 'Taxable Value': 10000,
});
const B2CL = (inum: string, more: Cells = {}): Cells => ({
  'Invoice Number': inum, 'Invoice date': '05-Mar-2025', 'Invoice Value': 236000, 'Place Of Supply': '29-Karnataka', Rate: 18,
  'Taxable Value': 200000, ...more,
});
const EXP = (inum: string, more: Cells = {}): Cells => ({
  'Export Type': 'WPAY', 'Invoice Number': inum, 'Invoice date': '05-Mar-2025', 'Invoice Value': 105000, Rate: 5, 'Taxable Value': 100000, ...more,
});
const HSN = (hsn: string, more: Cells = {}): Cells => ({
  HSN: hsn, UQC: 'NOS-NUMBERS', 'Total Quantity': 2, Rate: 18, 'Taxable Value': 10000, 'Integrated Tax Amount': 1800, ...more,
});

describe('validate: identifiers', () => {
  it('recipient GSTIN, e-commerce GSTIN and POS 96 for a UIN', async () => {
    const d = newDir();
    const b2b = csv(d, 'b2b.csv', 'b2b', [
      B2B('INV/1'),
      B2B('INV/2', { 'GSTIN/UIN of Recipient': '29AAACR5055K1Z5' }),
      B2B('INV/3'),
      B2B('INV/4', { 'E-Commerce GSTIN': TCS }),
      B2B('INV/5', { 'GSTIN/UIN of Recipient': SUPPLIER, 'Place Of Supply': '27-Maharashtra' }),
      B2B('INV/6', { 'GSTIN/UIN of Recipient': MH, 'Place Of Supply': '27-Maharashtra' }),
    ]);
    const cdnr = csv(d, 'cdnr.csv', 'cdnr', [CDNR('CN/1'), CDNR('CN/2', { 'GSTIN/UIN of Recipient': UIN, 'Place Of Supply': '96-Foreign Country' }), CDNR('CN/3')]);
    check(await run([b2b, cdnr], '032025'), [
      { code: 'RET191113', file: b2b, row: 3, column: 'GSTIN/UIN of Recipient' },
      { code: 'RET191152', file: b2b, row: 5, column: 'E-Commerce GSTIN' },
      { code: 'RET191113', file: b2b, row: 6, column: 'GSTIN/UIN of Recipient' },
      { code: 'RET191112', file: cdnr, row: 3, column: 'Place Of Supply' },
    ]);
  });
});

describe('validate: place of supply and tax heads', () => {
  it('B2CL in the own state, an unknown state code, export notes with a POS, Type E, unequal halves', async () => {
    const d = newDir();
    const b2cl = csv(d, 'b2cl.csv', 'b2cl', [B2CL('B/1'), B2CL('B/2', { 'Place Of Supply': '27-Maharashtra' }), B2CL('B/3', { 'Place Of Supply': '28' }), B2CL('B/4')]);
    const cdnur = csv(d, 'cdnur.csv', 'cdnur', [
      { 'UR Type': 'EXPWP', 'Note Number': 'CN/1', 'Note Date': '10-May-2025', 'Note Type': 'C', 'Note Value': 1180, Rate: 18, 'Taxable Value': 1000 },
      { 'UR Type': 'EXPWOP', 'Note Number': 'CN/2', 'Note Date': '10-May-2025', 'Note Type': 'C', 'Place Of Supply': '29-Karnataka', 'Note Value': 1000, Rate: 0, 'Taxable Value': 1000 },
    ]);
    const b2cs = csv(d, 'b2cs.csv', 'b2cs', [
      { Type: 'OE', 'Place Of Supply': '27-Maharashtra', Rate: 18, 'Taxable Value': 5000 },
      { Type: 'E', 'Place Of Supply': '29-Karnataka', Rate: 18, 'Taxable Value': 5000 },
    ]);
    const hsn = csv(d, 'hsn-b2b.csv', 'hsnb2b', [
      HSN('8471', { 'Integrated Tax Amount': '', 'Central Tax Amount': 900, 'State/UT Tax Amount': 900 }),
      HSN('8473', { 'Integrated Tax Amount': '', 'Central Tax Amount': 900, 'State/UT Tax Amount': 890 }),
    ]);
    check(await run([b2cl, cdnur, b2cs, hsn], '052025'), [
      { code: 'RET191160', file: b2cl, row: 3, column: 'Place Of Supply' },
      { code: 'RET191112', file: b2cl, row: 4, column: 'Place Of Supply' },
      { code: 'POS_EXPORT_NOT_BLANK', file: cdnur, row: 3, column: 'Place Of Supply' },
      { code: 'B2CS_TYPE_E', file: b2cs, row: 3, column: 'Type' },
      { code: 'RET191150', file: hsn, row: 3, column: 'State/UT Tax Amount' },
    ]);
  });
});

describe('validate: document numbers', () => {
  it('format, zero, and duplicates across sections and files (any case)', async () => {
    const d = newDir();
    const d2 = newDir();
    const b2b = csv(d, 'b2b.csv', 'b2b', [
      B2B('INV/10'),
      B2B('INV/10', { Rate: 12, 'Taxable Value': 500, 'Invoice Value': 11800 }),
      B2B('INV 11'),
      B2B('000'),
      B2B('INV/12'),
    ]);
    const b2cl = csv(d, 'b2cl.csv', 'b2cl', [B2CL('B/1'), B2CL('inv/10')]);
    const again = csv(d2, 'b2b.csv', 'b2b', [B2B('INV/99'), B2B('inv/12')]);
    check(await run([b2b, b2cl, again], '032025'), [
      { code: 'DOCNUM_FORMAT', file: b2b, row: 4, column: 'Invoice Number' },
      { code: 'DOCNUM_ZERO', file: b2b, row: 5, column: 'Invoice Number' },
      { code: 'RET191190', file: b2cl, row: 3, column: 'Invoice Number' },
      { code: 'RET191190', file: again, row: 3, column: 'Invoice Number' },
    ]);
  });

  it('a number the portal would refuse is reported once, on its cell, not again by the JSON structure check', async () => {
    const d = newDir();
    const b2b = csv(d, 'b2b.csv', 'b2b', [B2B('INV/1'), B2B('INV 2')]);
    const findings = await run([b2b], '032025');
    expect(findings.filter((f) => f.code === 'RET191106')).toEqual([]);
    expect(findings.filter((f) => f.code === 'DOCNUM_FORMAT').map((f) => [f.row, f.column])).toEqual([[3, 'Invoice Number']]);
  });
});

describe('validate: dates', () => {
  it('after the period, before registration, shipping bill before invoice, 18 months, credit note time limit', async () => {
    const d = newDir();
    const b2b = csv(d, 'b2b.csv', 'b2b', [
      B2B('INV/1', { 'Invoice date': '05-Dec-2024' }),
      B2B('INV/2', { 'Invoice date': '02-Jan-2025' }),
      B2B('INV/3', { 'Invoice date': '15-Mar-2023' }),
      B2B('INV/4', { 'Invoice date': '15-Mar-2018' }),
    ]);
    const cdnr = csv(d, 'cdnr.csv', 'cdnr', [
      CDNR('CN/1', { 'Note Date': '10-Dec-2024' }),
      CDNR('CN/2', { 'Note Date': '10-May-2023' }),
      CDNR('CN/3', { 'Note Date': '10-May-2023', 'Note Type': 'D' }),
    ]);
    const exp = csv(d, 'exp.csv', 'exp', [
      EXP('EX/1', { 'Invoice date': '05-Dec-2024', 'Shipping Bill Number': '1234567', 'Shipping Bill Date': '08-Dec-2024' }),
      EXP('EX/2', { 'Invoice date': '05-Dec-2024', 'Shipping Bill Number': '1234568', 'Shipping Bill Date': '01-Dec-2024' }),
    ]);
    const findings = await run([b2b, cdnr, exp], '122024', { registrationDate: '2018-04-01', today: '2025-01-05' });
    check(findings, [
      { code: 'RET191114', file: b2b, row: 3, column: 'Invoice date' },
      { code: 'DATE_TOO_OLD_18M', file: b2b, row: 4, column: 'Invoice date', severity: 'warning' },
      { code: 'RET191114', file: b2b, row: 5, column: 'Invoice date' },
      { code: 'CDN_TIME_LIMIT', file: cdnr, row: 3, column: 'Note Date' },
      { code: 'DATE_TOO_OLD_18M', file: cdnr, row: 4, column: 'Note Date', severity: 'warning' },
      { code: 'RET191176', file: exp, row: 3, column: 'Shipping Bill Date' },
    ]);
    expect(findings.filter((f) => f.code === 'CDN_TIME_LIMIT').map((f) => f.row)).toEqual([3]);
  });
});

describe('validate: amendments', () => {
  it('an original document of this period, amendments past the time limit, a revised date in this period (issue 16)', async () => {
    const d = newDir();
    const b2ba = csv(d, 'b2ba.csv', 'b2ba', [
      { ...B2BA('A/1', '10-Nov-2024'), 'Revised Invoice Number': 'A/1R' },
      { ...B2BA('A/2', '02-Dec-2024'), 'Revised Invoice Number': 'A/2R' },
      { ...B2BA('A/3', '10-Nov-2023'), 'Revised Invoice Number': 'A/3R' },
      { ...B2BA('A/4', '10-Nov-2024', '05-Dec-2024'), 'Revised Invoice Number': 'A/4R' },
    ]);
    const cdnr = csv(d, 'cdnr.csv', 'cdnr', [CDNR('CN/1', { 'Note Date': '10-Dec-2024' }), CDNR('CN/2', { 'Note Date': '10-Jan-2025' })]);
    check(await run([b2ba, cdnr], '122024'), [
      { code: 'RET191198', file: b2ba, row: 3, column: 'Original Invoice date' },
      { code: 'AMEND_TIME_LIMIT', file: b2ba, row: 4, column: 'Original Invoice date' },
      { code: 'RET191120', file: b2ba, row: 5, column: 'Revised Invoice date' },
      { code: 'RET191126', file: cdnr, row: 3, column: 'Note Date' },
    ]);
  });
});

describe('validate: e-commerce operators and SEZ suppliers', () => {
  it('Table 14 operator GSTIN and signs; intra-State nil rows of an SEZ supplier', async () => {
    const d = newDir();
    const tcs = 'Liable to collect tax u/s 52(TCS)';
    const eco = csv(d, 'eco.csv', 'eco', [
      { 'Nature of Supply': tcs, 'GSTIN of E-Commerce Operator': TCS, 'E-Commerce Operator Name': 'Shop', 'Net value of supplies': 10000, 'Integrated tax': 1800 },
      { 'Nature of Supply': tcs, 'GSTIN of E-Commerce Operator': KA, 'E-Commerce Operator Name': 'Shop', 'Net value of supplies': 10000, 'Integrated tax': 1800 },
      { 'Nature of Supply': tcs, 'GSTIN of E-Commerce Operator': TCS, 'E-Commerce Operator Name': 'Shop', 'Net value of supplies': 10000, 'Integrated tax': -1800 },
    ]);
    const exemp = csv(d, 'exemp.csv', 'exemp', [
      { Description: 'Inter-State supplies to registered persons', 'Nil Rated Supplies': 5000 },
      { Description: 'Intra-State supplies to unregistered persons', 'Nil Rated Supplies': 5000 },
    ]);
    check(await run([eco, exemp], '032025', { sez: true }), [
      { code: 'RET191152', file: eco, row: 3, column: 'GSTIN of E-Commerce Operator' },
      { code: 'ECO_SIGN', file: eco, row: 4, column: 'Integrated tax' },
      { code: 'RET191189', file: exemp, row: 3, column: 'Nil Rated Supplies' },
    ]);
  });
});

describe('validate: amounts and rates', () => {
  it('rate, applicable %, B2CL value, WOPAY cess, note and advance signs', async () => {
    const d = newDir();
    const b2b = csv(d, 'b2b.csv', 'b2b', [B2B('INV/1'), B2B('INV/2', { Rate: 9 }), B2B('INV/3', { 'Applicable % of Tax Rate': 50 }), B2B('INV/4')]);
    const b2cl = csv(d, 'b2cl.csv', 'b2cl', [B2CL('B/1'), B2CL('B/2', { 'Invoice Value': 100000, 'Taxable Value': 84746 })]);
    const exp = csv(d, 'exp.csv', 'exp', [EXP('EX/1', { 'Export Type': 'WOPAY' }), EXP('EX/2', { 'Export Type': 'WOPAY', 'Cess Amount': 250 })]);
    const cdnr = csv(d, 'cdnr.csv', 'cdnr', [CDNR('CN/1'), CDNR('CN/2', { 'Taxable Value': -1000 })]);
    const at = csv(d, 'at.csv', 'at', [
      { 'Place Of Supply': '27-Maharashtra', Rate: 18, 'Gross Advance Received': 5000 },
      { 'Place Of Supply': '29-Karnataka', Rate: 18, 'Gross Advance Received': 0 },
    ]);
    const atadj = csv(d, 'atadj.csv', 'atadj', [
      { 'Place Of Supply': '27-Maharashtra', Rate: 18, 'Gross Advance Adjusted': 2000 },
      { 'Place Of Supply': '27-Maharashtra', Rate: 12, 'Gross Advance Adjusted': -2000 },
    ]);
    check(await run([b2b, b2cl, exp, cdnr, at, atadj], '032025'), [
      { code: 'RET191175', file: b2b, row: 3, column: 'Rate' },
      { code: 'DIFF_PERCENT', file: b2b, row: 4, column: 'Applicable % of Tax Rate' },
      { code: 'RET191180', file: b2cl, row: 3, column: 'Invoice Value' },
      { code: 'EXP_TYPE_TAX', file: exp, row: 3, column: 'Cess Amount' },
      { code: 'NOTE_SIGN', file: cdnr, row: 3, column: 'Taxable Value' },
      { code: 'ADVANCE_SIGN', file: at, row: 3, column: 'Gross Advance Received' },
      { code: 'ADVANCE_SIGN', file: atadj, row: 3, column: 'Gross Advance Adjusted' },
    ]);
  });
});

describe('validate: HSN summary', () => {
  it('length, master, UQC, quantity, tax tolerance and repeated rows', async () => {
    const d = newDir();
    const hsn = csv(d, 'hsn-b2b.csv', 'hsnb2b', [
      HSN('8471'),
      HSN('84'),
      HSN('84719999'),
      HSN('8473', { UQC: 'PIECE' }),
      HSN('998314', { UQC: 'NOS-NUMBERS', 'Total Quantity': 0 }),
      HSN('998313', { UQC: 'NA', 'Total Quantity': 3 }),
      HSN('8517', { 'Total Quantity': '1.125' }),
      HSN('8523', { 'Integrated Tax Amount': 1810.01 }),
      HSN('8471', { 'Total Quantity': 1 }),
      HSN('8528', { 'Integrated Tax Amount': 1810 }),
    ]);
    check(await run([hsn], '052025'), [
      { code: 'RET191350', file: hsn, row: 3, column: 'HSN' },
      { code: 'RET191349', file: hsn, row: 4, column: 'HSN' },
      { code: 'RET191353', file: hsn, row: 5, column: 'UQC' },
      { code: 'RET191353', file: hsn, row: 6, column: 'UQC' },
      { code: 'RET191355', file: hsn, row: 7, column: 'Total Quantity' },
      { code: 'RET191355', file: hsn, row: 8, column: 'Total Quantity' },
      { code: 'RET91708', file: hsn, row: 9, column: 'Integrated Tax Amount' },
      { code: 'RET191117', file: hsn, row: 10, column: 'HSN' },
    ]);
  });

  it('6 digits above Rs 5 crore turnover', async () => {
    const d = newDir();
    const hsn = csv(d, 'hsn-b2b.csv', 'hsnb2b', [HSN('847130'), HSN('8471')]);
    check(await run([hsn], '052025', { turnover: 60_000_000 }), [{ code: 'RET191350', file: hsn, row: 3, column: 'HSN' }]);
  });
});

describe('validate: Table 13, IFF and whole-return checks', () => {
  it('cancelled above total; docs and HSN totals that do not match the documents (warnings)', async () => {
    const d = newDir();
    const b2b = csv(d, 'b2b.csv', 'b2b', [B2B('INV/1'), B2B('INV/2'), B2B('INV/3')]);
    const hsn = csv(d, 'hsn-b2b.csv', 'hsnb2b', [HSN('8471', { 'Taxable Value': 20000, 'Integrated Tax Amount': 3600 })]);
    const docs = csv(d, 'docs.csv', 'docs', [
      { 'Nature of Document': 'Invoices for outward supply', 'Sr. No. From': 'INV/1', 'Sr. No. To': 'INV/3', 'Total Number': 3, Cancelled: 1 },
      { 'Nature of Document': 'Credit Note', 'Sr. No. From': 'CN/1', 'Sr. No. To': 'CN/2', 'Total Number': 2, Cancelled: 3 },
    ]);
    const findings = await run([b2b, hsn, docs], '052025');
    check(findings, [
      { code: 'DOCS_CANCELLED', file: docs, row: 3, column: 'Cancelled' },
      { code: 'DOCS_COUNT', file: docs, row: 2, severity: 'warning' },
    ]);
    const totals = findings.filter((f) => f.code === 'HSN_TOTALS');
    expect(totals.map((f) => [f.severity, f.file, f.params?.tab, f.params?.hsnTotal, f.params?.docTotal])).toEqual([
      ['warning', hsn, 'B2B', '20000.00', '30000.00'],
    ]);
  });

  it('an IFF month of a quarterly filer takes only b2b, b2ba, cdnr, cdnra', async () => {
    const d = newDir();
    const b2b = csv(d, 'b2b.csv', 'b2b', [B2B('INV/1', { 'Invoice date': '05-Apr-2025' })]);
    const b2cs = csv(d, 'b2cs.csv', 'b2cs', [
      { Type: 'OE', 'Place Of Supply': '27-Maharashtra', Rate: 18, 'Taxable Value': 5000 },
      { Type: 'OE', 'Place Of Supply': '29-Karnataka', Rate: 18, 'Taxable Value': 5000 },
    ]);
    const findings = await run([b2b, b2cs], '042025', { quarterly: true });
    check(findings, [{ code: 'IFF_SECTION', file: b2cs, row: 2 }]);
    expect(findings.filter((f) => f.code === 'IFF_SECTION')).toHaveLength(1);
    check(await run([b2b, b2cs], '042025'), []);
  });

  it('a clean return has no errors at all', async () => {
    const d = newDir();
    const b2b = csv(d, 'b2b.csv', 'b2b', [B2B('INV/1'), B2B('INV/1', { Rate: 12, 'Taxable Value': 0 }), B2B('INV/2', { 'Place Of Supply': '27-Maharashtra' })]);
    const findings = await run([b2b], '032025');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('validate: amount digit limits (issue 16 item 9)', () => {
  it('an amount over the schema\'s 11 digits is on its cell, not again as a JSON structure error', async () => {
    const d = newDir();
    const b2b = csv(d, 'b2b.csv', 'b2b', [
      B2B('INV/1'),
      B2B('INV/2', { 'Invoice Value': '177000000000', 'Taxable Value': '150000000000' }),
    ]);
    const findings = await run([b2b], '032025');
    check(findings, [{ code: 'AMOUNT_DIGITS', file: b2b, row: 3, column: 'Taxable Value' }]);
    expect(findings.filter((f) => f.code === 'RET191106')).toEqual([]);
  });
});
