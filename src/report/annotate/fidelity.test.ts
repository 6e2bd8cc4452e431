/**
 * The annotated copy against Excel's own features in the input (issue 14 item 2): shared
 * formulas, merged cells, data validations, defined names (one per sheet too), a hidden sheet,
 * frozen panes, existing notes, rich text and styles. Every part we do not change is
 * byte-identical, our reader and exceljs read every value back, and LibreOffice opens the file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argb, noteOf } from '../../../test/helpers/annotated.js';
import type { Finding } from '../../model/finding.js';
import type { RawRow } from '../../parsers/raw.js';
import { readXlsx } from '../../parsers/xlsx.js';
import { readZip, type ZipEntry } from '../../parsers/zip.js';
import { annotateFiles } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'gstr1-fidelity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** soffice on the PATH (the CI installs libreoffice-calc-nogui; see .ci/run). */
const SOFFICE = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();

async function featureWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  ws.columns = [{ width: 18 }, { width: 30 }, { width: 12 }, { width: 14 }, { width: 12 }];
  ws.getRow(1).values = ['GSTIN', 'Name', 'Type', 'Date', 'Value'];
  ws.getRow(1).eachCell((c) => {
    c.font = { bold: true, color: { argb: 'FF1F4E79' } };
    c.border = { bottom: { style: 'medium' } };
  });
  const rows: unknown[][] = [
    ['27AAPFU0939F1ZV', { richText: [{ text: 'Shree ', font: { bold: true } }, { text: 'Traders' }] }, 'B2B', new Date(Date.UTC(2024, 2, 5)), 1180.5],
    ['29AABCU9603R1ZM', 'Sai Steel', 'B2B', new Date(Date.UTC(2024, 2, 31)), 1050],
    ['07AAACR5055K1Z5', 'Om Foods ₹ – “quoted”', 'SEZ', new Date(Date.UTC(2024, 2, 12)), 1120],
  ];
  rows.forEach((r, i) => {
    const row = ws.getRow(2 + i);
    r.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      cell.value = v as ExcelJS.CellValue;
      if (v instanceof Date) cell.numFmt = 'dd-mmm-yyyy';
      if (j === 4) {
        cell.numFmt = '#,##0.00';
        cell.font = { italic: true };
        cell.border = { left: { style: 'thin' } };
      }
    });
  });
  ws.fillFormula('F2:F4', 'E2*2', [2361, 2100, 2240]);
  ws.getCell('B3').note = 'Checked by the accountant';
  ws.getCell('D2').note = 'Date from the e-invoice';
  ws.mergeCells('A6:C6');
  ws.getCell('A6').value = 'Totals';
  ws.getCell('E6').value = { formula: 'SUM(E2:E4)', result: 3350.5 };
  for (const a of ['C2', 'C3', 'C4']) ws.getCell(a).dataValidation = { type: 'list', allowBlank: true, formulae: ['"B2B,SEZ,DE"'] };
  ws.pageSetup.printArea = 'A1:F6';
  wb.definedNames.add("'Data'!$E$2:$E$4", 'InvoiceValues');

  const hidden = wb.addWorksheet('Lists', { state: 'hidden' });
  hidden.getCell('A1').value = 'B2B';
  hidden.getCell('A2').value = 'SEZ';

  const other = wb.addWorksheet('Notes');
  other.getCell('A1').value = 'Untouched sheet with a note';
  other.getCell('A1').note = 'Leave me alone';
  other.pageSetup.printArea = 'A1:A1';
  await wb.xlsx.writeFile(file);
}

const input = join(dir, 'features.xlsx');
const out = join(dir, 'features.errors.xlsx');
const findings: Finding[] = [
  // on a cell with the user's note: one note with both texts
  { code: 'CELL_INVALID_GSTIN', severity: 'error', file: input, sheet: 'Data', row: 3, col: 2, value: 'Sai Steel' },
  // on a styled number: keeps its format, font and border
  { code: 'AMOUNT_DECIMALS', severity: 'warning', file: input, sheet: 'Data', row: 2, col: 5, value: '1180.5' },
  // on a cell the row does not have, after its last one
  { code: 'CELL_REQUIRED', severity: 'error', file: input, sheet: 'Data', row: 4, col: 8 },
  // on a row the sheet does not have
  { code: 'CELL_REQUIRED', severity: 'error', file: input, sheet: 'Data', row: 9, col: 2 },
  // on the merged range's first cell, and on a shared formula's dependent cell
  { code: 'DOC_FIELD_MISMATCH', severity: 'warning', file: input, sheet: 'Data', row: 6 },
  { code: 'CELL_INVALID_NUMBER', severity: 'warning', file: input, sheet: 'Data', row: 3, col: 6 },
  // the hidden sheet, which has no notes yet
  { code: 'CELL_INVALID_HSN', severity: 'error', file: input, sheet: 'Lists', row: 2, col: 1 },
];

const MARKED = new Set(['Data!B3', 'Data!E2', 'Data!H4', 'Data!B9', 'Data!A6', 'Data!F3', 'Lists!A2']);

function normalised(rows: readonly RawRow[]): { row: number; cells: unknown[] }[] {
  return rows
    .filter((r) => r.cells.some((v) => v !== null))
    .map((r) => {
      const cells = [...r.cells];
      while (cells.length && cells[cells.length - 1] === null) cells.pop();
      return { row: r.row, cells };
    });
}

async function ourRead(file: string): Promise<Map<string, { hidden: boolean; rows: { row: number; cells: unknown[] }[] }>> {
  const out = new Map<string, { hidden: boolean; rows: { row: number; cells: unknown[] }[] }>();
  for await (const s of readXlsx(file)) {
    const rows: RawRow[] = [];
    for await (const r of s.rows) rows.push(r);
    out.set(s.name, { hidden: s.hidden, rows: normalised(rows) });
  }
  return out;
}

/** Each entry's stored (compressed) bytes, by name. */
function storedEntries(file: string, entries: readonly ZipEntry[]): Map<string, Buffer> {
  const buf = readFileSync(file);
  const out = new Map<string, Buffer>();
  for (const e of entries) {
    const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
    out.set(e.name, Buffer.concat([Buffer.from(`${e.method}:${e.crc}:${e.size}:`), buf.subarray(start, start + e.compressedSize)]));
  }
  return out;
}


describe('annotateFiles: fidelity to the input workbook', () => {
  let src: ExcelJS.Workbook;
  let got: ExcelJS.Workbook;

  beforeAll(async () => {
    await featureWorkbook(input);
    const r = await annotateFiles([input], findings, out);
    expect(r).toEqual({ out, notes: 7, fills: 7, unmatched: 0 });
    src = new ExcelJS.Workbook();
    await src.xlsx.readFile(input);
    got = new ExcelJS.Workbook();
    await got.xlsx.readFile(out);
  });

  it('copies every part it does not change byte for byte, still compressed', async () => {
    const a = await readZip(input);
    const b = await readZip(out);
    const before = storedEntries(input, a.entries);
    const after = storedEntries(out, b.entries);
    const changed = [...before.keys()].filter((n) => !after.get(n)?.equals(before.get(n)!)).sort();
    // the Data sheet (marked, with notes) and Lists (marked) are streamed; Notes is not touched
    expect(changed).toEqual([
      '[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml',
      'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/_rels/sheet1.xml.rels', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml',
    ].sort());
    // nothing of the input is lost, and the parts added are the Errors sheet and the Lists sheet's notes
    const added = [...after.keys()].filter((n) => !before.has(n)).sort();
    expect(added).toHaveLength(4);
    expect(added.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))).toHaveLength(1);
    expect(added.filter((n) => /vmlDrawing\d+\.vml$/.test(n))).toHaveLength(1);
    expect(added.filter((n) => /comments\d+\.xml$/.test(n))).toHaveLength(1);
    expect(added.filter((n) => /_rels\/sheet2\.xml\.rels$/.test(n))).toHaveLength(1);
  });

  it('reads back the same with our reader: every value of every sheet, hidden states', async () => {
    const a = await ourRead(input);
    const b = await ourRead(out);
    expect([...b.keys()]).toEqual(['Errors', ...a.keys()]);
    for (const [name, sheet] of a) expect(b.get(name), name).toEqual(sheet);
  });

  it('reads back the same with exceljs: values, formulas, rich text, styles, merges, validations, names, views', () => {
    expect(got.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Errors', 'visible'], ['Data', 'visible'], ['Lists', 'hidden'], ['Notes', 'visible'],
    ]);
    for (const sws of src.worksheets) {
      const gws = got.getWorksheet(sws.name)!;
      sws.eachRow((row, r) =>
        row.eachCell((sc, c) => {
          const gc = gws.getCell(r, c);
          const at = `${sws.name}!${sc.address}`;
          expect(gc.value, at).toEqual(sc.value);
          expect(gc.numFmt, at).toEqual(sc.numFmt);
          // a marked cell without a style of its own shows the default font and border with its fill
          if (sc.font || !MARKED.has(at)) expect(gc.font, at).toEqual(sc.font);
          if (sc.border || !MARKED.has(at)) expect(gc.border, at).toEqual(sc.border);
          expect(gc.dataValidation, at).toEqual(sc.dataValidation);
        }),
      );
      expect(gws.model.merges, sws.name).toEqual(sws.model.merges);
      expect(gws.views, sws.name).toEqual(sws.views);
      expect(gws.pageSetup.printArea, sws.name).toEqual(sws.pageSetup.printArea);
      // (exceljs lists columns up to the last cell used, which an inserted cell may move on)
      expect(gws.columns?.slice(0, sws.columns?.length ?? 0).map((c) => c.width), sws.name).toEqual(sws.columns?.map((c) => c.width) ?? []);
    }
    expect(got.definedNames.getRanges('InvoiceValues')).toEqual(src.definedNames.getRanges('InvoiceValues'));
  });

  it('marks the finding cells, inserting the missing ones, and keeps every note of the user', () => {
    const data = got.getWorksheet('Data')!;
    expect(argb(data.getCell('B3'))).toBe('FFFF0000');
    expect(noteOf(data.getCell('B3'))).toMatch(/^Checked by the accountant\n\nError CELL_INVALID_GSTIN: /);
    expect(noteOf(data.getCell('D2'))).toBe('Date from the e-invoice');
    expect(argb(data.getCell('E2'))).toBe('FFFFC000');
    expect(data.getCell('E2').numFmt).toBe('#,##0.00');
    expect(data.getCell('E2').font).toEqual({ italic: true });
    expect(argb(data.getCell('H4'))).toBe('FFFF0000');
    expect(argb(data.getCell('B9'))).toBe('FFFF0000');
    expect(noteOf(data.getCell('B9'))).toContain('CELL_REQUIRED');
    expect(argb(data.getCell('A6'))).toBe('FFFFC000');
    expect(argb(data.getCell('F3'))).toBe('FFFFC000');
    expect(argb(data.getCell('D3'))).toBeUndefined();
    expect(argb(got.getWorksheet('Lists')!.getCell('A2'))).toBe('FFFF0000');
    expect(noteOf(got.getWorksheet('Lists')!.getCell('A2'))).toContain('CELL_INVALID_HSN');
    expect(noteOf(got.getWorksheet('Notes')!.getCell('A1'))).toBe('Leave me alone');
  });

  it.skipIf(!SOFFICE)('opens in LibreOffice without repair: a headless conversion succeeds and keeps the marks', async () => {
    const conv = join(dir, 'lo');
    const profile = join(dir, 'lo-profile');
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', conv, out], { timeout: 120_000, stdio: 'pipe' });
    const file = join(conv, 'features.errors.xlsx');
    expect(existsSync(file)).toBe(true);
    const lo = new ExcelJS.Workbook();
    await lo.xlsx.readFile(file);
    expect(lo.worksheets.map((w) => w.name)).toEqual(['Errors', 'Data', 'Lists', 'Notes']);
    expect(argb(lo.getWorksheet('Data')!.getCell('B3'))).toBe('FFFF0000');
    expect(noteOf(lo.getWorksheet('Data')!.getCell('B3'))).toContain('CELL_INVALID_GSTIN');
    expect(lo.getWorksheet('Data')!.getCell('F3').value).toMatchObject({ result: 2100 });
    expect(lo.getWorksheet('Errors')!.getCell('B3').value).toBe('CELL_INVALID_GSTIN');
  }, 150_000);
});
