/**
 * The annotated workbook reads each input xlsx through exceljs's streaming reader, which loses or
 * misnames sheets when they come before the workbook part and the shared strings in the zip
 * (exceljs #3064; exceljs's own streaming writer writes them in that order). It therefore reads a
 * temp copy reordered by `reorderXlsx(src, dest)` (../template/zip-order.ts), deleted afterwards.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, writeText, zipFile } from '../../../test/helpers/files.js';
import type { Finding } from '../../model/finding.js';
import { readXlsx } from '../../parsers/xlsx.js';
import { readEntry, readZip } from '../../parsers/zip.js';
import { reorderXlsx } from '../template/reorder-file.js';
import { relativeRels } from '../template/zip-order.js';
import { annotateFiles } from './index.js';

const dirs: string[] = [];
const dir = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const NAMES = Array.from({ length: 24 }, (_, i) => (i === 0 ? 'b2b,sez,de' : i === 5 ? "hsn(b2b) & R&D's" : `sheet ${i + 1}`));

/**
 * 24 sheets from exceljs's streaming writer: worksheets first, shared strings and workbook.xml
 * last. Read directly by exceljs's streaming reader, this workbook came back with 16-21 sheets
 * named "Sheet1"... in 8 runs of 8 (Node 20.20.2).
 */
async function streamedWorkbook(file: string): Promise<string> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  NAMES.forEach((name, i) => {
    const ws = wb.addWorksheet(name);
    for (let r = 1; r <= 30; r++) {
      const row = ws.getRow(r);
      // few distinct strings: a small sharedStrings part, the case exceljs's reader loses most often
      row.values = [`s${i}`, r * (i + 1), r % 2 === 0 ? 'even' : 'odd'];
      row.commit();
    }
    ws.commit();
  });
  await wb.commit();
  return file;
}

const names = async (f: string) => (await readZip(f)).entries.map((e) => e.name);
const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const leftovers = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`gstr1-annotate-${process.pid}-`));

async function ours(file: string) {
  const out: { name: string; rows: unknown[] }[] = [];
  for await (const s of readXlsx(file)) {
    const rows: unknown[] = [];
    for await (const r of s.rows) rows.push(r);
    out.push({ name: s.name, rows });
  }
  return out;
}

describe('reorderXlsx(src, dest)', () => {
  it('writes the parts in Excel order to dest, adding no shared strings when there are some, and leaves src alone', async () => {
    const d = dir();
    const src = await streamedWorkbook(join(d, 'in.xlsx'));
    const before = await names(src);
    expect(before.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(before.indexOf('xl/workbook.xml'));
    const h = hash(src);
    const dest = join(d, 'out.xlsx');
    await reorderXlsx(src, dest);
    expect(hash(src)).toBe(h);
    const after = await names(dest);
    expect(after.slice(0, 4)).toEqual(['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'docProps/app.xml']);
    expect(after.indexOf('xl/sharedStrings.xml')).toBeLessThan(after.indexOf('xl/worksheets/sheet1.xml'));
    expect(after.indexOf('xl/workbook.xml')).toBeLessThan(after.indexOf('xl/worksheets/sheet1.xml'));
    expect([...after].sort()).toEqual([...before].sort());
    expect(await ours(dest)).toEqual(await ours(src));
  });

  it('adds an empty shared-strings part when there is none', async () => {
    const d = dir();
    const f = join(d, 'inline.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: f, useSharedStrings: false });
    const ws = wb.addWorksheet('a');
    ws.getRow(1).values = ['x', 1];
    ws.getRow(1).commit();
    ws.commit();
    await wb.commit();
    const read = await ours(f);
    expect(await names(f)).not.toContain('xl/sharedStrings.xml');
    const dest = join(d, 'out.xlsx');
    await reorderXlsx(f, dest);
    expect(await names(dest)).toContain('xl/sharedStrings.xml');
    expect(await ours(dest)).toEqual(read);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(dest);
    expect(back.getWorksheet('a')!.getCell('A1').value).toBe('x');
  });

  it('leaves nothing at dest when src cannot be read', async () => {
    const d = dir();
    const bad = join(d, 'bad.xlsx');
    writeFileSync(bad, 'not a zip at all');
    await expect(reorderXlsx(bad, join(d, 'out.xlsx'))).rejects.toThrow();
    expect(readdirSync(d)).toEqual(['bad.xlsx']);
  });
});

describe('annotateFiles on a workbook whose sheets come before its shared strings', () => {
  it('copies all 24 sheets, named, with their rows and marks, and deletes its temp copy', async () => {
    const d = dir();
    const input = await streamedWorkbook(join(d, 'many.xlsx'));
    const findings: Finding[] = [
      { code: 'CELL_REQUIRED', severity: 'error', file: input, sheet: 'sheet 18', row: 7, col: 2 },
      { code: 'CELL_REQUIRED', severity: 'error', file: input, sheet: "hsn(b2b) & R&D's", row: 30, col: 1 },
    ];
    const out = join(d, 'out.xlsx');
    const res = await annotateFiles([input], findings, out);
    expect(res).toMatchObject({ fills: 2, unmatched: 0 });
    const got = new ExcelJS.Workbook();
    await got.xlsx.readFile(out);
    expect(got.worksheets.map((w) => w.name)).toEqual(['Errors', ...NAMES]);
    NAMES.forEach((name, i) => {
      const ws = got.getWorksheet(name)!;
      expect(ws.rowCount, name).toBe(30);
      expect(ws.getCell('A30').value, name).toBe(`s${i}`);
      expect(ws.getCell('B7').value, name).toBe(7 * (i + 1));
    });
    const fill = got.getWorksheet('sheet 18')!.getCell('B7').fill;
    expect(fill?.type === 'pattern' ? fill.fgColor?.argb : undefined).toMatch(/^FF/);
    expect(leftovers()).toEqual([]);
  });

  it('deletes its temp copy when the input turns out damaged', async () => {
    const d = dir();
    const input = await streamedWorkbook(join(d, 'many.xlsx'));
    // keep the zip's central directory but corrupt a sheet's compressed bytes
    const buf = readFileSync(input);
    const at = buf.indexOf('xl/worksheets/sheet3.xml');
    buf.fill(0x55, at + 40, at + 400);
    writeFileSync(input, buf);
    await expect(annotateFiles([input], [], join(d, 'out.xlsx'))).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
    expect(leftovers()).toEqual([]);
    expect(readdirSync(d)).toEqual(['many.xlsx']);
  });
});

describe('a workbook whose relationships give absolute targets (as openpyxl writes them)', () => {
  it('relativeRels makes each internal target relative to its folder and leaves external links alone', () => {
    const rels =
      '<Relationships><Relationship Id="rId1" Type="t/worksheet" Target="/xl/worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="t/comments" Target="/xl/comments/comment1.xml"/>' +
      '<Relationship Id="rId3" Type="t/hyperlink" Target="/srv/x.html" TargetMode="External"/>' +
      '<Relationship Id="rId4" Type="t/styles" Target="styles.xml"/></Relationships>';
    expect(relativeRels(rels, 'xl/')).toBe(
      '<Relationships><Relationship Id="rId1" Type="t/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="t/comments" Target="comments/comment1.xml"/>' +
        '<Relationship Id="rId3" Type="t/hyperlink" Target="/srv/x.html" TargetMode="External"/>' +
        '<Relationship Id="rId4" Type="t/styles" Target="styles.xml"/></Relationships>',
    );
    expect(relativeRels('<Relationship Id="a" Target="/xl/comments1.xml"/>', 'xl/worksheets/')).toBe('<Relationship Id="a" Target="../comments1.xml"/>');
  });

  it('annotated with a CSV (the copy made through exceljs), keeps its sheets\' names and rows', async () => {
    const d = dir();
    // a workbook as exceljs writes it, its workbook relationships then made absolute
    const plain = join(d, 'plain.xlsx');
    const wb = new ExcelJS.Workbook();
    for (const name of ['Help', 'b2b,sez,de']) {
      const ws = wb.addWorksheet(name);
      ws.getCell('A1').value = `${name} title`;
      ws.getCell('B7').value = 7;
    }
    await wb.xlsx.writeFile(plain);
    const entries = [];
    for (const e of (await readZip(plain)).entries) {
      let data = await readEntry(plain, e);
      if (e.name === 'xl/_rels/workbook.xml.rels') data = Buffer.from(data.toString('utf8').replace(/Target="(?!\/)/g, 'Target="/xl/'));
      entries.push({ name: e.name, data });
    }
    const input = join(d, 'absolute.xlsx');
    writeFileSync(input, zipFile(entries));
    expect((await readEntry(input, (await readZip(input)).entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels')!)).toString()).toContain('Target="/xl/worksheets/');
    const csv = writeText(d, 'b2cs.csv', 'Type,Place Of Supply,Rate,Taxable Value\nOE,27-Maharashtra,18,100\n');
    const out = join(d, 'out.xlsx');
    const findings: Finding[] = [{ code: 'CELL_REQUIRED', severity: 'error', file: input, sheet: 'b2b,sez,de', row: 7, col: 2 }];
    const res = await annotateFiles([input, csv], findings, out);
    expect(res).toMatchObject({ fills: 1, unmatched: 0 });
    const got = new ExcelJS.Workbook();
    await got.xlsx.readFile(out);
    expect(got.worksheets.map((w) => w.name).slice(0, 3)).toEqual(['Errors', 'Help', 'b2b,sez,de']);
    expect(got.getWorksheet('b2b,sez,de')!.getCell('A1').value).toBe('b2b,sez,de title');
    expect(got.getWorksheet('b2b,sez,de')!.getCell('B7').note).toBeTruthy();
  });
});
