/**
 * Register layouts: presets matched by header signature, mapping files (checked, used, drafted
 * by `gstr1 mapping init`), and the options that choose them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { returnContext } from '../src/engine/options.js';
import { assemblePayload } from '../src/mappers/payload.js';
import { OptionError } from '../src/model/errors.js';
import { headerKey } from '../src/register/fields.js';
import { PRESETS } from '../src/register/layouts.js';
import { draftMapping, mappingLayout } from '../src/register/mapping.js';
import { bestLayout, headerCells } from '../src/register/match.js';
import { layoutMode, prepareRegister, registerLayouts } from '../src/register/index.js';
import { processWithRegister } from '../src/api/register-pass.js';
import { sheetSpec } from '../src/model/sheets.js';
import { registerCli } from './fixtures/register/cli.js';

const SUPPLIER = '27AAACR5055K1Z7';
const KA = '29AAACR5055K1Z3';
const ctx = returnContext({ gstin: SUPPLIER, period: '092025' });

const root = mkdtempSync(join(tmpdir(), 'gstr1-register-mapping-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function csvFile(name: string, rows: string[][]): string {
  const file = join(root, name);
  writeFileSync(file, Papa.unparse(rows));
  return file;
}

const layoutOf = (headers: string[]) => bestLayout(PRESETS, headers)?.layout.id;

describe('register layouts: presets by header signature', () => {
  it('tells TallyPrime, ERP and gstr1 registers apart, and takes no template sheet for a register', () => {
    expect(layoutOf(['Date', 'Particulars', 'Voucher Type', 'Voucher No.', 'GSTIN/UIN', 'Taxable Value', 'Integrated Tax Amount'])).toBe('tally');
    expect(layoutOf(['DocumentType', 'DocumentNumber', 'DocumentDate', 'CustomerGSTIN', 'HSNorSAC', 'TaxableValue', 'InvoiceValue'])).toBe('erp');
    expect(layoutOf(['Document Type', 'Document Number', 'Document Date', 'Recipient GSTIN/UIN', 'Taxable Value'])).toBe('gstr1');
    expect(layoutOf(sheetSpec('b2b').columns.map((c) => c.header))).toBeUndefined();
    expect(layoutOf(sheetSpec('hsnb2b').columns.map((c) => c.header))).toBeUndefined();
  });

  it('headers match without case, spacing or punctuation', () => {
    expect(headerKey('Voucher No.')).toBe(headerKey('VOUCHER  NO'));
    expect(layoutOf(['DATE', 'PARTICULARS', 'VOUCHER TYPE', 'VOUCHER NO', 'GSTIN / UIN', 'TAXABLE VALUE'])).toBe('tally');
  });

  it("Tally's Rate is the item price: the GST rate comes from GST Rate, or from the amounts", () => {
    const m = bestLayout(PRESETS, ['Date', 'Particulars', 'Voucher No.', 'Voucher Type', 'Rate', 'GST Rate', 'Taxable Value'])!;
    expect(m.columns.rate).toEqual({ header: 'GST Rate', col: 6 });
    const m2 = bestLayout(PRESETS, ['Date', 'Particulars', 'Voucher No.', 'Voucher Type', 'Rate', 'Taxable Value'])!;
    expect(m2.columns.rate).toBeUndefined();
    expect(m2.unknown).toEqual([]);
  });
});

describe('register layouts: mapping files', () => {
  it('are checked: fields must be register fields and the required ones mapped', () => {
    expect(() => mappingLayout({ columns: { docNum: 'No', docDate: 'Dt', txval: 'Amt', bogus: 'X' } }, 'm.json')).toThrow(OptionError);
    try {
      mappingLayout({ columns: { docNum: 'No' } }, 'm.json');
    } catch (e) {
      expect(e).toMatchObject({ code: 'REGISTER_MAPPING_INVALID', params: { file: 'm.json', detail: expect.stringMatching(/docDate \(Document Date\), txval \(Taxable Value\)/) } });
    }
    const l = mappingLayout({ layout: 'register', columns: { docNum: 'No', docDate: 'Dt', txval: ['Amt', 'Amount'], hsn: null } });
    expect(l.columns).toEqual({ docNum: ['No'], docDate: ['Dt'], txval: ['Amt', 'Amount'] });
  });

  it('read a register in any headers, translating its own values', async () => {
    const register = csvFile('own.csv', [
      ['Bill No', 'Bill Dt', 'Kind', 'Party GSTIN', 'State', 'HSN Cd', 'Unit', 'Qty', 'Tax %', 'Net Amt'],
      ['B/1', '03-09-2025', 'Bill', KA, 'Karnataka', '83011000', 'NOS', '4', '18', '2000'],
      ['B/2', '05-09-2025', 'Return', KA, 'Karnataka', '83011000', 'NOS', '1', '18', '500'],
    ]);
    const mapping = join(root, 'own.mapping.json');
    writeFileSync(mapping, JSON.stringify({
      layout: 'register',
      columns: { docNum: 'Bill No', docDate: 'Bill Dt', docType: 'Kind', ctin: 'Party GSTIN', pos: 'State', hsn: 'HSN Cd', uqc: 'Unit', qty: 'Qty', rate: 'Tax %', txval: 'Net Amt' },
      values: { docType: { Bill: 'invoice', Return: 'credit note' } },
    }));
    const { result, run } = await processWithRegister([register], ctx, { mapping });
    expect(result.findings.items).toEqual([]);
    expect(run!.summary.sheets[0]!.layout).toBe('mapping ' + mapping);
    const json = assemblePayload(result.outputs, { gstin: SUPPLIER, fp: '092025' }) as unknown as Record<string, any>;
    expect(json.b2b[0].inv[0]).toMatchObject({ inum: 'B/1', val: 2360, pos: '29' });
    expect(json.cdnr[0].nt[0]).toMatchObject({ nt_num: 'B/2', ntty: 'C', val: 590 });
  });

  it('a second column of a field is compared with the column read as the reader reads both, its own words translated', async () => {
    const register = csvFile('two-kinds.csv', [
      ['Bill No', 'Bill Dt', 'Kind', 'Party GSTIN', 'State', 'Tax %', 'Net Amt', 'Voucher Kind'],
      // "Debit" (the customer debited) is the mapping's word for an invoice, not a debit note: the same kind as "Invoice" beside it
      ['B/1', '03-09-2025', 'Debit', KA, 'Karnataka', '18', '2000', 'Invoice'],
      // "Return" is a credit note: not what "Invoice" says
      ['B/2', '05-09-2025', 'Return', KA, 'Karnataka', '18', '500', 'Invoice'],
    ]);
    const mapping = join(root, 'two-kinds.mapping.json');
    writeFileSync(mapping, JSON.stringify({
      layout: 'register',
      columns: { docNum: 'Bill No', docDate: 'Bill Dt', docType: ['Kind', 'Voucher Kind'], ctin: 'Party GSTIN', pos: 'State', rate: 'Tax %', txval: 'Net Amt' },
      values: { docType: { Debit: 'invoice', Return: 'credit note' } },
    }));
    const { result } = await processWithRegister([register], ctx, { mapping });
    const said = result.findings.items.filter((f) => f.code === 'REGISTER_COLUMN_SECOND_DIFFERS');
    expect(said.map((f) => [f.row, f.column, f.value, f.params])).toEqual([
      [3, 'Voucher Kind', 'Invoice', { field: 'Document Type', read: 'Kind', readValue: 'Return', other: 'Voucher Kind' }],
    ]);
  });

  it('columns it does not map that hold data are warned about, unless it lists them under "ignore"', async () => {
    const register = csvFile('ignore.csv', [
      ['Bill No', 'Bill Dt', 'Party GSTIN', 'State', 'Tax %', 'Net Amt', 'Salesman', 'Remarks'],
      ['B/1', '03-09-2025', KA, 'Karnataka', '18', '2000', 'Ravi', 'urgent'],
    ]);
    const columns = { docNum: 'Bill No', docDate: 'Bill Dt', ctin: 'Party GSTIN', pos: 'State', rate: 'Tax %', txval: 'Net Amt' };
    const ignored = async (ignore?: string[]) => {
      const mapping = join(root, `ignore-${ignore?.length ?? 0}.mapping.json`);
      writeFileSync(mapping, JSON.stringify({ layout: 'register', columns, ...(ignore ? { ignore } : {}) }));
      const { result } = await processWithRegister([register], ctx, { mapping });
      return result.findings.items.filter((f) => f.code === 'REGISTER_COLUMN_IGNORED').map((f) => f.column);
    };
    expect(await ignored()).toEqual(['Salesman', 'Remarks']);
    expect(await ignored(['Salesman'])).toEqual(['Remarks']);
    expect(() => mappingLayout({ columns: { docNum: 'No', docDate: 'Dt', txval: 'Amt' }, ignore: 'Narration' }, 'm.json')).toThrow(OptionError);
  });

  it('a mapped header missing from the sheet, or a misspelt preset header, is reported with the nearest candidates', async () => {
    const register = csvFile('misspelt.csv', [
      ['Voucher No.', 'Date', 'Particulars', 'Voucher Type', 'GSTIN/UIN', 'Place of Supply', 'HSN/SAC', 'Quantity', 'GST Rate', 'Taxable Value', 'Integratd Tax Amount'],
      ['V/1', '03-09-2025', 'Rao', 'Sales', KA, '29', '83011000', '1 Nos', '18', '1000', '180'],
    ]);
    const { result } = await processWithRegister([register], ctx, {});
    expect(result.findings.items.map((f) => [f.code, f.row, f.column, f.col, f.params?.candidates])).toEqual([
      ['REGISTER_COLUMN_UNKNOWN', 1, 'Integratd Tax Amount', 11, 'iamt ("Integrated Tax Amount")'],
    ]);
    const mapping = join(root, 'misspelt.mapping.json');
    writeFileSync(mapping, JSON.stringify({ columns: { docNum: 'Voucher No.', docDate: 'Date', txval: 'Taxable Value', ctin: 'GSTIN/UIN', pos: 'Place of Supply', rate: 'GST Rate', iamt: 'IGST Amount', hsn: 'HSN/SAC' } }));
    const m = await processWithRegister([register], ctx, { mapping });
    expect(m.result.findings.items.filter((f) => f.code === 'REGISTER_MAPPING_COLUMN_ABSENT').map((f) => [f.row, f.params?.field, f.params?.nearest])).toEqual([
      [1, 'iamt', '"Integratd Tax Amount"'],
    ]);
  });

  it('gstr1 mapping init drafts one from the headers, naming what it could not map', async () => {
    const register = csvFile('erp.csv', [
      ['Bill No', 'Bill Date', 'Party GSTIN', 'Place of Supply', 'HSN Code', 'UOM', 'Qty', 'GST Rate', 'Net Amt', 'Remarks'],
      ['B/1', '03-09-2025', KA, '29', '83011000', 'NOS', '4', '18', '2000', ''],
    ]);
    const out = join(root, 'erp.mapping.json');
    const r = await registerCli('mapping', 'init', register, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/docNum +← "Bill No"/);
    expect(r.stdout).toMatch(/txval \(Taxable Value\): nearest headers "Net Amt"/);
    expect(r.stdout).toContain(`Wrote ${out}`);
    const drafted = JSON.parse(readFileSync(out, 'utf8'));
    expect(drafted).toMatchObject({
      layout: 'register', sheet: 'erp', headerRow: 1,
      columns: { docNum: 'Bill No', docDate: 'Bill Date', ctin: 'Party GSTIN', pos: 'Place of Supply', hsn: 'HSN Code', uqc: 'UOM', qty: 'Qty', rate: 'GST Rate', txval: null },
    });
    // the user fills in the one it missed, and the register converts
    drafted.columns.txval = 'Net Amt';
    writeFileSync(out, JSON.stringify(drafted));
    const { result } = await processWithRegister([register], ctx, { mapping: out });
    expect(result.findings.items).toEqual([]);
    expect(result.outputs.has('b2b')).toBe(true);
  });

  it('draftMapping prefers exact names and gives each header one field', () => {
    const d = draftMapping(headerCells(['Voucher No.', 'Date', 'Taxable Value', 'Integrated Tax Amount', 'Invoice No']));
    expect(d.mapping.columns.docNum).toBe('Voucher No.');
    expect(d.mapping.columns.docDate).toBe('Date');
    expect(d.mapping.columns.iamt).toBe('Integrated Tax Amount');
    // "Voucher No." and "Invoice No" both name a document number: the one taken is a guess, the other a guess for another field
    expect(d.mapped.filter((m) => !m.exact)).toEqual([{ field: 'docNum', header: 'Voucher No.', exact: false }, { field: 'origNum', header: 'Invoice No', exact: false }]);
    expect(d.unusedHeaders).toEqual([]);
  });

  it('gstr1 mapping fields lists every field and the presets', async () => {
    const r = await registerCli('mapping', 'fields');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/docNum +Document Number +\(required\)/);
    expect(r.stdout).toMatch(/tally +TallyPrime/);
  });
});

describe('register options', () => {
  it('--layout, --preset and --mapping are checked before any file is read', async () => {
    expect(layoutMode(undefined)).toBe('auto');
    expect(layoutMode(undefined, true)).toBe('register');
    expect(() => layoutMode('sheet')).toThrow(expect.objectContaining({ code: 'OPTION_LAYOUT' }));
    await expect(registerLayouts({ preset: 'quickbooks' })).rejects.toMatchObject({ code: 'OPTION_PRESET' });
    await expect(registerLayouts({ preset: 'tally', mapping: 'x.json' })).rejects.toMatchObject({ code: 'OPTION_CONFLICT' });
    await expect(prepareRegister(['missing.csv'], ctx, { mapping: join(root, 'missing.json') })).rejects.toMatchObject({ code: 'REGISTER_MAPPING_INVALID' });
    expect((await registerLayouts({ preset: 'TALLY' })).map((l) => l.id)).toEqual(['tally']);
  });

  it('a bad option on the command line exits 2 with its message', async () => {
    const r = await registerCli('split', 'x.csv', '--gstin', SUPPLIER, '--period', '092025', '--layout', 'sheet');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/gstr1: OPTION_LAYOUT|--layout must be one of/);
  });

  it('issue 13: mapping init places the amendment and Table 15 columns by their usual names', () => {
    const d = draftMapping(headerCells([
      'Invoice No', 'Invoice Date', 'Taxable Value', 'Original Invoice Number', 'Original Invoice Date', 'Original Note Number',
      'Original Month', 'Supplier GSTIN', 'Supplier Name',
    ]));
    expect(d.mapping.columns).toMatchObject({
      origNum: 'Original Invoice Number', origDate: 'Original Invoice Date', origNoteNum: 'Original Note Number',
      origMonth: 'Original Month', stin: 'Supplier GSTIN', supplierName: 'Supplier Name',
    });
    expect(d.unusedHeaders).toEqual([]);
  });
});

describe('register presets: amendments and Table 15 columns (issue 13)', () => {
  it('the ERP preset reads OriginalDocumentDate and OriginalReturnPeriod as amendments', async () => {
    const register = csvFile('erp-amend.csv', [
      ['DocumentType', 'DocumentNumber', 'DocumentDate', 'CustomerGSTIN', 'POS', 'HSNorSAC', 'GSTRate', 'TaxableValue', 'InvoiceValue', 'OriginalDocumentNumber', 'OriginalDocumentDate', 'OriginalReturnPeriod'],
      ['INV', 'A/2', '05-09-2025', KA, '29', '8471', '18', '1000', '1180', 'A/1', '20-08-2025', ''],
      ['INV', 'A/3', '06-09-2025', '', '29', '8471', '18', '500', '590', '', '', '082025'],
    ]);
    const { result } = await processWithRegister([register], ctx, { preset: 'erp' });
    expect(result.findings.items).toEqual([]);
    const json = assemblePayload(result.outputs, { gstin: SUPPLIER, fp: '092025' }) as unknown as Record<string, any>;
    expect(json.b2ba[0].inv[0]).toMatchObject({ oinum: 'A/1', oidt: '20-08-2025', inum: 'A/2' });
    expect(json.b2csa[0]).toMatchObject({ omon: '082025', pos: '29' });
  });

  it("ERPNext's E-commerce Supply Type u/s 9(5) with the company's own GSTIN as operator is Table 15; another operator's is Table 14", async () => {
    const head = ['Invoice', 'Posting Date', 'Customer', 'Billing Address GSTIN', 'Place of Supply', 'HSN Code', 'Net Total', 'IGST Rate', 'IGST Amount', 'Grand Total', 'E-commerce GSTIN', 'E-commerce Supply Type'];
    const register = csvFile('erpnext-eco.csv', [
      head,
      ['SINV-1', '2025-09-05', 'Guest', '', '29-Karnataka', '996331', '1000', '5', '50', '1050', SUPPLIER, 'Liable to pay tax u/s 9(5)'],
      ['SINV-2', '2025-09-06', 'Guest', '', '29-Karnataka', '996331', '2000', '5', '100', '2100', '27AAACR5055K1CI', 'Liable to pay tax u/s 9(5)'],
    ]);
    const { result } = await processWithRegister([register], ctx, { preset: 'erpnext' });
    const json = assemblePayload(result.outputs, { gstin: SUPPLIER, fp: '092025' }) as unknown as Record<string, any>;
    expect(json.ecom.urp2c).toEqual([{ pos: '29', sply_ty: 'INTER', rt: 5, txval: 1000, iamt: 50, csamt: 0 }]);
    expect(json.supeco.paytx).toMatchObject([{ etin: '27AAACR5055K1CI', suppval: 2000 }]);
  });
});
