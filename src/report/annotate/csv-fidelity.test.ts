/**
 * The annotated workbook of CSV inputs, written by us (copy-csv.ts, issue 14): every value of
 * every CSV read back as the same text by our reader and by exceljs, the header bold and frozen,
 * the finding cells filled with their note, every finding on the Errors sheet, and the file
 * opens in LibreOffice without repair.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argb, noteOf } from '../../../test/helpers/annotated.js';
import type { Finding } from '../../model/finding.js';
import { readCsv } from '../../parsers/csv.js';
import type { RawCell, RawRow } from '../../parsers/raw.js';
import { readXlsx } from '../../parsers/xlsx.js';
import { readZip } from '../../parsers/zip.js';
import { annotateFiles } from './index.js';
import { cellAddress } from './names.js';

const dir = mkdtempSync(join(tmpdir(), 'gstr1-csv-fidelity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SOFFICE = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();

const HEADER = 'GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,Place Of Supply';
/** Text a spreadsheet writer must keep as it is: quotes, separators, line breaks, spaces, markup, escapes, leading zeros. */
const B2B = [
  HEADER,
  '27AAPFU0939F1ZV,"Shree, Traders",INV/1,05-Mar-2024,1180.00,27-Maharashtra',
  '29AABCU9603R1ZM,"Sai ""Steel""",INV/2,31-Feb-2024,=1+1,29-Karnataka',
  '07AAACR5055K1Z5,"Om Foods\nDelhi",  INV/3 ,12-Mar-2024,001120,07-Delhi',
  '33AAACT2727Q1ZW,A & B <Pharma> ₹ – 🙂,_x0041_,20-Mar-2024,950,',
  ',,,,,',
  `24AAACR5055K1Z3,${'Very long receiver name '.repeat(5)},INV/5,21-Mar-2024,1e3,24-Gujarat,extra`,
  '27AAPFU0939F1ZV,Tab\there,INV/6,22-Mar-2024,12.50,27-Maharashtra',
].join('\r\n');
const CDNR = ['GSTIN/UIN of Recipient,Note Number,Note Value', '27AAPFU0939F1ZV,CN/1,100'].join('\n');

const b2b = join(dir, 'b2b.csv');
const cdnr = join(dir, 'cdnr.csv');
const out = join(dir, 'errors.xlsx');

const findings: Finding[] = [
  // a text cell, and a header cell (keeps bold under its fill)
  { code: 'CELL_INVALID_DATE', severity: 'error', file: b2b, sheet: 'b2b,sez,de', row: 3, column: 'Invoice date', col: 4, value: '31-Feb-2024' },
  { code: 'HEADER_UNKNOWN_COLUMN', severity: 'warning', file: b2b, sheet: 'b2b,sez,de', row: 1, col: 2 },
  // a warning and an error on one cell: red, one note
  { code: 'CELL_INVALID_NUMBER', severity: 'warning', file: b2b, sheet: 'b2b,sez,de', row: 3, column: 'Invoice Value', col: 5, value: '=1+1' },
  { code: 'CELL_REQUIRED', severity: 'error', file: b2b, sheet: 'b2b,sez,de', row: 3, column: 'Invoice Value', col: 5 },
  // an empty cell, a blank line, a cell past the line's end, a line past the file's end
  { code: 'CELL_REQUIRED', severity: 'error', file: b2b, sheet: 'b2b,sez,de', row: 5, column: 'Place Of Supply', col: 6 },
  { code: 'CELL_REQUIRED', severity: 'error', file: b2b, sheet: 'b2b,sez,de', row: 6, col: 1 },
  { code: 'CELL_REQUIRED', severity: 'error', file: b2b, sheet: 'b2b,sez,de', row: 2, col: 9 },
  { code: 'DOC_FIELD_MISMATCH', severity: 'warning', file: b2b, sheet: 'b2b,sez,de', row: 12 },
  // the second CSV, and a finding without a cell
  { code: 'CELL_INVALID_GSTIN', severity: 'error', file: cdnr, sheet: 'cdnr', row: 2, col: 1, value: '27AAPFU0939F1ZV' },
  { code: 'FILE_NO_KNOWN_SHEET', severity: 'error', file: cdnr },
];
/** sheet!cell → [fill, codes in its note, bold] */
const MARKED = new Map<string, [string, string[], boolean]>([
  ['b2b,sez,de!D3', ['FFFF0000', ['CELL_INVALID_DATE'], false]],
  ['b2b,sez,de!B1', ['FFFFC000', ['HEADER_UNKNOWN_COLUMN'], true]],
  ['b2b,sez,de!E3', ['FFFF0000', ['CELL_REQUIRED', 'CELL_INVALID_NUMBER'], false]],
  ['b2b,sez,de!F5', ['FFFF0000', ['CELL_REQUIRED'], false]],
  ['b2b,sez,de!A6', ['FFFF0000', ['CELL_REQUIRED'], false]],
  ['b2b,sez,de!I2', ['FFFF0000', ['CELL_REQUIRED'], false]],
  ['b2b,sez,de!A12', ['FFFFC000', ['DOC_FIELD_MISMATCH'], false]],
  ['cdnr!A2', ['FFFF0000', ['CELL_INVALID_GSTIN'], false]],
]);

type Rows = { row: number; cells: RawCell[] }[];

/** Rows as read, trailing empty cells and blank lines dropped. */
async function trimmed(rows: AsyncIterable<RawRow>): Promise<Rows> {
  const out: Rows = [];
  for await (const r of rows) {
    const cells = [...r.cells];
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    if (cells.length) out.push({ row: r.row, cells });
  }
  return out;
}

/** A CSV's lines as our CSV reader gives them (empty cells as null). */
async function csvRows(file: string): Promise<Rows> {
  for await (const s of readCsv(file)) return trimmed(s.rows);
  return [];
}

/** The sheets of an .xlsx as our reader gives them. */
async function xlsxRows(file: string): Promise<Map<string, Rows>> {
  const out = new Map<string, Rows>();
  for await (const s of readXlsx(file)) out.set(s.name, await trimmed(s.rows));
  return out;
}

let got: ExcelJS.Workbook;
let result: Awaited<ReturnType<typeof annotateFiles>>;

beforeAll(async () => {
  writeFileSync(b2b, B2B);
  writeFileSync(cdnr, CDNR);
  result = await annotateFiles([b2b, cdnr], findings, out);
  got = new ExcelJS.Workbook();
  await got.xlsx.readFile(out);
});

describe('annotateFiles: CSV inputs, written without exceljs', () => {
  it('counts what it marked, and writes our own parts only', async () => {
    expect(result).toEqual({ out, notes: 8, fills: 8, unmatched: 1 });
    // (exceljs's writer adds a theme and document properties; ours does not)
    expect((await readZip(out)).entries.map((e) => e.name).sort()).toEqual([
      '[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/comments1.xml', 'xl/comments2.xml',
      'xl/drawings/vmlDrawing1.vml', 'xl/drawings/vmlDrawing2.vml', 'xl/styles.xml', 'xl/workbook.xml',
      'xl/worksheets/_rels/sheet1.xml.rels', 'xl/worksheets/_rels/sheet2.xml.rels',
      'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml',
    ]);
  });

  it('reads back every value as the CSV has it, with our reader', async () => {
    const sheets = await xlsxRows(out);
    expect([...sheets.keys()]).toEqual(['Errors', 'b2b,sez,de', 'cdnr']);
    expect(sheets.get('b2b,sez,de')).toEqual(await csvRows(b2b));
    expect(sheets.get('cdnr')).toEqual(await csvRows(cdnr));
  });

  it('reads back every value as text with exceljs, the header bold and frozen, widths from the text', async () => {
    expect(got.worksheets.map((w) => w.name)).toEqual(['Errors', 'b2b,sez,de', 'cdnr']);
    for (const [file, name] of [[b2b, 'b2b,sez,de'], [cdnr, 'cdnr']] as const) {
      const ws = got.getWorksheet(name)!;
      for (const { row, cells } of await csvRows(file)) {
        cells.forEach((v, i) => {
          const cell = ws.getCell(row, i + 1);
          // exceljs does not decode OOXML's escape of a literal `_x0041_` (Excel, LibreOffice and our reader do)
          expect(cell.value ?? null, `${name}!${cell.address}`).toBe(v === '_x0041_' ? '_x005F_x0041_' : v);
          if (v !== null) expect(cell.type, `${name}!${cell.address}`).toBe(ExcelJS.ValueType.String);
          expect(Boolean(cell.font?.bold), `${name}!${cell.address} bold`).toBe(row === 1);
        });
      }
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
    const ws = got.getWorksheet('b2b,sez,de')!;
    expect(ws.getColumn(1).width).toBe(24); // 'GSTIN/UIN of Recipient' + 2
    expect(ws.getColumn(2).width).toBe(60); // capped
    expect(ws.getColumn(7).width).toBe(8); // 'extra' is short
  });

  it('fills and notes exactly the finding cells', () => {
    const seen = new Set<string>();
    for (const ws of got.worksheets) {
      if (ws.name === 'Errors') continue;
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          const at = `${ws.name}!${cell.address}`;
          const want = MARKED.get(at);
          if (!want) {
            expect(argb(cell), at).toBeUndefined();
            expect(noteOf(cell), at).toBeUndefined();
            return;
          }
          seen.add(at);
          expect(argb(cell), at).toBe(want[0]);
          const note = noteOf(cell)!;
          for (const code of want[1]) expect(note, at).toContain(code);
          expect(note.split(/\n\n/).length, at).toBe(want[1].length);
          expect(Boolean(cell.font?.bold), at).toBe(want[2]);
        }),
      );
    }
    expect([...seen].sort()).toEqual([...MARKED.keys()].sort());
  });

  it('lists every finding on the Errors sheet, linked to its cell', () => {
    const ews = got.getWorksheet('Errors')!;
    expect(String(ews.getCell('A1').value)).toMatch(/^7 errors and 3 warnings\./);
    expect(ews.rowCount).toBe(2 + findings.length);
    findings.forEach((f, i) => {
      const row = ews.getRow(3 + i);
      expect(row.getCell(1).value).toBe(f.severity);
      expect(row.getCell(2).value).toBe(f.code);
      expect(row.getCell(3).value).toBe(f.file);
      expect(row.getCell(7).value ?? undefined).toBe(f.row ? cellAddress(f.row, f.col ?? 1) : undefined);
    });
  });

  it.skipIf(!SOFFICE)('opens in LibreOffice without repair: a headless conversion succeeds and keeps values and marks', () => {
    const conv = join(dir, 'lo');
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', conv, out], { timeout: 120_000, stdio: 'pipe' });
    const file = join(conv, 'errors.xlsx');
    expect(existsSync(file)).toBe(true);
    return (async () => {
      const lo = new ExcelJS.Workbook();
      await lo.xlsx.readFile(file);
      expect(lo.worksheets.map((w) => w.name)).toEqual(['Errors', 'b2b,sez,de', 'cdnr']);
      const ws = lo.getWorksheet('b2b,sez,de')!;
      expect(ws.getCell('B4').value).toBe('Om Foods\nDelhi');
      expect(ws.getCell('C4').value).toBe('  INV/3 ');
      expect(ws.getCell('E4').value).toBe('001120');
      expect(argb(ws.getCell('D3'))).toBe('FFFF0000');
      expect(noteOf(ws.getCell('D3'))).toContain('CELL_INVALID_DATE');
      expect(lo.getWorksheet('Errors')!.getCell('B3').value).toBe('CELL_INVALID_DATE');
      // LibreOffice read every value as the CSV has it: its copy read back by our reader
      expect((await xlsxRows(file)).get('b2b,sez,de')).toEqual(await csvRows(b2b));
    })();
  }, 150_000);
});

describe('annotateFiles: several CSVs and the notes cap', () => {
  it('caps notes across the CSVs in order, fills every cell', async () => {
    const a = join(dir, 'hsn(b2b).csv');
    const b = join(dir, 'exp.csv');
    writeFileSync(a, 'HSN,Description\n8471,Computers\n8473,Parts\n');
    writeFileSync(b, 'Export Type,Invoice Number\nWPAY,E/1\n');
    const fs: Finding[] = [
      { code: 'CELL_INVALID_HSN', severity: 'error', file: a, sheet: 'hsn(b2b)', row: 2, col: 1 },
      { code: 'CELL_INVALID_HSN', severity: 'error', file: a, sheet: 'hsn(b2b)', row: 3, col: 1 },
      { code: 'CELL_REQUIRED', severity: 'warning', file: b, sheet: 'exp', row: 2, col: 2 },
    ];
    const o = join(dir, 'capped.xlsx');
    expect(await annotateFiles([a, b], fs, o, { maxNotes: 2 })).toMatchObject({ notes: 2, fills: 3, unmatched: 0 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(o);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Errors', 'hsn(b2b)', 'exp']);
    expect(noteOf(wb.getWorksheet('hsn(b2b)')!.getCell('A3'))).toContain('CELL_INVALID_HSN');
    expect(argb(wb.getWorksheet('exp')!.getCell('B2'))).toBe('FFFFC000');
    expect(noteOf(wb.getWorksheet('exp')!.getCell('B2'))).toBeUndefined();
    expect(String(wb.getWorksheet('Errors')!.getCell('A1').value)).toMatch(/first 2 cells only; 1 more cell is filled without a note/);
  });

  it('copies a CSV beside a workbook through exceljs (several inputs with an .xlsx among them)', async () => {
    const x = join(dir, 'more.xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('cdnr').getCell('A1').value = 'GSTIN/UIN of Recipient';
    await book.xlsx.writeFile(x);
    const o = join(dir, 'mixed.xlsx');
    const fs: Finding[] = [{ code: 'CELL_INVALID_GSTIN', severity: 'error', file: cdnr, sheet: 'cdnr', row: 2, col: 1 }];
    expect(await annotateFiles([cdnr, x], fs, o)).toMatchObject({ notes: 1, fills: 1, unmatched: 0 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(o);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Errors', 'cdnr', 'cdnr (2)']);
    expect(wb.getWorksheet('cdnr')!.getCell('B2').value).toBe('CN/1');
    expect(argb(wb.getWorksheet('cdnr')!.getCell('A2'))).toBe('FFFF0000');
  });
});
