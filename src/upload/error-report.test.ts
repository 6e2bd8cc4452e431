/** error report: portal errors back to rows, on the seed's status fixtures. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { matchPortalErrors, parseStatusResponse, portalErrors, unmatchedFinding } from './error-report.js';
import { parsePeriod } from '../model/period.js';
import { hintOf } from '../report/messages/index.js';

/** copies of the shared status fixtures (reconstructed from the seed's return-status document) */
const FIXTURES = fileURLToPath(new URL('../../test/contract/fixtures/status/', import.meta.url));
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

const csv = (dir: string, name: string, rows: string[][]) => {
  const p = join(dir, name);
  writeFileSync(p, rows.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'));
  return p;
};

/** The documents of sandbox-save-processed-with-error.json, as the user's spreadsheets hold them. */
async function sourceFiles(dir: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  const b2b = wb.addWorksheet('b2b,sez,de');
  b2b.getCell(1, 1).value = 'Summary For B2B, SEZ, DE (4A, 4B, 6B, 6C)';
  b2b.getRow(4).values = ['GSTIN/UIN of Recipient', 'Receiver Name', 'Invoice Number', 'Invoice date', 'Invoice Value', 'Place Of Supply', 'Reverse Charge', 'Applicable % of Tax Rate', 'Invoice Type', 'E-Commerce GSTIN', 'Rate', 'Taxable Value', 'Cess Amount'];
  b2b.getRow(5).values = ['05CGDPP1321G1ZV', 'Alpha', 'S008400', '24-Nov-2016', 729248.16, '06-Haryana', 'N', '', 'Regular B2B', '', 5, 10000, 500];
  b2b.getRow(6).values = ['05CGDPP1321G1ZV', 'Alpha', 'S008401', '24-Nov-2016', 1050, '06-Haryana', 'N', '', 'Regular B2B', '', 5, 1000, 0];
  const cdnr = wb.addWorksheet('cdnr');
  cdnr.getRow(4).values = ['GSTIN/UIN of Recipient', 'Receiver Name', 'Note Number', 'Note Date', 'Note Type', 'Place Of Supply', 'Reverse Charge', 'Note Supply Type', 'Note Value', 'Applicable % of Tax Rate', 'Rate', 'Taxable Value', 'Cess Amount'];
  cdnr.getRow(5).values = ['01AAAAP1208Q1ZS', 'Beta', '533515', '23-Sep-2016', 'C', '01-Jammu & Kashmir', 'N', 'Regular B2B', 123123, '', 10, 5225.28, 789.52];
  const book = join(dir, 'sales.xlsx');
  await wb.xlsx.writeFile(book);
  return [
    book,
    csv(dir, 'b2cl.csv', [
      ['Invoice Number', 'Invoice date', 'Invoice Value', 'Place Of Supply', 'Applicable % of Tax Rate', 'Rate', 'Taxable Value', 'Cess Amount', 'E-Commerce GSTIN'],
      ['92661', '10-Jan-2016', '784586.33', '05-Uttarakhand', '', '5', '10000', '500', ''],
    ]),
    csv(dir, 'b2cs.csv', [
      ['Type', 'Place Of Supply', 'Applicable % of Tax Rate', 'Rate', 'Taxable Value', 'Cess Amount', 'E-Commerce GSTIN'],
      ['E', '05-Uttarakhand', '', '5', '110', '10', '20ABCDE7588L1ZJ'],
      ['OE', '05-Uttarakhand', '', '18', '500', '0', ''],
    ]),
    csv(dir, 'cdnur.csv', [
      ['UR Type', 'Note Number', 'Note Date', 'Note Type', 'Place Of Supply', 'Note Value', 'Applicable % of Tax Rate', 'Rate', 'Taxable Value', 'Cess Amount'],
      ['B2CL', '533515', '23-Sep-2016', 'C', '05-Uttarakhand', '64646', '', '10', '5225.28', '789.52'],
    ]),
    csv(dir, 'exp.csv', [
      ['Export Type', 'Invoice Number', 'Invoice date', 'Invoice Value', 'Port Code', 'Shipping Bill Number', 'Shipping Bill Date', 'Rate', 'Taxable Value', 'Cess Amount'],
      ['WPAY', '81542', '12-Feb-2016', '995048.36', 'ASB991', '7896542', '04-Oct-2016', '5', '10000', '0'],
    ]),
    csv(dir, 'at.csv', [
      ['Place Of Supply', 'Applicable % of Tax Rate', 'Rate', 'Gross Advance Received', 'Cess Amount'],
      ['05-Uttarakhand', '', '5', '188000', '500'],
    ]),
    csv(dir, 'atadj.csv', [
      ['Place Of Supply', 'Applicable % of Tax Rate', 'Rate', 'Gross Advance Adjusted', 'Cess Amount'],
      ['05-Uttarakhand', '', '5', '188000', '500'],
      ['05-Uttarakhand', '', '12', '1000', '0'],
    ]),
    csv(dir, 'exemp.csv', [
      ['Description', 'Nil Rated Supplies', 'Exempted(other than nil rated/non GST supply)', 'Non-GST Supplies'],
      ['Inter-State supplies to registered persons', '1470.85', '123.45', '1258.5'],
      ['Inter-State supplies to unregistered persons', '1470.85', '123.45', '1258.5'],
      ['Intra-State supplies to registered persons', '10', '0', '0'],
    ]),
    csv(dir, 'hsn.csv', [
      ['HSN', 'Description', 'UQC', 'Total Quantity', 'Total Value', 'Rate', 'Taxable Value', 'Integrated Tax Amount', 'Central Tax Amount', 'State/UT Tax Amount', 'Cess Amount'],
      ['1009', 'Goods Description', 'KGS-KILOGRAMS', '2.05', '995048.36', '5', '10.23', '14.52', '0', '0', '500'],
    ]),
    csv(dir, 'docs.csv', [
      ['Nature of Document', 'Sr. No. From', 'Sr. No. To', 'Total Number', 'Cancelled'],
      ['Invoices for outward supply', '20', '29', '20', '3'],
    ]),
  ];
}

describe('error report: parsing', () => {
  it('flattens every section of a PE report with its document key (Sandbox envelope)', () => {
    const st = parseStatusResponse(fixture('sandbox-save-processed-with-error.json'));
    expect(st.statusCd).toBe('PE');
    expect(st.action).toBe('SAVE');
    const brief = st.errors.map((e) => [e.key.section, e.code, e.key.ctin ?? e.key.pos ?? e.key.expTyp ?? e.key.typ ?? e.key.splyTy ?? e.key.hsn ?? e.key.docNum, e.key.ntNum ?? e.key.inum ?? e.key.from ?? null]);
    expect(brief).toEqual([
      ['at', 'RET191114', '05', null],
      ['b2b', 'RET191114', '05CGDPP1321G1ZV', 'S008400'],
      ['b2cl', 'RET191114', '05', '92661'],
      ['b2cs', 'RET191114', '05', null],
      ['cdnr', 'RET191115', '01AAAAP1208Q1ZS', '533515'],
      ['cdnur', 'RET191115', 'B2CL', '533515'],
      ['doc_issue', 'RET191106', 1, '20'],
      ['exp', 'RET191114', 'WPAY', '81542'],
      ['hsn', 'RET191114', '1009', null],
      ['nil', 'RET191114', 'INTRB2B', null],
      ['nil', 'RET191114', 'INTRB2C', null],
      ['txpd', 'RET191114', '05', null],
    ]);
    // older shapes: cdnr note linked to an invoice, b2cs typ E with etin, hsn row with val
    expect(st.errors.find((e) => e.key.section === 'cdnr')!.key).toMatchObject({ inum: '915914', ntNum: '533515', rates: [10] });
    expect(st.errors.find((e) => e.key.section === 'b2cs')!.key).toMatchObject({ typ: 'E', etin: '20ABCDE7588L1ZJ', rt: 5 });
    expect(st.errors.find((e) => e.key.section === 'hsn')!.key).toMatchObject({ part: 'data', hsn: '1009', uqc: 'kg' });
    expect(st.errors.find((e) => e.key.section === 'at')!.key.rates).toEqual([5]);
  });

  it('takes row-level codes inside HSN wrappers, the ER shape, WhiteBooks and bare payloads', () => {
    const hsn = parseStatusResponse(fixture('sandbox-hsn-tax-tolerance.json')).errors;
    expect(hsn.map((e) => [e.code, e.key.hsn, e.key.rt])).toEqual([['RET91708', '997331', 18], ['RET91708', '998232', 18]]);

    const er = parseStatusResponse(fixture('sandbox-save-error.json'));
    expect(er).toMatchObject({ statusCd: 'ER', errors: [{ key: { section: '' }, code: 'RET191106', message: 'Error in JSON structure' }] });

    const wb = { status_cd: '1', data: { status_cd: 'PE', form_typ: 'R1', error_report: { b2b: [{ ctin: 'X', error_cd: 'RET191113', error_msg: 'bad', inv: [{ inum: 'A' }, { inum: 'B' }] }] } } };
    expect(parseStatusResponse(wb).errors.map((e) => e.key.inum)).toEqual(['A', 'B']);
    expect(parseStatusResponse(wb.data).statusCd).toBe('PE');
    expect(portalErrors(wb.data.error_report)).toHaveLength(2);
    expect(parseStatusResponse(fixture('sandbox-reset-processed.json'))).toEqual({ statusCd: 'P', action: 'RESET', errors: [] });
    // current hsn split and doc_issue as {doc_det}
    const split = portalErrors({ hsn: [{ hsn_b2c: [{ hsn_sc: '9983', uqc: 'NA', rt: 18 }], error_cd: 'RET191350', error_msg: 'len' }], doc_issue: { doc_det: [{ doc_num: 5, docs: [{ num: 1, from: 'C1', to: 'C9' }], error_cd: 'X1', error_msg: 'm' }] } });
    expect(split.map((e) => [e.key.part ?? e.key.docNum, e.code])).toEqual([['hsn_b2c', 'RET191350'], [5, 'X1']]);
  });
});

describe('error report: back to rows', () => {
  it('writes the seed fixture back onto a workbook and CSVs: one finding per row, unmatched kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gstr1-errrep-'));
    const files = await sourceFiles(dir);
    const errors = parseStatusResponse(fixture('sandbox-save-processed-with-error.json')).errors;
    const extra = { key: { section: 'b2b', ctin: '27AAAAA1111A1Z1', inum: 'NOT-IN-FILES' }, code: 'RET191111', message: 'Invoice No. already exists' };
    const findings = await matchPortalErrors(files, {}, [...errors, extra]);

    const byRow = findings.filter((f) => !f.unmatched).map((f) => `${f.sheet}:${f.row}:${f.code}:${f.column ?? '-'}`);
    expect(byRow).toEqual([
      'at:2:RET191114:Place Of Supply', // "Invalid POS" → the POS cell
      'b2b,sez,de:5:RET191114:Invoice date', // only S008400, not S008401
      'b2cl:2:RET191114:Invoice date',
      'b2cs:2:RET191114:Place Of Supply', // rate 5 with the e-commerce GSTIN, not the 18 % row
      'cdnr:5:RET191115:Note Date',
      'cdnur:2:RET191115:Note Date',
      'docs:2:RET191106:-',
      'exp:2:RET191114:Invoice date',
      'hsn:2:RET191114:HSN', // uqc "kg" ≠ KGS: matched on HSN after relaxing UQC
      'exemp:2:RET191114:Description',
      'exemp:3:RET191114:Description',
      'atadj:2:RET191114:Place Of Supply', // the 5 % row only
    ]);
    const b2b = findings.find((f) => f.sheet === 'b2b,sez,de')!;
    expect(b2b).toMatchObject({
      severity: 'error', file: files[0], col: 4, value: '24-Nov-2016',
      portalMessage: expect.stringContaining('Date of invoice cannot exceed'),
    });
    const unmatched = findings.filter((f) => f.unmatched);
    expect(unmatched).toEqual([
      { code: 'RET191111', severity: 'error', unmatched: true, portalMessage: 'Invoice No. already exists', params: { section: 'b2b', document: 'b2b 27AAAAA1111A1Z1 NOT-IN-FILES' } },
    ]);
  });

  it('a whole-request error (ER) becomes one unmatched finding without reading the files', async () => {
    const errors = parseStatusResponse(fixture('sandbox-save-error.json')).errors;
    const findings = await matchPortalErrors(['/does/not/exist.xlsx'], {}, errors);
    expect(findings).toEqual([{ code: 'RET191106', severity: 'error', unmatched: true, portalMessage: 'Error in JSON structure', params: { section: '', document: 'return' } }]);
  });

  it('HSN tolerance errors point at the tax column of their rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gstr1-errrep-'));
    const hsn = csv(dir, 'hsn.csv', [
      ['HSN', 'Description', 'UQC', 'Total Quantity', 'Total Value', 'Rate', 'Taxable Value', 'Integrated Tax Amount', 'Central Tax Amount', 'State/UT Tax Amount', 'Cess Amount'],
      ['997331', 'Services', 'NA', '0', '', '18', '536762', '0', '48287.66', '48287.66', '0'],
      ['998232', 'Services', 'NA', '0', '', '18', '33840209.41', '5676040.91', '207620.5', '207620.5', '0'],
      ['998232', 'Services', 'NA', '0', '', '5', '100', '5', '0', '0', '0'],
    ]);
    const errors = parseStatusResponse(fixture('sandbox-hsn-tax-tolerance.json')).errors;
    const findings = await matchPortalErrors([hsn], {}, errors);
    expect(findings.map((f) => `${f.row}:${f.column}`)).toEqual(['2:Central Tax Amount', '3:Integrated Tax Amount']);
  });
});

describe('error report: what a portal finding can be told from the return', () => {
  it("a refused rate (RET191175) is told the period's rate list when the period is known", () => {
    const e = { key: { section: 'b2cs' }, code: 'RET191175', message: 'Enter GST rate as per the rate list' };
    expect(hintOf(unmatchedFinding(e, { period: parsePeriod('102025')! }))).toBe('Enter the full rate (IGST-equivalent, e.g. 18 rather than 9 + 9), one of: 0, 0.1, 0.25, 1, 1.5, 3, 5, 6, 7.5, 12, 18, 28, 40.');
    expect(hintOf(unmatchedFinding(e, { period: parsePeriod('032025')! }))).toMatch(/one of: 0, .*, 28\.$/);
    expect(hintOf(unmatchedFinding(e))).toBe('Enter the full rate (IGST-equivalent, e.g. 18 rather than 9 + 9) from the GST rate list of the return period.');
  });
});
