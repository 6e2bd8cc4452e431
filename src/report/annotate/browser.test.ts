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

    installHost(browserHost(new Map([['gstr1-sample.xlsx', new Blob([readFileSync(SAMPLE)])]]), { 'hsn-master': { data: [] }, 'retsave-schema': {} }));
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
});
