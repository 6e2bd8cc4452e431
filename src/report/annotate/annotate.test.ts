import { createHash } from 'node:crypto';
import { linkSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argb, noteOf } from '../../../test/helpers/annotated.js';
import type { Finding } from '../../model/finding.js';
import { zipFile } from '../../../test/helpers/files.js';
import { annotateFiles } from './index.js';

// ------------------------------------------------------------------------------------ helpers

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'gstr1-annotate-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

/** One entry of a zip, by name (exceljs drops `location` hyperlinks on reading, so we look at the XML). */
function zipEntry(file: string, name: string): string | undefined {
  const buf = readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const entryName = buf.toString('utf8', p + 46, p + 46 + nameLen).replace(/^\//, '');
    if (entryName === name) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return undefined;
}

/** The sheet XML of a workbook sheet, found through workbook.xml and its rels. */
function sheetXml(file: string, sheet: string): string {
  const wb = zipEntry(file, 'xl/workbook.xml')!;
  const rels = zipEntry(file, 'xl/_rels/workbook.xml.rels')!;
  const esc = sheet.replace(/&/g, '&amp;').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rid = new RegExp(`<sheet [^>]*name="${esc}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
  return zipEntry(file, `xl/${target.replace(/^\/?xl\//, '')}`)!;
}

function hyperlinks(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<hyperlink ref="([A-Z]+\d+)" location="([^"]*)"/g)) {
    out.set(m[1]!, m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"'));
  }
  return out;
}

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}


const HEADERS = [
  'GSTIN/UIN of Recipient', 'Receiver Name', 'Invoice Number', 'Invoice date', 'Invoice Value',
  'Place Of Supply', 'Reverse Charge', 'Applicable % of Tax Rate', 'Invoice Type', 'E-Commerce GSTIN',
  'Rate', 'Taxable Value', 'Cess Amount',
];
const SHEET = 'b2b,sez,de';

/** The template layout: summary block rows 1-3, headers row 4, data from row 5. */
async function templateWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', xSplit: 0, ySplit: 4 }] });
  ws.getCell('A1').value = 'Summary For B2B, SEZ, DE (4A, 4B, 6B, 6C)';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.mergeCells('A1:C1');
  ws.getCell('A2').value = 'No. of Recipients';
  ws.getCell('E2').value = 'Total Invoice Value';
  ws.getCell('A3').value = 2;
  ws.getCell('E3').value = { formula: 'SUM(E5:E8)', result: 4300.5 };
  ws.getCell('E3').numFmt = '#,##0.00';
  ws.getRow(4).values = HEADERS;
  ws.getRow(4).eachCell((c) => {
    c.style = { font: { bold: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0070C0' } } };
  });
  ws.getRow(4).height = 30;
  ws.getColumn(1).width = 22;
  ws.getColumn(2).width = 30;
  ws.getColumn(4).width = 14;
  ws.getColumn(13).width = 11.5;
  const data: unknown[][] = [
    ['27AAPFU0939F1ZV', 'Shree Traders', 'INV/24-25/000001', new Date(Date.UTC(2024, 2, 5)), 1180, '27-Maharashtra', 'N', null, 'Regular B2B', null, 18, 1000, 0],
    ['29AABCU9603R1ZM', { richText: [{ text: 'Sai ', font: { bold: true } }, { text: 'Steel' }] }, 'INV/24-25/000002', new Date(Date.UTC(2024, 2, 31)), 1050.5, '29-Karnataka', 'N', null, 'Regular B2B', null, 5, 1000.48, 0],
    ['07AAACR5055K1Z5', 'Om Foods', 'INV/24-25/000003', new Date(Date.UTC(2024, 2, 12)), 1120, '07-Delhi', 'Y', 65, 'Regular B2B', null, 12, 1000, 0],
    ['33AAACT2727Q1ZW', 'Apex Pharma', 'INV/24-25/000004', new Date(Date.UTC(2024, 2, 20)), 950, '33-Tamil Nadu', 'N', null, 'SEZ supplies with payment', null, 0, 950, true],
  ];
  data.forEach((r, i) => {
    const row = ws.getRow(5 + i);
    r.forEach((v, j) => {
      if (v === null) return;
      const cell = row.getCell(j + 1);
      cell.value = v as ExcelJS.CellValue;
      if (v instanceof Date) cell.numFmt = 'dd-mmm-yyyy';
      if (j === 4 || j === 11) cell.numFmt = '#,##0.00';
    });
  });
  const hsn = wb.addWorksheet('hsn(b2b)');
  hsn.getRow(1).values = ['Summary For HSN(12)'];
  hsn.getRow(4).values = ['HSN', 'Description', 'UQC', 'Total Quantity'];
  hsn.getRow(5).values = ['8471', 'Computers', 'NOS-NUMBERS', 10];
  hsn.getRow(6).values = ['8473', 'Parts', 'NOS-NUMBERS', 4];
  hsn.getCell('D7').value = { formula: 'D5+D6', result: 14 };
  // a shared formula: E5 holds it, E6 refers to it (exceljs's reader gives E6 no formula text)
  hsn.fillFormula('E5:E6', 'D5*2', [20, 8]);
  await wb.xlsx.writeFile(file);
}

type CellKey = `${string}|${string}`;
const key = (sheet: string, address: string): CellKey => `${sheet}|${address}`;

// --------------------------------------------------------------------------------- xlsx input

describe('annotateFiles: an xlsx in the template layout', () => {
  let dir: string;
  let input: string;
  let out: string;
  let before: string;
  let result: Awaited<ReturnType<typeof annotateFiles>>;
  let src: ExcelJS.Workbook;
  let got: ExcelJS.Workbook;

  const findings: Finding[] = [
    // 0: error on a date cell (its style is shared by every date in column D)
    { code: 'CELL_INVALID_DATE', severity: 'error', file: '', sheet: SHEET, row: 6, column: 'Invoice date', col: 4, value: '31-Mar-2024' },
    // 1: warning on another cell
    { code: 'HEADER_UNKNOWN_COLUMN', severity: 'warning', file: '', sheet: SHEET, row: 7, column: 'Receiver Name', col: 2, value: 'Om Foods' },
    // 2, 3: a warning and an error on one cell -> red, one note with both
    { code: 'AMOUNT_DECIMALS', severity: 'warning', file: '', sheet: SHEET, row: 8, column: 'GSTIN/UIN of Recipient', col: 1, value: '33AAACT2727Q1ZW' },
    { code: 'CELL_REQUIRED', severity: 'error', file: '', sheet: SHEET, row: 8, column: 'GSTIN/UIN of Recipient', col: 1 },
    // 4: a row without a column -> the row's first cell
    { code: 'DOC_FIELD_MISMATCH', severity: 'warning', file: '', sheet: SHEET, row: 5 },
    // 5: an empty cell (not in the sheet's XML)
    { code: 'CELL_REQUIRED', severity: 'error', file: '', sheet: SHEET, row: 5, column: 'E-Commerce GSTIN', col: 10 },
    // 6: a whole-file finding
    { code: 'SHEET_UNKNOWN', severity: 'warning', file: '', sheet: 'Notes', params: { known: 'b2b,sez,de' } },
    // 7: a portal error that matched no row
    { code: 'PORTAL_RET191106', severity: 'error', file: '', sheet: SHEET, row: 6, col: 3, portalMessage: 'Invoice number already exists', unmatched: true, value: 'INV/24-25/000002' },
    // 8: the second sheet
    { code: 'CELL_INVALID_HSN', severity: 'error', file: '', sheet: 'hsn(b2b)', row: 6, column: 'HSN', col: 1, value: '8473' },
    // 9: a sheet the workbook does not have
    { code: 'CELL_INVALID_HSN', severity: 'error', file: '', sheet: 'hsn(b2c)', row: 6, col: 1 },
  ];
  /** expected marks: cell -> [fill argb, codes in the note] */
  const expected = new Map<CellKey, [string, string[]]>([
    [key(SHEET, 'D6'), ['FFFF0000', ['CELL_INVALID_DATE']]],
    [key(SHEET, 'B7'), ['FFFFC000', ['HEADER_UNKNOWN_COLUMN']]],
    [key(SHEET, 'A8'), ['FFFF0000', ['CELL_REQUIRED', 'AMOUNT_DECIMALS']]],
    [key(SHEET, 'A5'), ['FFFFC000', ['DOC_FIELD_MISMATCH']]],
    [key(SHEET, 'J5'), ['FFFF0000', ['CELL_REQUIRED']]],
    [key('hsn(b2b)', 'A6'), ['FFFF0000', ['CELL_INVALID_HSN']]],
  ]);

  beforeAll(async () => {
    dir = tempDir();
    input = join(dir, 'sales.xlsx');
    await templateWorkbook(input);
    findings.forEach((f, i) => {
      findings[i] = { ...f, file: input };
    });
    before = hash(input);
    out = join(dir, 'sales.errors.xlsx');
    result = await annotateFiles([input], findings, out);
    src = await readBack(input);
    got = await readBack(out);
  });

  it('leaves the input untouched and reports what it did', () => {
    expect(hash(input)).toBe(before);
    expect(result).toEqual({ out, notes: 6, fills: 6, unmatched: 3 });
    expect(readdirSync(dir).sort()).toEqual(['sales.errors.xlsx', 'sales.xlsx']);
  });

  it('puts Errors first, then the input sheets in order', () => {
    expect(got.worksheets.map((w) => w.name)).toEqual(['Errors', SHEET, 'hsn(b2b)']);
  });

  it('keeps every value, number format and unmarked style', () => {
    for (const sws of src.worksheets) {
      const gws = got.getWorksheet(sws.name)!;
      expect(gws, sws.name).toBeDefined();
      let cells = 0;
      sws.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (sc, c) => {
          const gc = gws.getCell(r, c);
          cells++;
          // shared formulas included: the sheet's XML is copied, not re-written
          expect(gc.value, `${sws.name}!${sc.address}`).toEqual(sc.value);
          expect(gc.numFmt, `${sws.name}!${sc.address} numFmt`).toEqual(sc.numFmt);
          if (!expected.has(key(sws.name, sc.address))) {
            expect(gc.font, `${sws.name}!${sc.address} font`).toEqual(sc.font);
            expect(gc.style, `${sws.name}!${sc.address} style`).toEqual(sc.style);
          } else if (sc.font) {
            // a marked cell keeps its font (an unstyled one gets the default font with its fill)
            expect(gc.font, `${sws.name}!${sc.address} font`).toEqual(sc.font);
          }
        });
      });
      expect(cells).toBeGreaterThan(3);
    }
    const d5 = got.getWorksheet(SHEET)!.getCell('D5');
    expect(d5.value).toEqual(new Date(Date.UTC(2024, 2, 5)));
    expect(d5.numFmt).toBe('dd-mmm-yyyy');
    expect(got.getWorksheet(SHEET)!.getCell('E3').value).toEqual({ formula: 'SUM(E5:E8)', result: 4300.5 });
  });

  it('keeps column widths, row heights, the frozen header and merged title', () => {
    const gws = got.getWorksheet(SHEET)!;
    expect(gws.getColumn(1).width).toBe(22);
    expect(gws.getColumn(2).width).toBe(30);
    expect(gws.getColumn(4).width).toBe(14);
    expect(gws.getColumn(13).width).toBe(11.5);
    expect(gws.getRow(4).height).toBe(30);
    expect(gws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(gws.model.merges).toEqual(['A1:C1']);
  });

  it('fills and notes exactly the finding cells', () => {
    const seen = new Set<CellKey>();
    for (const gws of got.worksheets) {
      if (gws.name === 'Errors') continue;
      gws.eachRow({ includeEmpty: true }, (row) => {
        row.eachCell({ includeEmpty: true }, (gc) => {
          const k = key(gws.name, gc.address);
          const want = expected.get(k);
          if (!want) {
            expect(noteOf(gc), k).toBeUndefined();
            expect(['FFFF0000', 'FFFFC000']).not.toContain(argb(gc));
            return;
          }
          seen.add(k);
          expect(argb(gc), k).toBe(want[0]);
          const note = noteOf(gc)!;
          for (const code of want[1]) expect(note, k).toContain(code);
          expect(note.split(/\n\n/).length, k).toBe(want[1].length);
        });
      });
    }
    expect([...seen].sort()).toEqual([...expected.keys()].sort());
    // errors first in a shared note; messages and hints from the catalogue
    const a8 = noteOf(got.getWorksheet(SHEET)!.getCell('A8'))!;
    expect(a8.indexOf('CELL_REQUIRED')).toBeLessThan(a8.indexOf('AMOUNT_DECIMALS'));
    expect(a8).toMatch(/Fix: /);
    // the cell style kept its font when it got the fill
    const d6 = got.getWorksheet(SHEET)!.getCell('D6');
    expect(d6.numFmt).toBe('dd-mmm-yyyy');
  });

  it('lists every finding on the Errors sheet with links, a filter and a frozen header', () => {
    const ews = got.getWorksheet('Errors')!;
    expect(String(ews.getCell('A1').value)).toMatch(/6 errors and 4 warnings/);
    expect(ews.getRow(2).values).toEqual([undefined, 'Severity', 'Code', 'File', 'Sheet', 'Row', 'Column', 'Cell', 'Value', 'Message', 'Hint']);
    expect(ews.autoFilter).toBe(`A2:J${2 + findings.length}`);
    expect(ews.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ews.rowCount).toBe(2 + findings.length);
    findings.forEach((f, i) => {
      const row = ews.getRow(3 + i);
      expect(row.getCell(1).value).toBe(f.severity);
      expect(row.getCell(2).value).toBe(f.code);
      expect(row.getCell(3).value).toBe(input);
      expect(row.getCell(4).value ?? undefined).toBe(f.sheet);
      expect(row.getCell(5).value ?? undefined).toBe(f.row);
      expect(row.getCell(8).value ?? undefined).toBe(f.value || undefined);
      expect(String(row.getCell(9).value)).not.toBe('');
    });
    expect(ews.getRow(3 + 7).getCell(9).value).toBe('Invoice number already exists');
    expect(ews.getRow(3 + 7).getCell(7).value).toBe('unmatched');
    expect(ews.getRow(3 + 6).getCell(7).value ?? '').toBe('');

    const links = hyperlinks(sheetXml(out, 'Errors'));
    expect(Object.fromEntries(links)).toEqual({
      G3: `'${SHEET}'!D6`,
      G4: `'${SHEET}'!B7`,
      G5: `'${SHEET}'!A8`,
      G6: `'${SHEET}'!A8`,
      G7: `'${SHEET}'!A5`,
      G8: `'${SHEET}'!J5`,
      G11: `'hsn(b2b)'!A6`,
    });
    expect(ews.getCell('G3').value).toBe('D6');
  });
});

// ----------------------------------------------------------------------------- more cases

describe('annotateFiles', () => {
  it('copies CSVs as text under their section name, suffixing a repeated name', async () => {
    const dir = tempDir();
    const a = join(dir, 'b2b.csv');
    const b = join(dir, 'b2b-more.csv');
    writeFileSync(a, `${HEADERS.slice(0, 5).join(',')}\r\n27AAPFU0939F1ZV,Shree Traders,INV/1,05-Mar-2024,1180.00\r\n29AABCU9603R1ZM,"Sai, Steel",INV/2,31-Feb-2024,=1+1\r\n`);
    writeFileSync(b, `${HEADERS.slice(0, 5).join(',')}\n07AAACR5055K1Z5,Om Foods,INV/3,12-Mar-2024,1120\n`);
    const hashes = [hash(a), hash(b)];
    const findings: Finding[] = [
      { code: 'CELL_INVALID_DATE', severity: 'error', file: a, sheet: SHEET, row: 3, column: 'Invoice date', col: 4, value: '31-Feb-2024' },
      { code: 'CELL_INVALID_NUMBER', severity: 'warning', file: a, sheet: SHEET, row: 3, column: 'Invoice Value', col: 5, value: '=1+1' },
      { code: 'CELL_REQUIRED', severity: 'error', file: b, sheet: SHEET, row: 2, col: 1 },
      { code: 'FILE_NO_KNOWN_SHEET', severity: 'error', file: b },
    ];
    const out = join(dir, 'errors.xlsx');
    const r = await annotateFiles([a, b], findings, out);
    expect(r).toMatchObject({ notes: 3, fills: 3, unmatched: 1 });
    expect([hash(a), hash(b)]).toEqual(hashes);

    const wb = await readBack(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Errors', SHEET, `${SHEET} (2)`]);
    const ws = wb.getWorksheet(SHEET)!;
    expect(ws.getRow(1).values).toEqual([undefined, ...HEADERS.slice(0, 5)]);
    expect(ws.getRow(2).values).toEqual([undefined, '27AAPFU0939F1ZV', 'Shree Traders', 'INV/1', '05-Mar-2024', '1180.00']);
    expect(ws.getRow(3).values).toEqual([undefined, '29AABCU9603R1ZM', 'Sai, Steel', 'INV/2', '31-Feb-2024', '=1+1']);
    expect(ws.getCell('E3').type).toBe(ExcelJS.ValueType.String);
    expect(argb(ws.getCell('D3'))).toBe('FFFF0000');
    expect(argb(ws.getCell('E3'))).toBe('FFFFC000');
    expect(noteOf(ws.getCell('D3'))).toContain('CELL_INVALID_DATE');
    expect(argb(ws.getCell('D2'))).toBeUndefined();
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(13);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const ws2 = wb.getWorksheet(`${SHEET} (2)`)!;
    expect(argb(ws2.getCell('A2'))).toBe('FFFF0000');
    expect(Object.fromEntries(hyperlinks(sheetXml(out, 'Errors')))).toEqual({
      G3: `'${SHEET}'!D3`,
      G4: `'${SHEET}'!E3`,
      G5: `'${SHEET} (2)'!A2`,
    });
  });

  it('refuses to write over an input, by any name', async () => {
    const dir = tempDir();
    const input = join(dir, 'sales.xlsx');
    await templateWorkbook(input);
    const h = hash(input);
    const f: Finding[] = [{ code: 'CELL_REQUIRED', severity: 'error', file: input, sheet: SHEET, row: 5, col: 1 }];
    await expect(annotateFiles([input], f, input)).rejects.toMatchObject({ code: 'OUTPUT_SAME_AS_INPUT' });
    await expect(annotateFiles([input], f, relative(process.cwd(), input))).rejects.toMatchObject({ code: 'OUTPUT_SAME_AS_INPUT' });
    const link = join(dir, 'link.xlsx');
    linkSync(input, link);
    await expect(annotateFiles([input], f, link)).rejects.toMatchObject({ code: 'OUTPUT_SAME_AS_INPUT' });
    expect(hash(input)).toBe(h);
    expect(readdirSync(dir).sort()).toEqual(['link.xlsx', 'sales.xlsx']);
  });

  it('caps notes but fills every cell, and says so on the Errors sheet', async () => {
    const dir = tempDir();
    const input = join(dir, 'sales.xlsx');
    await templateWorkbook(input);
    const findings: Finding[] = [5, 6, 7, 8].map((row) => ({ code: 'CELL_REQUIRED', severity: 'error', file: input, sheet: SHEET, row, col: 3 }));
    const out = join(dir, 'out.xlsx');
    const r = await annotateFiles([input], findings, out, { maxNotes: 2 });
    expect(r).toMatchObject({ notes: 2, fills: 4, unmatched: 0 });
    const wb = await readBack(out);
    const ws = wb.getWorksheet(SHEET)!;
    expect([5, 6, 7, 8].map((row) => [argb(ws.getCell(row, 3)), noteOf(ws.getCell(row, 3)) !== undefined])).toEqual([
      ['FFFF0000', true], ['FFFF0000', true], ['FFFF0000', false], ['FFFF0000', false],
    ]);
    expect(String(wb.getWorksheet('Errors')!.getCell('A1').value)).toMatch(/first 2 cells only; 2 more cells are filled without a note/);
    expect(wb.getWorksheet('Errors')!.rowCount).toBe(6);
  });

  it('follows the workbook tab order, keeps hidden sheets hidden, and names its own sheet apart from one called Errors', async () => {
    const dir = tempDir();
    const input = join(dir, 'order.xlsx');
    const wb = new ExcelJS.Workbook();
    const first = wb.addWorksheet('zeta');
    const second = wb.addWorksheet('alpha');
    const third = wb.addWorksheet('errors', { state: 'hidden' });
    first.getCell('A1').value = 'z';
    second.getCell('A1').value = 'a';
    third.getCell('A1').value = 'e';
    // tab order alpha, errors, zeta; the files stay sheet1 (zeta), sheet2 (alpha), sheet3 (errors)
    // orderNo (exceljs's tab position) is missing from its typings
    const order = (ws: ExcelJS.Worksheet, n: number) => Object.assign(ws, { orderNo: n });
    order(first, 3);
    order(second, 1);
    order(third, 2);
    await wb.xlsx.writeFile(input);
    const findings: Finding[] = [{ code: 'CELL_REQUIRED', severity: 'error', file: input, sheet: 'errors', row: 1, col: 1 }];
    const out = join(dir, 'out.xlsx');
    await annotateFiles([input], findings, out);
    const got = await readBack(out);
    // the input's sheets keep their names (formulas and defined names refer to them); ours gives way
    expect(got.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Errors (2)', 'visible'], ['alpha', 'visible'], ['errors', 'hidden'], ['zeta', 'visible'],
    ]);
    expect(argb(got.getWorksheet('errors')!.getCell('A1'))).toBe('FFFF0000');
    expect(Object.fromEntries(hyperlinks(sheetXml(out, 'Errors (2)')))).toEqual({ G3: `'errors'!A1` });
  });

  it('writes an Errors sheet even with no findings, and lists findings for unreadable inputs', async () => {
    const dir = tempDir();
    const bad = join(dir, 'old.xls');
    writeFileSync(bad, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const out = join(dir, 'out.xlsx');
    const r = await annotateFiles([bad], [{ code: 'FILE_XLS', severity: 'error', file: bad }], out);
    expect(r).toMatchObject({ notes: 0, fills: 0, unmatched: 1 });
    const got = await readBack(out);
    expect(got.worksheets.map((w) => w.name)).toEqual(['Errors']);
    expect(got.getWorksheet('Errors')!.getCell('B3').value).toBe('FILE_XLS');

    const empty = join(dir, 'empty.xlsx');
    await annotateFiles([], [], empty);
    const e = await readBack(empty);
    expect(String(e.getWorksheet('Errors')!.getCell('A1').value)).toMatch(/No errors or warnings/);
  });
});

describe('annotateFiles on a damaged workbook', () => {
  it('fails with FILE_UNREADABLE and leaves no output or partial file', async () => {
    const dir = tempDir();
    const good = join(dir, 'good.xlsx');
    await templateWorkbook(good);
    // the same workbook with its first sheet's XML cut in the middle of a row
    const entries = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']
      .map((name) => ({ name, data: Buffer.from(zipEntry(good, name) ?? '') }))
      .filter((e) => e.data.length > 0);
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    sheet.data = Buffer.from(sheet.data.toString('utf8').replace(/<row r="6".*$/s, '<row r="6"><c r="A6" t="s"><v>1</v></c><c <<<'));
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, zipFile(entries));
    const out = join(dir, 'out.xlsx');
    await expect(annotateFiles([bad], [], out)).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
    expect(readdirSync(dir).sort()).toEqual(['bad.xlsx', 'good.xlsx']);
  });
});
