/**
 * The xlsx reader (zip.ts + saxes), cell by cell against exceljs's in-memory reader on workbooks
 * written by exceljs (in-memory writer, streaming writer with and without shared strings), by our
 * template writer, and by openpyxl; and on hand-built zips for what those writers never produce
 * (missing `r=`, rich and phonetic text, `t="d"`, date1904, odd part names and orders, damage).
 *
 * test/fixtures/xlsx/openpyxl-mixed.xlsx was made once with Debian's python3-openpyxl 3.0.9
 * (inline strings, no shared strings; sheets before styles and workbook.xml in the zip), then its
 * sheet XML was edited by hand: cached `<v>` results added to the formulas I2, I3 (number) and J2
 * (`t="str"`), J3 left uncalculated. (Missing `r=` attributes are tested on hand-built zips:
 * exceljs's readFile, the cross-check, cannot read them.) Sheets: `b2b,sez,de`, `gaps`, `hsn(b2b)`, `R&D's notes` (hidden), `very`
 * (veryHidden). Number formats on b2b rows 2-4: D `dd-mmm-yyyy`, K `h:mm` (built-in 20),
 * L `[h]:mm:ss` (46), M `mm-dd-yy` (14), N `[$-409]d-mmm-yy h:mm;@`.
 */
import { readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs, writeText, zipFile } from '../../test/helpers/files.js';
import { writeTemplateWorkbook } from '../report/template/workbook-file.js';
import type { RawCell } from './raw.js';
import { isDateFormatCode, isPercentFormatCode, readXlsx, serialToDate } from './xlsx.js';
import { readZip } from './zip.js';

const FIXTURE = join(import.meta.dirname, '../../test/fixtures/xlsx/openpyxl-mixed.xlsx');
const { dir, cleanup } = tempDirs();
afterAll(cleanup);

interface Sheet {
  name: string;
  hidden: boolean;
  rows: { row: number; cells: RawCell[] }[];
}

/** Everything our reader gives. */
async function ours(file: string): Promise<Sheet[]> {
  const out: Sheet[] = [];
  for await (const s of readXlsx(file)) {
    const rows: Sheet['rows'] = [];
    for await (const r of s.rows) rows.push({ row: r.row, cells: [...r.cells] });
    out.push({ name: s.name, hidden: s.hidden, rows });
  }
  return out;
}

const NO_RESULT: RawCell = { error: 'exceljs: formula without a result' };

/** exceljs's cell value shapes as a RawCell: formula → result, rich text → text, hyperlink → text. */
function norm(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  // exceljs drops a cached result of 0 (`<v>0</v>` on a formula): marked, to be checked apart
  if ('formula' in o || 'sharedFormula' in o || 'result' in o) return o.result === undefined ? NO_RESULT : norm(o.result);
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if ('text' in o) return norm(o.text);
  if ('error' in o) return { error: String(o.error) };
  return String(v);
}

const isUncalculated = (v: RawCell | undefined) => typeof v === 'object' && v !== null && 'uncalculated' in v;

const trim = (cells: RawCell[]) => {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === null) n--;
  return cells.slice(0, n);
};

/** exceljs's in-memory reader, normalised the same way; rows without values left out. */
async function theirs(file: string): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => {
    const rows: Sheet['rows'] = [];
    ws.eachRow((row, n) => {
      const values = row.values as unknown[];
      const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => norm(values[i + 1]));
      if (trim(cells).length) rows.push({ row: n, cells: trim(cells) });
    });
    return { name: ws.name, hidden: ws.state !== 'visible', rows };
  });
}

const A1 = (row: number, col: number) => {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
};

/**
 * Our reader and exceljs's agree on every sheet, row and cell, except the cells in `timeCells`
 * (`sheet!A1`): time-only formats, which we keep as numbers and exceljs turns into 1899-12-30 Dates.
 */
async function expectSameAsExcelJs(file: string, timeCells: string[] = []): Promise<Sheet[]> {
  const a = await ours(file);
  const b = await theirs(file);
  expect(a.map((s) => [s.name, s.hidden])).toEqual(b.map((s) => [s.name, s.hidden]));
  const skip = new Set(timeCells);
  const seen = new Set<string>();
  a.forEach((sa, i) => {
    const sb = b[i]!;
    const rowsA = sa.rows.filter((r) => r.cells.length > 0);
    expect(rowsA.map((r) => r.row), sa.name).toEqual(sb.rows.map((r) => r.row));
    rowsA.forEach((ra, j) => {
      const ca = [...ra.cells];
      const cb = [...sb.rows[j]!.cells];
      for (let c = 0; c < Math.max(ca.length, cb.length); c++) {
        const at = `${sa.name}!${A1(ra.row, c)}`;
        if (cb[c] === NO_RESULT) {
          // exceljs has no result both for a cached 0 and for a formula never calculated
          expect([0, null, 'uncalculated'], at).toContain(isUncalculated(ca[c]) ? 'uncalculated' : ca[c]);
          ca[c] = cb[c] = null;
        }
        if (!skip.has(at)) continue;
        seen.add(at);
        // the same instant: our serial as exceljs's Date
        expect(typeof ca[c], at).toBe('number');
        expect(cb[c], at).toBeInstanceOf(Date);
        expect(Math.round(((ca[c] as number) - 25569) * 86_400_000), at).toBe((cb[c] as Date).getTime());
        ca[c] = cb[c] = null;
      }
      expect(trim(ca), `${sa.name} row ${ra.row}`).toEqual(trim(cb));
    });
  });
  expect([...seen].sort()).toEqual([...skip].sort());
  return a;
}

const cellsOf = (sheets: Sheet[], name: string) => {
  const s = sheets.find((x) => x.name === name)!;
  return (ref: string): RawCell | undefined => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = s.rows.find((r) => r.row === Number(m[2]));
    return row ? (row.cells[col] ?? null) : undefined;
  };
};

// ------------------------------------------------------------------- workbooks from exceljs

const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));
const NAMES = ['b2b,sez,de', 'hsn(b2b)', "R&D's (x)", 'hidden one', 'very hidden'];
const TIME_CELLS = NAMES.map((n) => `${n}!K2`);

type AnySheet = ExcelJS.Worksheet;

/** The same content on every sheet, through the API both exceljs writers share. */
function fillSheet(ws: AnySheet, i: number, commit: boolean): void {
  const set = (row: ExcelJS.Row, col: number, value: unknown, numFmt?: string) => {
    const cell = row.getCell(col);
    cell.value = value as ExcelJS.CellValue;
    if (numFmt) cell.numFmt = numFmt;
  };
  const done = (row: ExcelJS.Row) => {
    if (commit) row.commit();
  };
  const r1 = ws.getRow(1);
  ['Text', 'Rich', 'Int', 'Float', 'True', 'False', 'Error', 'F num', 'F str', 'Date', 'Time', 'Date 14', 'F date', 'Big', 'Sum']
    .forEach((h, c) => set(r1, c + 1, h));
  done(r1);
  const r2 = ws.getRow(2);
  set(r2, 1, `sheet ${i}`);
  set(r2, 2, { richText: [{ text: 'Bold ', font: { bold: true } }, { text: 'and plain' }] });
  set(r2, 3, 42);
  set(r2, 4, -3.5);
  set(r2, 5, true);
  set(r2, 6, false);
  set(r2, 7, { error: '#N/A' });
  set(r2, 8, { formula: 'C2*2', result: 84 });
  set(r2, 9, { formula: 'A2&"x"', result: `sheet ${i}x` });
  set(r2, 10, utc(2025, 3, 5), 'dd-mmm-yyyy');
  set(r2, 11, 0.4375, 'h:mm');
  set(r2, 12, utc(2024, 2, 29), 'mm-dd-yy');
  set(r2, 13, { formula: 'J2+1', result: utc(2025, 3, 6) }, 'dd/mm/yyyy');
  set(r2, 14, 12345678901234);
  set(r2, 15, 0.1 + 0.2);
  done(r2);
  // row 3: gaps in the middle, a styled cell without a value at the end
  const r3 = ws.getRow(3);
  set(r3, 1, 'x');
  set(r3, 4, 'y');
  r3.getCell(6).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
  done(r3);
  // row 4 missing; row 5 text that needs escaping, spaces, lines, scripts
  const r5 = ws.getRow(5);
  set(r5, 1, `a & b <c> "d" 'e'`);
  set(r5, 2, '  padded  ');
  set(r5, 3, 'line1\nline2');
  set(r5, 4, 'हिंदी नाम 😀');
  set(r5, 5, `sheet ${i}`); // repeated: one shared string
  set(r5, 6, '');
  done(r5);
  const r9 = ws.getRow(9);
  set(r9, 26, 'column Z');
  set(r9, 27, { text: 'a link', hyperlink: 'https://example.com/' });
  done(r9);
}

async function excelJsInMemory(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  NAMES.forEach((name, i) => {
    const ws = wb.addWorksheet(name);
    fillSheet(ws, i, false);
    if (name === 'hidden one') ws.state = 'hidden';
    if (name === 'very hidden') ws.state = 'veryHidden';
  });
  await wb.xlsx.writeFile(file);
  return file;
}

async function excelJsStreaming(file: string, useSharedStrings: boolean, names = NAMES): Promise<string> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings, useStyles: true });
  names.forEach((name, i) => {
    const state = name === 'hidden one' ? 'hidden' : name === 'very hidden' ? 'veryHidden' : 'visible';
    const ws = wb.addWorksheet(name, { state } as Partial<ExcelJS.AddWorksheetOptions>);
    fillSheet(ws as unknown as AnySheet, i, true);
    ws.commit();
  });
  await wb.commit();
  return file;
}

const zipOrder = async (file: string) => (await readZip(file)).entries.map((e) => e.name);

describe('readXlsx: workbooks written by exceljs, cell by cell against exceljs readFile', () => {
  it('in-memory writer (shared strings)', async () => {
    const sheets = await expectSameAsExcelJs(await excelJsInMemory(join(dir(), 'mem.xlsx')), TIME_CELLS);
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['b2b,sez,de', false], ['hsn(b2b)', false], ["R&D's (x)", false], ['hidden one', true], ['very hidden', true],
    ]);
    const cell = cellsOf(sheets, "R&D's (x)");
    expect(cell('A2')).toBe('sheet 2');
    expect(cell('B2')).toBe('Bold and plain');
    expect(cell('C2')).toBe(42);
    expect(cell('E2')).toBe(true);
    expect(cell('F2')).toBe(false);
    expect(cell('G2')).toEqual({ error: '#N/A' });
    expect(cell('H2')).toBe(84);
    expect(cell('I2')).toBe('sheet 2x');
    expect(cell('J2')).toEqual(utc(2025, 3, 5));
    expect(cell('K2')).toBe(0.4375); // h:mm is a time, not a date
    expect(cell('L2')).toEqual(utc(2024, 2, 29));
    expect(cell('M2')).toEqual(utc(2025, 3, 6));
    expect(cell('O2')).toBe(0.1 + 0.2);
    const s = sheets[2]!;
    expect(s.rows.find((r) => r.row === 3)!.cells).toEqual(['x', null, null, 'y']);
    expect(s.rows.some((r) => r.row === 4)).toBe(false);
    expect(cell('A5')).toBe(`a & b <c> "d" 'e'`);
    expect(cell('B5')).toBe('  padded  ');
    expect(cell('C5')).toBe('line1\nline2');
    expect(cell('D5')).toBe('हिंदी नाम 😀');
    expect(cell('Z9')).toBe('column Z');
    expect(cell('AA9')).toBe('a link');
  });

  it('streaming writer with shared strings (sheets before sharedStrings and workbook.xml)', async () => {
    const f = await excelJsStreaming(join(dir(), 'stream-sst.xlsx'), true);
    const order = await zipOrder(f);
    expect(order.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(order.indexOf('xl/sharedStrings.xml'));
    expect(order.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(order.indexOf('xl/workbook.xml'));
    const sheets = await expectSameAsExcelJs(f, TIME_CELLS);
    expect(cellsOf(sheets, 'b2b,sez,de')('B2')).toBe('Bold and plain');
  });

  it('streaming writer with inline strings (no sharedStrings part)', async () => {
    const f = await excelJsStreaming(join(dir(), 'stream-inline.xlsx'), false);
    expect(await zipOrder(f)).not.toContain('xl/sharedStrings.xml');
    const sheets = await expectSameAsExcelJs(f, TIME_CELLS);
    expect(cellsOf(sheets, 'hsn(b2b)')('B2')).toBe('Bold and plain');
    expect(cellsOf(sheets, 'hsn(b2b)')('B5')).toBe('  padded  ');
  });

  it('reads all of 30 sheets, named and in order, when shared strings come after them (exceljs #3064)', async () => {
    const names = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? `s${i}, (a&b) 'q' x` : `sheet ${i}`));
    const f = await excelJsStreaming(join(dir(), 'many.xlsx'), true, names);
    const order = await zipOrder(f);
    expect(order.indexOf('xl/worksheets/sheet30.xml')).toBeLessThan(order.indexOf('xl/sharedStrings.xml'));
    const sheets = await ours(f);
    expect(sheets.map((s) => s.name)).toEqual(names);
    sheets.forEach((s, i) => expect(cellsOf(sheets, s.name)('I2')).toBe(`sheet ${i}x`));
    await expectSameAsExcelJs(f, names.map((n) => `${n}!K2`));
  });

  it('date1904 workbooks', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('d');
    ws.getCell('A1').value = utc(2025, 3, 5);
    ws.getCell('A1').numFmt = 'dd-mmm-yyyy';
    ws.getCell('A2').value = 45721 - 1462;
    ws.getCell('A2').numFmt = 'd/m/yy';
    const f = join(dir(), '1904.xlsx');
    await wb.xlsx.writeFile(f);
    const sheets = await expectSameAsExcelJs(f);
    expect(cellsOf(sheets, 'd')('A1')).toEqual(utc(2025, 3, 5));
    expect(cellsOf(sheets, 'd')('A2')).toEqual(utc(2025, 3, 5));
  });
});

describe('readXlsx: percentage cells', () => {
  it('a number under a percentage format is the text Excel shows, unrounded; a literal "%" changes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('p');
    const cells: [string, number, string][] = [
      ['A1', 0.05, '0%'], ['A2', 0.075, '0%'], ['A3', 0.18, '0.00%'], ['A4', 0.65, '0.0%'], ['A5', 0.28, '[Red]0%;-0%'],
      ['A6', 18, '0"%"'], ['A7', 12, '0\\%'], ['A8', 1000, '#,##0.00'],
    ];
    for (const [ref, value, numFmt] of cells) {
      ws.getCell(ref).value = value;
      ws.getCell(ref).numFmt = numFmt;
    }
    const f = join(dir(), 'percent.xlsx');
    await wb.xlsx.writeFile(f);
    const cell = cellsOf(await ours(f), 'p');
    expect(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'].map(cell)).toEqual(['5%', '7.5%', '18%', '65%', '28%', 18, 12, 1000]);
  });

  it.each([
    ['0%', true], ['0.00%', true], ['#,##0.0%', true], ['[Red]0%;-0%', true],
    ['0"%"', false], ['0\\%', false], ['0.00', false], ['General', false], ['dd-mm-yyyy', false],
  ])('isPercentFormatCode(%s) → %s', (code, percent) => {
    expect(isPercentFormatCode(code)).toBe(percent);
  });
});

describe('readXlsx: other writers', () => {
  it('our template writer (reordered zip, formulas with results, dates, hidden master)', async () => {
    const f = join(dir(), 'template.xlsx');
    await writeTemplateWorkbook(f, {
      sheets: ['b2b', 'cdnr', 'hsnb2b'],
      rows: (id) =>
        id === 'b2b'
          ? [
              { ctin: '29AAACR5055K1Z3', receiverName: 'Acme & Co', inum: 'INV/1', idt: '2025-03-05', val: 118_000, pos: '29', rchrg: 'N', invTyp: 'R', rt: 18, txval: 100_000 },
              { ctin: '27AAACR5055K1Z7', receiverName: "O'Brien", inum: '00042', idt: '2024-12-31', val: 5_000, pos: '27', rchrg: 'N', invTyp: 'R', rt: 5, txval: 4_762 },
            ]
          : [],
    });
    const sheets = await expectSameAsExcelJs(f);
    const b2b = sheets.find((s) => s.name === 'b2b,sez,de')!;
    const r5 = b2b.rows.find((r) => r.row === 5)!.cells;
    expect(r5.slice(0, 5)).toEqual(['29AAACR5055K1Z3', 'Acme & Co', 'INV/1', utc(2025, 3, 5), 1180]);
    expect(cellsOf(sheets, 'b2b,sez,de')('C6')).toBe('00042');
    expect(sheets.at(-1)).toMatchObject({ name: 'master', hidden: true });
  });

  it('the openpyxl fixture (inline strings, no shared strings, sheets first in the zip)', async () => {
    const sheets = await expectSameAsExcelJs(FIXTURE, ['b2b,sez,de!K2', 'b2b,sez,de!K3', 'b2b,sez,de!L2', 'b2b,sez,de!L3']);
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['b2b,sez,de', false], ['gaps', false], ['hsn(b2b)', false], ["R&D's notes", true], ['very', true],
    ]);
    const cell = cellsOf(sheets, 'b2b,sez,de');
    expect(cell('B2')).toBe('Acme & Sons <Pvt>');
    expect(cell('B3')).toBe("  O'Brien  ");
    expect(cell('D2')).toEqual(utc(2025, 3, 5));
    expect(cell('E2')).toBe(1180.5);
    expect(cell('G2')).toBe(true);
    expect(cell('G3')).toBe(false);
    expect(cell('H2')).toEqual({ error: '#N/A' });
    expect(cell('H3')).toEqual({ error: '#DIV/0!' });
    expect(cell('I2')).toBe(2361);
    expect(cell('I3')).toBe(-84);
    expect(cell('J2')).toBe('Acme & Sons <Pvt>!');
    expect(cell('J3')).toEqual({ error: '', uncalculated: true }); // a formula saved with an empty `<v></v>`: never calculated
    expect(cell('K2')).toBe(0.4375); // h:mm (built-in 20): a number
    expect(cell('L3')).toBe(36.5); // [h]:mm:ss (built-in 46): a number
    expect(cell('M2')).toEqual(utc(2024, 2, 29)); // built-in 14
    expect(cell('N2')).toEqual(utc(2025, 1, 31, 12)); // [$-409]d-mmm-yy h:mm;@
    expect(cell('A4')).toBe(null); // an inline-string cell without <is>
    expect(cell('B4')).toBe('हिंदी नाम');
    expect(cell('C4')).toBe(12345);
    const gaps = sheets.find((s) => s.name === 'gaps')!;
    expect(gaps.rows).toEqual([
      { row: 1, cells: ['a1', 'b1', 'c1'] },
      { row: 2, cells: ['a2', null, null, 'd2'] },
      { row: 3, cells: [null, 3] },
      { row: 7, cells: ['a7', null, null, null, 'e7'] },
      { row: 8, cells: ['a8', 'b8'] },
    ]);
  });
});

// ------------------------------------------------------------------------ hand-built zips

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface HandSheet {
  name: string;
  rows?: string;
  xml?: string;
  state?: string;
  target?: string;
  type?: string;
}

/** An xlsx from parts: sheets first (as exceljs writes), then styles, strings, workbook, rels. */
function handBook(
  sheets: HandSheet[],
  opts: { strings?: string; styles?: string; workbookPr?: string; omit?: string[]; lies?: Record<string, number> } = {},
): Buffer {
  const parts: { name: string; data: Buffer; declaredSize?: number }[] = [];
  const add = (name: string, text: string) => {
    if (opts.omit?.includes(name)) return;
    const data = Buffer.from(text);
    parts.push({ name, data, ...(opts.lies?.[name] !== undefined ? { declaredSize: opts.lies[name] } : {}) });
  };
  add('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  sheets.forEach((s, i) => add(`xl/worksheets/sheet${i + 1}.xml`, s.xml ?? `<worksheet ${NS}><sheetData>${s.rows ?? ''}</sheetData></worksheet>`));
  if (opts.styles) add('xl/styles.xml', `<styleSheet ${NS}>${opts.styles}</styleSheet>`);
  if (opts.strings) add('xl/sharedStrings.xml', `<sst ${NS}>${opts.strings}</sst>`);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  add(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS} ${R_NS}>${opts.workbookPr ?? ''}<sheets>${sheets
      .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
  );
  add(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${s.type ?? 'worksheet'}" Target="${s.target ?? `worksheets/sheet${i + 1}.xml`}"/>`)
      .join('')}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  add('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  return zipFile(parts);
}

async function readHand(zip: Buffer, name = 'hand.xlsx'): Promise<Sheet[]> {
  return ours(writeText(dir(), name, zip));
}

const STYLES = `<numFmts count="3"><numFmt numFmtId="164" formatCode="dd\\-mmm\\-yyyy"/><numFmt numFmtId="165" formatCode="hh:mm:ss AM/PM"/><numFmt numFmtId="14" formatCode="0.00"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs>
<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="21"/><xf numFmtId="47"><alignment/></xf></cellXfs>
<dxfs count="1"><dxf><numFmt numFmtId="166" formatCode="yyyy"/></dxf></dxfs>`;

describe('readXlsx: hand-built workbooks', () => {
  it('rows and cells without r= follow on from the previous one', async () => {
    const [s] = await readHand(
      handBook([{ name: 'S', rows: '<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row r="4"><c r="B4"><v>1</v></c></row><row><c/><c><v>3</v></c></row>' }]),
    );
    expect(s!.rows).toEqual([
      { row: 1, cells: [1, 2, null, null, 5, 6] },
      { row: 4, cells: [null, 1] },
      { row: 5, cells: [null, 3] },
    ]);
  });

  it('shared strings: rich runs joined, phonetic runs skipped, spaces kept, entities and _xHHHH_ decoded', async () => {
    const strings = [
      '<si><t>plain</t></si>',
      '<si><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and plain</t></r></si>',
      '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>',
      '<si><t xml:space="preserve">  two spaces  </t></si>',
      '<si><t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#x20B9;</t></si>',
      '<si><t>line1_x000D__x000A_line2 and _x005F_x000D_</t></si>',
      '<si/>',
    ].join('');
    const rows = Array.from({ length: 7 }, (_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join('');
    const [s] = await readHand(handBook([{ name: 'S', rows: `<row r="1">${rows}</row>` }], { strings }));
    expect(s!.rows[0]!.cells).toEqual(['plain', 'Bold and plain', '漢字', '  two spaces  ', `a & b <c> "d" 'e' ₹`, 'line1\r\nline2 and _x000D_', '']);
    // an index the workbook does not have is no blank cell: the file is refused, saying why
    await expect(readHand(handBook([{ name: 'S', rows: '<row r="1"><c r="H1" t="s"><v>99</v></c></row>' }], { strings })))
      .rejects.toMatchObject({ code: 'FILE_UNREADABLE', params: { detail: expect.stringContaining('shared text number "99"') } });
  });

  it('inline strings (plain, rich, phonetic), str, b, e, d, n and uncalculated formulas', async () => {
    const row = [
      '<c r="A1" t="inlineStr"><is><t>inline</t></is></c>',
      '<c r="B1" t="inlineStr"><is><r><t>ri</t></r><r><rPr><i/></rPr><t>ch</t></r><rPh><t>x</t></rPh></is></c>',
      '<c r="C1" t="str"><f>A1&amp;"!"</f><v>inline!</v></c>',
      '<c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c>',
      '<c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
      '<c r="G1" t="d"><v>2025-03-05T00:00:00</v></c>',
      '<c r="H1" t="d"><v>2025-03-05</v></c>',
      '<c r="I1" t="d"><v>2025-03-05T10:00:00+05:30</v></c>',
      '<c r="J1"><v>1.5E-3</v></c>',
      '<c r="K1"><f>SUM(J1:J1)</f></c>',
      '<c r="L1" t="n"><f t="shared" ref="L1:L2" si="0">J1*2</f><v>0.003</v></c>',
      '<c r="M1" s="0"/>',
      '<c r="N1" t="str"><f>""</f><v></v></c>',
      '<c r="O1" t="inlineStr"><is><t></t></is></c>',
      '<c r="P1" t="n"><v>7</v></c>',
      // openpyxl's formulas: an empty `<v>` is no result either, whatever the type but text
      '<c r="Q1"><f>L5*0.01</f><v/></c>',
      '<c r="R1" t="n"><f>J1</f><v></v></c>',
      '<c r="S1" t="b"><f>TRUE()</f><v></v></c>',
    ].join('');
    const [s] = await readHand(handBook([{ name: 'S', rows: `<row r="1">${row}</row>` }]));
    expect(s!.rows[0]!.cells).toEqual([
      'inline', 'rich', 'inline!', true, false, { error: '#DIV/0!' },
      // K1: a formula saved without its result is no blank but an uncalculated cell (a finding)
      utc(2025, 3, 5), utc(2025, 3, 5), utc(2025, 3, 5, 4, 30), 0.0015, { error: '', uncalculated: true }, 0.003, null, null, null, 7,
      { error: '', uncalculated: true }, { error: '', uncalculated: true }, { error: '', uncalculated: true },
    ]);
  });

  it('date styles: custom codes, built-ins (East-Asian 31 is a date, 21 and 47 are times), overridden ids', async () => {
    const cells = [0, 1, 2, 3, 4, 5, 6, 9].map((s, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${s}"><v>45721.25</v></c>`).join('');
    const [s] = await readHand(handBook([{ name: 'S', rows: `<row r="1">${cells}</row>` }], { styles: STYLES }));
    // 0 General, 164 dd-mmm-yyyy, 165 a time, 14 redefined as 0.00, 31 East-Asian date, 21 time, 47 time, style 9 does not exist
    expect(s!.rows[0]!.cells).toEqual([45721.25, utc(2025, 3, 5, 6), 45721.25, 45721.25, utc(2025, 3, 5, 6), 45721.25, 45721.25, 45721.25]);
  });

  it('date1904', async () => {
    const [s] = await readHand(
      handBook([{ name: 'S', rows: '<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>44259</v></c><c r="C1"><v>44259</v></c></row>' }], {
        styles: STYLES,
        workbookPr: '<workbookPr date1904="1"/>',
      }),
    );
    expect(s!.rows[0]!.cells).toEqual([utc(1904, 1, 1), utc(2025, 3, 5), 44259]);
  });

  it('part names: absolute and ../ targets, prefixed elements, odd case, no styles or shared strings', async () => {
    const prefixed = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>px</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    const zip = handBook(
      [
        { name: 'abs', rows: '<row r="1"><c r="A1"><v>1</v></c></row>', target: '/xl/worksheets/sheet1.xml' },
        { name: 'dots', rows: '<row r="1"><c r="A1"><v>2</v></c></row>', target: '../xl/worksheets/sheet2.xml' },
        { name: 'prefixed', xml: prefixed },
        { name: 'CASE', rows: '<row r="1"><c r="A1"><v>4</v></c></row>', target: 'Worksheets/Sheet4.xml' },
      ],
      { omit: ['xl/styles.xml', 'xl/sharedStrings.xml'] },
    );
    const sheets = await readHand(zip);
    expect(sheets.map((s) => [s.name, s.rows])).toEqual([
      ['abs', [{ row: 1, cells: [1] }]],
      ['dots', [{ row: 1, cells: [2] }]],
      ['prefixed', [{ row: 2, cells: [null, 'px'] }]],
      ['CASE', [{ row: 1, cells: [4] }]],
    ]);
  });

  it('skips chart sheets; keeps hidden and veryHidden sheets, flagged', async () => {
    const sheets = await readHand(
      handBook([
        { name: 'a', rows: '' },
        { name: 'chart', type: 'chartsheet', target: 'chartsheets/sheet1.xml', xml: '<chartsheet/>' },
        { name: 'h', state: 'hidden' },
        { name: 'v', state: 'veryHidden' },
      ]),
    );
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([['a', false], ['h', true], ['v', true]]);
  });

  it('yields every <row>, even one without cells', async () => {
    const [s] = await readHand(handBook([{ name: 'S', rows: '<row r="3" ht="20" customHeight="1"/><row r="4"><c r="A4" s="0"/></row>' }]));
    expect(s!.rows).toEqual([{ row: 3, cells: [] }, { row: 4, cells: [] }]);
  });
});

describe('readXlsx: damaged and hostile workbooks', () => {
  const code = async (zip: Buffer) => {
    try {
      await readHand(zip);
      return 'read';
    } catch (e) {
      return `${(e as { code?: string }).code}: ${JSON.stringify((e as { params?: unknown }).params)}`;
    }
  };

  it('a sheet part that inflates to more than it declares is cut off', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    expect(await code(handBook([{ name: 'S', rows }], { lies: { 'xl/worksheets/sheet1.xml': 1000 } }))).toMatch(
      /FILE_UNREADABLE.*inflates to more than its declared 1000 bytes/,
    );
  });

  it('a sheet part shorter than declared, broken XML, a column past XFD, a missing sheet part', async () => {
    expect(await code(handBook([{ name: 'S', rows: '<row r="1"/>' }], { lies: { 'xl/worksheets/sheet1.xml': 99_999 } }))).toMatch(
      /FILE_UNREADABLE.*not its declared 99999/,
    );
    expect(await code(handBook([{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></row>' }]))).toMatch(/FILE_UNREADABLE.*sheet \\"S\\"/);
    expect(await code(handBook([{ name: 'S', rows: '<row r="1"><c r="XFE1"><v>1</v></c></row>' }]))).toMatch(/FILE_UNREADABLE.*beyond column XFD/);
    expect(await code(handBook([{ name: 'S', rows: '<row r="1"><c r="AAAAAAAAAAAAAAAAAAAA1"><v>1</v></c></row>' }]))).toMatch(/beyond column XFD/);
    expect(await code(handBook([{ name: 'S' }], { omit: ['xl/worksheets/sheet1.xml'] }))).toMatch(/FILE_UNREADABLE.*sheet \\"S\\" is missing/);
    expect(await code(handBook([{ name: 'S' }], { omit: ['xl/workbook.xml'] }))).toMatch(/FILE_UNREADABLE.*workbook part/);
    expect(await code(handBook([{ name: 'S', xml: '<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&a;</t></is></c></row></sheetData></worksheet>' }]))).toMatch(
      /FILE_UNREADABLE.*undefined entity/,
    );
  });

  it('a truncated workbook', async () => {
    const good = handBook([{ name: 'S', rows: '<row r="1"/>' }]);
    expect(await code(good.subarray(0, good.length - 30))).toMatch(/FILE_TRUNCATED/);
  });

  it('leaving a sheet early closes its file', async () => {
    if (process.platform !== 'linux') return;
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const f = writeText(dir(), 'early.xlsx', handBook([{ name: 'S', rows }, { name: 'T', rows }]));
    const open = () =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`) === f;
        } catch {
          return false;
        }
      }).length;
    let seen = 0;
    let during = 0;
    for await (const sheet of readXlsx(f)) {
      for await (const r of sheet.rows) {
        if (++seen % 10 === 0) {
          during = Math.max(during, open());
          if (r.row >= 100) break;
        }
      }
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(during).toBe(1);
    expect(open()).toBe(0);
  });
});

describe('serialToDate and isDateFormatCode', () => {
  it('1900 system with its leap-year bug, 1904 system', () => {
    expect(serialToDate(1)).toEqual(utc(1900, 1, 1));
    expect(serialToDate(59)).toEqual(utc(1900, 2, 28));
    expect(serialToDate(60)).toBe(60); // 29-Feb-1900 never was
    expect(serialToDate(61)).toEqual(utc(1900, 3, 1));
    expect(serialToDate(45721)).toEqual(utc(2025, 3, 5));
    expect(serialToDate(45721.5)).toEqual(utc(2025, 3, 5, 12));
    expect(serialToDate(-1)).toBe(-1);
    expect(serialToDate(3_000_000)).toBe(3_000_000);
    expect(serialToDate(0, true)).toEqual(utc(1904, 1, 1));
    expect(serialToDate(45721 - 1462, true)).toEqual(utc(2025, 3, 5));
  });

  it.each([
    ['dd-mmm-yyyy', true], ['d/m/yy', true], ['mmm', true], ['yyyy', true], ['[$-409]d-mmm-yy;@', true],
    ['[$-F800]dddd, mmmm dd, yyyy', true], ['m/d/yy h:mm', true], ['dd\\-mm\\-yyyy', true], ['[Red]dd/mm/yyyy', true],
    ['h:mm', false], ['hh:mm:ss AM/PM', false], ['mm:ss', false], ['[h]:mm:ss', false], ['[mm]:ss', false], ['mm:ss.0', false],
    ['General', false], ['0.00', false], ['#,##0.00 "dry"', false], ['0.00\\d', false], ['0.00E+00', false], ['@', false],
    ['#,##0_);[Red](#,##0)', false], ['_-* #,##0.00_-;\\-* #,##0.00_-;_-* "-"??_-;_-@_-', false],
  ])('%s → %s', (code, date) => {
    expect(isDateFormatCode(code)).toBe(date);
  });
});
