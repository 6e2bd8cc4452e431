/**
 * The web page's annotated workbook (browser.ts), run in Node through the browser host: the same
 * Annotation as the command line's file, so the same cells carry the same notes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../model/finding.js';
import { browserHost } from '../../parsers/host/browser.js';
import { nodeHost } from '../../parsers/host/node.js';
import { installHost } from '../../parsers/host/source.js';
import { readEntry, readZip } from '../../parsers/zip.js';
import { annotateToBytes } from './browser.js';
import { annotateFiles } from './index.js';

const SAMPLE = 'templates/sample/gstr1-sample.xlsx';
const dir = mkdtempSync(join(tmpdir(), 'gstr1-annotate-browser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => installHost(nodeHost));

const finding = (file: string, sheet: string, row: number, column: string, code: string): Finding =>
  ({ code, severity: 'error', file, sheet, row, column, params: {} }) as unknown as Finding;

async function notesOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const out = new Map<string, string>();
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const n = cell.note;
        if (n) out.set(`${ws.name}!${cell.address}`, typeof n === 'string' ? n : n.texts?.map((t) => t.text).join('') ?? '');
      }),
    ),
  );
  return out;
}

describe('annotate: in memory (the web page)', () => {
  it('notes the same cells as the file the command line writes, with the Errors sheet first', async () => {
    const findings = (file: string) => [finding(file, 'b2b,sez,de', 5, 'A', 'GSTIN_CHECKSUM'), finding(file, 'hsn(b2b)', 6, 'D', 'HSN_LENGTH')];
    const out = join(dir, 'cli.xlsx');
    await annotateFiles([SAMPLE], findings(SAMPLE), out);
    const cli = await notesOf(readFileSync(out));

    installHost(browserHost(new Map([['gstr1-sample.xlsx', new Blob([readFileSync(SAMPLE)])]]), { 'hsn-codes': { codes: '' }, 'retsave-schema': {} }));
    const web = await annotateToBytes(['gstr1-sample.xlsx'], findings('gstr1-sample.xlsx'));
    expect(web.notes).toBe(2);
    const notes = await notesOf(web.bytes);
    expect([...notes.keys()].sort()).toEqual([...cli.keys()].sort());
    expect(notes.size).toBe(2);
    expect([...notes.values()].join('\n')).toMatch(/GSTIN_CHECKSUM/);
    writeFileSync(join(dir, 'web.xlsx'), web.bytes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'web.xlsx'));
    expect(wb.worksheets[0]!.name).toBe('Errors');
    expect(wb.worksheets.map((w) => w.name)).toEqual((await (async () => {
      const c = new ExcelJS.Workbook();
      await c.xlsx.readFile(out);
      return c.worksheets.map((w) => w.name);
    })()));
  });

  it('writes the same workbook for CSVs as the command line, byte for byte but for the zip dates', async () => {
    const csv = 'GSTIN/UIN of Recipient,Invoice Number\n27AAPFU0939F1ZV,INV/1\n29AABCU9603R1ZM,"INV, 2"\n';
    const file = join(dir, 'b2b.csv');
    writeFileSync(file, csv);
    const findings = (f: string) => [finding(f, 'b2b,sez,de', 3, 'B', 'DOC_NUMBER_FORMAT'), finding(f, 'b2b,sez,de', 2, 'A', 'GSTIN_CHECKSUM')].map((x, i) => ({ ...x, col: i + 1 }));
    const out = join(dir, 'cli-csv.xlsx');
    await annotateFiles([file], findings(file), out);
    installHost(browserHost(new Map([['b2b.csv', new Blob([csv])]]), { 'hsn-codes': { codes: '' }, 'retsave-schema': {} }));
    const web = await annotateToBytes(['b2b.csv'], findings('b2b.csv'));
    expect(web).toMatchObject({ notes: 2, fills: 2, unmatched: 0 });
    installHost(nodeHost);
    // the file names differ (the Errors sheet's File column), and the zip headers' times
    const cli = await zipTexts(readFileSync(out));
    const page = await zipTexts(Buffer.from(web.bytes));
    expect([...page.keys()]).toEqual([...cli.keys()]);
    for (const [name, text] of cli) expect(page.get(name), name).toBe(text.replaceAll(file, 'b2b.csv'));
  });
});

/** Every entry of a zip as text, in the zip's order. */
async function zipTexts(bytes: Buffer): Promise<Map<string, string>> {
  const p = join(dir, `z-${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(p, bytes);
  const out = new Map<string, string>();
  for (const e of (await readZip(p)).entries) out.set(e.name, (await readEntry(p, e)).toString('utf8'));
  return out;
}
