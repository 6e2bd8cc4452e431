/**
 * Broken and hostile input: each gets a clear message and exit code 2, never a stack trace
 * or a hang (issue #2).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';
import { templateWorkbook, tempDir, writeText, zipFile } from './helpers/files.js';

const ID = ['--gstin', '27AAACR5055K1Z7', '--period', '032025'];
const B2B_HEADERS = [
  'GSTIN/UIN of Recipient', 'Receiver Name', 'Invoice Number', 'Invoice date', 'Invoice Value', 'Place Of Supply',
  'Reverse Charge', 'Applicable % of Tax Rate', 'Invoice Type', 'E-Commerce GSTIN', 'Rate', 'Taxable Value', 'Cess Amount',
];
const B2B_ROW = ['29AAACR5055K1Z3', 'Acme', 'INV/1', '05-Mar-2025', 1180, '29-Karnataka', 'N', '', 'Regular B2B', '', 18, 1000, ''];

function expectClean(r: { stdout: string; stderr: string }) {
  const all = r.stdout + r.stderr;
  expect(all).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack frames
  expect(all).not.toMatch(/internal error/);
}

describe('hostile input: files', () => {
  const dir = tempDir();

  it('an empty file', async () => {
    const r = await cli('convert', writeText(dir, 'empty.xlsx', ''), ...ID);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is empty/);
    expectClean(r);
  });

  it('a text file renamed .xlsx', async () => {
    const r = await cli('convert', writeText(dir, 'notes.xlsx', 'GSTIN,Invoice\nabc,1\n'), ...ID);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not an Excel workbook/);
    expect(r.stderr).toMatch(/rename it to \.csv/);
    expectClean(r);
  });

  it('a truncated .xlsx', async () => {
    const good = await templateWorkbook(dir, 'good.xlsx', { 'b2b,sez,de': { headers: B2B_HEADERS, rows: [B2B_ROW] } });
    const bytes = readFileSync(good);
    const r = await cli('convert', writeText(dir, 'cut.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2))), ...ID);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/damaged or incomplete/);
    expectClean(r);
  });

  it('an old .xls workbook', async () => {
    const cfb = Buffer.alloc(1024);
    Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(cfb);
    Buffer.from('Workbook', 'utf16le').copy(cfb, 512);
    const r = await cli('convert', writeText(dir, 'old.xls', cfb), ...ID);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Excel 97-2003 \(\.xls\)/);
    expect(r.stderr).toMatch(/Save As > Excel Workbook \(\.xlsx\)/);
    expectClean(r);
  });

  it('a password-protected workbook (an OLE file holding EncryptedPackage)', async () => {
    const cfb = Buffer.alloc(2048);
    Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(cfb);
    Buffer.from('EncryptionInfo', 'utf16le').copy(cfb, 600);
    Buffer.from('EncryptedPackage', 'utf16le').copy(cfb, 800);
    const r = await cli('convert', writeText(dir, 'locked.xlsx', cfb), ...ID);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/protected with a password/);
    expectClean(r);
  });

  it('a zip bomb: an entry declaring gigabytes', async () => {
    const bomb = zipFile([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1000), declaredSize: 3_000_000_000 },
    ]);
    const r = await cli('convert', writeText(dir, 'bomb.xlsx', bomb), ...ID);
    expect(r.code).toBe(2);
    // the real size and the real limit, not a made-up one
    expect(r.stderr).toMatch(/bomb\.xlsx holds a part \(xl\/worksheets\/sheet1\.xml\) that unpacks from 1 KB to 2,861 MB/);
    expectClean(r);
  });

  it('a zip bomb: an entry compressed 1000:1', async () => {
    const bomb = zipFile([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(40 * 1024 * 1024) },
    ]);
    const r = await cli('convert', writeText(dir, 'ratio.xlsx', bomb), ...ID);
    expect(r.stderr).not.toMatch(/expands to more than/);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holds a part \(xl\/worksheets\/sheet1\.xml\) that unpacks from \d+ KB to 40 MB, more than 200 times its size/);
  });

  it('a missing file', async () => {
    const r = await cli('convert', `${dir}/nope.xlsx`, ...ID);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/File not found/);
  });
});

describe('hostile input: sheets and headers', () => {
  const dir = tempDir();

  it('a workbook with no known sheet', async () => {
    const f = await templateWorkbook(dir, 'other.xlsx', { Sheet1: { headers: ['Name', 'Amount'], rows: [['a', 1]] } });
    const r = await cli('convert', f, ...ID);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no sheet this tool recognises/);
    expect(r.stderr).toMatch(/b2b,sez,de/);
    expectClean(r);
  });

  it('a sheet whose header row is missing', async () => {
    const f = await templateWorkbook(dir, 'nohead.xlsx', { 'b2b,sez,de': { headers: ['x', 'y'], rows: [B2B_ROW] } });
    const r = await cli('convert', f, ...ID);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/HEADER_NOT_FOUND/);
    expect(r.stdout).toMatch(/has no header row/);
  });

  it('a misspelled mandatory column names the column and the nearest header', async () => {
    const headers = B2B_HEADERS.map((h) => (h === 'Invoice Number' ? 'Invoce Number' : h));
    const f = await templateWorkbook(dir, 'typo.xlsx', { 'b2b,sez,de': { headers, rows: [B2B_ROW] } });
    const r = await cli('convert', f, ...ID);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/Column "Invoice Number" is missing; found "Invoce Number"/);
    expect(r.stdout).toMatch(/typo\.xlsx › b2b,sez,de › row 4 › Invoce Number/);
  });

  it('a misspelled optional column is a warning naming the nearest header', async () => {
    const headers = B2B_HEADERS.map((h) => (h === 'Cess Amount' ? 'Cess Amout' : h));
    const f = await templateWorkbook(dir, 'typo2.xlsx', { 'b2b,sez,de': { headers, rows: [B2B_ROW] } });
    const r = await cli('convert', f, ...ID, '--out', `${dir}/typo2.json`);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/did you mean "Cess Amount"/);
  });
});

describe('hostile input: CSV encodings and separators', () => {
  const dir = tempDir();
  const header = B2B_HEADERS.join(',');
  const line = '29AAACR5055K1Z3,Café Mörk,INV/1,05-Mar-2025,1180,29-Karnataka,N,,Regular B2B,,18,1000,';

  it.each([
    ['a UTF-8 BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${header}\r\n${line}\r\n`)])],
    ['semicolon separators', Buffer.from(`${header.replace(/,/g, ';')}\n${line.replace(/,/g, ';')}\n`)],
    ['Windows-1252 text', Buffer.from(`${header}\n${line}\n`, 'latin1')],
    ['UTF-16LE without a BOM', Buffer.from(`${header}\r\n${line}\r\n`, 'utf16le')],
    ['UTF-16BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(`${header}\n${line}\n`, 'utf16le').swap16()])],
    ['UTF-16BE without a BOM', Buffer.from(`${header}\n${line}\n`, 'utf16le').swap16()],
    ['lines ending in CRLF, LF and CR mixed', Buffer.from(`${header}\r\n\r${line}\n`)],
  ])('%s', async (_label, bytes) => {
    const f = writeText(dir, `b2b-${Math.random().toString(36).slice(2)}.csv`, bytes);
    const out = `${f}.json`;
    const r = await cli('convert', f, ...ID, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.b2b[0].ctin).toBe('29AAACR5055K1Z3');
    expect(json.b2b[0].inv[0].itms[0].itm_det).toEqual({ rt: 18, txval: 1000, iamt: 180, csamt: 0 });
  });
});

describe('hostile input: formulas saved without their values', () => {
  const dir = tempDir();

  it('a formula never calculated (a file written by a script) is a finding on its cell, never a blank', async () => {
    // exceljs writes <f> without <v> when no result is given, as scripts do
    const row = B2B_ROW.map((v, i) => (B2B_HEADERS[i] === 'Taxable Value' ? { formula: 'E5/1.18' } : v));
    const f = await templateWorkbook(dir, 'script.xlsx', { 'b2b,sez,de': { headers: B2B_HEADERS, rows: [row] } });
    const r = await cli('validate', f, ...ID);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/CELL_FORMULA_NO_VALUE/);
    expect(r.stdout).toMatch(/script\.xlsx › b2b,sez,de › row 5 › Taxable Value/);
    expect(r.stdout).toMatch(/formula that was never calculated/);
    expect(r.stdout).toMatch(/Open the file in Excel or LibreOffice and save it/);
    expectClean(r);
  });

  it('a row of formulas only is read as a row, not skipped as blank', async () => {
    const row = B2B_ROW.map((_v, i) => ({ formula: `Z${i + 1}` }));
    const f = await templateWorkbook(dir, 'all-formulas.xlsx', { 'b2b,sez,de': { headers: B2B_HEADERS, rows: [row] } });
    const r = await cli('validate', f, ...ID);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/row 5 › GSTIN\/UIN of Recipient/);
    expect(r.stdout).toMatch(/CELL_FORMULA_NO_VALUE/);
  });
});

/** A workbook of one sheet named b2b,sez,de, its XML given (and shared strings, when any). */
function handWorkbook(sheetXml: string, sharedStrings?: string): Buffer {
  const wb = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="b2b,sez,de" sheetId="1" r:id="rId1"/></sheets></workbook>';
  const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
  return zipFile([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'xl/workbook.xml', data: Buffer.from(wb) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(rels) },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<worksheet><sheetData>${sheetXml}</sheetData></worksheet>`) },
    ...(sharedStrings ? [{ name: 'xl/sharedStrings.xml', data: Buffer.from(sharedStrings) }] : []),
  ]);
}

/** Row 4 the b2b headers, row 5 the given cells (inline text unless given as raw XML). */
function b2bSheet(row5: string[]): string {
  const cell = (ref: string, v: string) => (v.startsWith('<c') ? v.replace('<c', `<c r="${ref}"`) : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`);
  const col = (i: number) => String.fromCharCode(65 + i);
  return `<row r="4">${B2B_HEADERS.map((h, i) => cell(`${col(i)}4`, h)).join('')}</row><row r="5">${row5.map((v, i) => cell(`${col(i)}5`, v)).join('')}</row>`;
}

describe('hostile input: no internal error text reaches the user', () => {
  const dir = tempDir();

  it('a shared-text index of "0.5" is a clear exit-2 message', async () => {
    const f = writeText(dir, 'sst.xlsx', handWorkbook('<row r="4"><c r="A4" t="s"><v>0.5</v></c></row>', '<sst><si><t>a</t></si></sst>'));
    const r = await cli('convert', f, ...ID);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refers to shared text number "0\.5", which the workbook does not have/);
    expect(r.stderr).not.toMatch(/Cannot read properties/);
    expectClean(r);
  });

  it('an element name of 300,000 characters (colons included) is read or refused, never a stack overflow', async () => {
    const name = Array.from({ length: 150_000 }, () => 'a').join(':');
    const f = writeText(dir, 'deep.xlsx', handWorkbook(`${b2bSheet(B2B_ROW.map(String))}<${name}/>`));
    const r = await cli('convert', f, ...ID, '--out', `${dir}/deep.json`);
    expect(r.stderr).not.toMatch(/Maximum call stack/);
    expect([0, 1, 2]).toContain(r.code);
    expectClean(r);
  });

  it('"0x10" and "1e-320" in an xlsx number cell are what they are in a CSV: not amounts', async () => {
    const row = B2B_ROW.map(String);
    const taxable = B2B_HEADERS.indexOf('Taxable Value');
    const cess = B2B_HEADERS.indexOf('Cess Amount');
    row[taxable] = '<c><v>0x10</v></c>';
    row[cess] = '<c><v>1e-320</v></c>';
    const x = await cli('validate', writeText(dir, 'num.xlsx', handWorkbook(b2bSheet(row))), ...ID);
    const csvRow = B2B_ROW.map(String);
    csvRow[taxable] = '0x10';
    csvRow[cess] = '1e-320';
    const c = await cli('validate', writeText(dir, 'b2b.csv', `${B2B_HEADERS.join(',')}\n${csvRow.join(',')}\n`), ...ID);
    const codes = (out: string) => [...out.matchAll(/^error (\S+) .*› (Taxable Value|Cess Amount)$/gm)].map((m) => `${m[1]} ${m[2]}`).sort();
    expect(codes(x.stdout)).toEqual(['CELL_INVALID_NUMBER Cess Amount', 'CELL_INVALID_NUMBER Taxable Value']);
    expect(codes(c.stdout)).toEqual(codes(x.stdout));
    expect(x.code).toBe(c.code);
  });
});
