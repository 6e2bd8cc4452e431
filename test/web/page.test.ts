/**
 * The web page in a real browser (issue 12): built as static files, served by a plain static
 * server, driven in headless Chromium. The same checks as the command line, no request leaving
 * the page, and the annotated workbook's notes read back with our own zip reader.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateReturn } from '../../bench/gen-return.mjs';
import { validateFiles } from '../../src/api/validate.js';
import { checkReturn, failureOf } from '../../src/web/check.js';
import { failureText } from '../../web/src/format.js';
import { READ_APART_BYTES } from '../../web/src/read-apart.js';
import { splitRegister } from '../../src/api/split.js';
import { cellText } from '../../src/parsers/raw.js';
import { readXlsx } from '../../src/parsers/xlsx.js';
import { readEntry, readZip } from '../../src/parsers/zip.js';
import { mappingLayout } from '../../src/register/mapping.js';
import { matchPortalErrors, parseStatusResponse } from '../../src/upload/error-report.js';
import { b2bCsv } from './b2b-csv.js';
import { chooseFiles, shot, watchRequests } from './browser.js';
import { builtPage } from './built-page.js';

const ROOT = join(import.meta.dirname, '../..');
const SAMPLE = join(ROOT, 'templates/sample/gstr1-sample.xlsx');
const REGISTER = join(ROOT, 'templates/sample/sales-register.xlsx');
const GSTIN = '27AAKCS4821M1ZW';
const web = builtPage('gstr1-web-');
const dir = web.dir;
/** for what waits on the page's worker: a loaded machine (2 cores, several test runs) takes seconds */
const SLOW = { timeout: 30_000 };

async function open(): Promise<{ page: Page; requests: ReturnType<typeof watchRequests> }> {
  const context = await web.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const requests = watchRequests(page, web.url);
  await page.goto(web.url);
  return { page, requests };
}

async function check(page: Page, files: string | string[], gstin: string, period: string): Promise<void> {
  await chooseFiles(page, files);
  await page.getByRole('textbox', { name: 'GSTIN' }).fill(gstin);
  await page.getByRole('textbox', { name: 'Return period' }).fill(period);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await page.locator('#verdict').filter({ hasText: /^[\d,]+ errors?$/ }).waitFor();
}

/** How many times the page's reading worker (reader.js) was asked for, so far. */
const readerLoads = () => web.served.filter((p) => p === 'reader.js').length;

/** The checked page shows `node`'s verdict, and its findings CSV is `node`'s, the file named as the page names it. */
async function expectNodeFindings(page: Page, node: { errors: number; csv: string }, file: string, name: string): Promise<void> {
  await expect.poll(() => page.locator('#verdict').textContent()).toBe(`${node.errors.toLocaleString('en-IN')} errors`);
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download findings (CSV)' }).click();
  expect(readFileSync((await (await csv).path())!, 'utf8')).toBe(node.csv.replaceAll(file, name));
}

/** Cell addresses that carry a note, per comments part, read with our own zip reader. */
async function notedCells(file: string): Promise<string[]> {
  const zip = await readZip(file);
  const refs: string[] = [];
  for (const e of zip.entries.filter((x) => /^xl\/comments\d*\.xml$/.test(x.name))) {
    const xml = (await readEntry(file, e)).toString('utf8');
    for (const m of xml.matchAll(/<comment ref="([A-Z]+\d+)"/g)) refs.push(m[1]!);
  }
  return refs.sort();
}

/** Every sheet of a workbook as text rows, read with our own reader. */
async function sheetTexts(file: string): Promise<Map<string, string[][]>> {
  const out = new Map<string, string[][]>();
  for await (const s of readXlsx(file)) {
    const rows: string[][] = [];
    for await (const r of s.rows) {
      const cells = r.cells.map((c) => cellText(c));
      // an empty text cell is no cell (exceljs's in-memory writer keeps it, its streaming one drops it)
      while (cells.length && cells[cells.length - 1] === '') cells.pop();
      if (cells.length) rows.push(cells);
    }
    out.set(s.name, rows);
  }
  return out;
}

/** The sample with two bad cells: a recipient GSTIN whose check character is wrong, an HSN code of letters. */
async function workbookWithErrors(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const b2b = wb.getWorksheet('b2b,sez,de')!;
  const gstinCell = b2b.getCell('A5');
  const good = String(gstinCell.value);
  gstinCell.value = good.slice(0, 14) + (good.endsWith('A') ? 'B' : 'A');
  const hsn = wb.getWorksheet('hsn(b2b)')!;
  hsn.getCell('A5').value = 'ABCD';
  const out = join(dir, 'sales-with-errors.xlsx');
  await wb.xlsx.writeFile(out);
  return out;
}

describe('web page: static build in Chromium', () => {
  it('checks the sample workbook: 0 errors, rows per sheet and the summary per table, nothing sent anywhere', async () => {
    const { page, requests } = await open();
    await check(page, SAMPLE, GSTIN, '102025');
    await expect.poll(() => page.locator('#verdict').textContent()).toBe('0 errors');
    await expect(page.locator('#totals-note').textContent()).resolves.toBe('');
    // a template workbook is no sales register: its options stay folded
    await expect(page.locator('#register-note').textContent()).resolves.toBe('');
    await expect(page.locator('#register').getAttribute('open')).resolves.toBeNull();
    const cli = await validateFiles([SAMPLE], { gstin: GSTIN, period: '102025' });
    const rowsRead = cli.result.stats.reduce((a, s) => a + s.read, 0);
    await expect(page.locator('#verdict-detail').textContent()).resolves.toContain(`${rowsRead} rows checked`);
    // the period as a person reads it, not the portal's MMYYYY
    await expect(page.locator('#verdict-detail').textContent()).resolves.toContain(`for GSTR-1 of ${GSTIN}, October 2025.`);
    // the summary table: one row per section, amounts in Indian grouping
    const b2b = page.locator('#totals tbody tr').filter({ has: page.getByRole('cell', { name: 'B2B', exact: true }) });
    await expect(b2b.locator('td').nth(1).textContent()).resolves.toMatch(/^\d+$/);
    await expect(b2b.locator('td').nth(2).textContent()).resolves.toMatch(/^\d{1,2}(,\d\d)*,\d{3}\.\d\d$/);
    expect(await page.locator('#totals tbody tr').count()).toBeGreaterThan(10);
    // Table 8 and Table 13 with their own figures, as the portal shows them (not 0.00 under the tax heads)
    const row = (name: string) => page.locator('#totals tbody tr').filter({ has: page.getByRole('cell', { name, exact: true }) });
    const head = (title: string) => page.locator('#totals tbody tr').filter({ has: page.getByRole('columnheader', { name: title, exact: true }) });
    expect(await head('Table 8').locator('th').allTextContents()).toEqual(['Table 8', 'Records', 'Nil rated', 'Exempted', 'Non-GST']);
    expect((await row('NIL').locator('td').allTextContents()).slice(0, 5)).toEqual(['NIL', '4', '5,66,500.00', '38,000.00', '0.00']);
    expect(await head('Table 13').locator('th').allTextContents()).toEqual(['Table 13', 'Records', 'Total', 'Cancelled', 'Net issued']);
    const docs = (await checkReturn([SAMPLE], { gstin: GSTIN, period: '102025' })).totals.find((t) => t.sec_nm === 'DOC_ISSUE');
    expect((await row('DOC_ISSUE').locator('td').allTextContents()).slice(0, 5)).toEqual(['DOC_ISSUE', '6', String(docs?.ttl_doc_issued), String(docs?.ttl_doc_cancelled), String(docs?.net_doc_issued)]);
    expect(await page.locator('#sheets tbody tr').count()).toBe(cli.result.stats.length);
    await expect(page.getByRole('button', { name: 'Download JSON' }).isEnabled()).resolves.toBe(true);
    await shot(page, '1-sample-clean');

    // the JSON downloads, and is the one the command line writes
    const json = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download JSON' }).click();
    const saved = JSON.parse(readFileSync((await (await json).path())!, 'utf8')) as { gstin: string; fp: string; b2b: unknown[] };
    expect(saved.gstin).toBe(GSTIN);
    expect(saved.fp).toBe('102025');
    expect(saved.b2b.length).toBeGreaterThan(0);

    // the annotated workbook downloads from the static page too
    const annotated = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download annotated workbook' }).click();
    const file = await (await annotated).path();
    expect((await readZip(file!)).entries.some((e) => e.name === 'xl/workbook.xml')).toBe(true);

    // the blank template, the very file `gstr1 template` writes
    const blank = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the blank GSTR-1 template' }).click();
    expect(readFileSync((await (await blank).path())!)).toEqual(readFileSync(join(ROOT, 'templates/GSTR1_Excel_Workbook_Template.xlsx')));

    expect(requests.urls.length).toBeGreaterThan(2);
    expect(requests.foreign()).toEqual([]);
    await page.context().close();
  });

  it('shows every finding of a workbook with errors, and its annotated copy notes the bad cells', async () => {
    const bad = await workbookWithErrors();
    const cli = await validateFiles([bad], { gstin: GSTIN, period: '102025' });
    const errors = cli.result.findings.errors;
    expect(errors).toBeGreaterThanOrEqual(2);
    const { page, requests } = await open();
    await check(page, bad, GSTIN, '102025');
    await expect.poll(() => page.locator('#verdict').textContent()).toBe(`${errors} errors`);
    const rows = page.locator('#findings tbody tr');
    expect(await rows.count()).toBe(cli.result.findings.items.length);
    for (const code of new Set(cli.result.findings.items.map((f) => f.code))) {
      await expect(rows.filter({ hasText: code }).count()).resolves.toBeGreaterThan(0);
    }
    const rejected = cli.result.stats.reduce((a, s) => a + s.rejected, 0);
    expect(rejected).toBeGreaterThan(0);
    await expect(page.locator('#totals-note').textContent()).resolves.toBe(`${rejected} rejected row${rejected === 1 ? ' is' : 's are'} not in these totals.`);
    // JSON is not offered while the return has errors
    await expect(page.getByRole('button', { name: 'Download JSON' }).isDisabled()).resolves.toBe(true);
    await shot(page, '2-findings');

    // filters: by severity and by search
    await page.getByLabel('Severity').selectOption('error');
    expect(await rows.count()).toBe(errors);
    await page.getByLabel('Search').fill('ABCD');
    expect(await rows.count()).toBeGreaterThan(0);
    await page.getByLabel('Search').fill('');

    // the keyboard: the table is one Tab stop (its first row), the arrow keys move, Enter opens
    expect(await rows.evaluateAll((trs) => trs.filter((tr) => (tr as unknown as { tabIndex: number }).tabIndex === 0).length)).toBe(1);
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate('document.activeElement?.rowIndex')).toBe(2);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate('document.activeElement?.tagName')).not.toBe('TR');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => page.evaluate('document.activeElement?.rowIndex')).toBe(2);
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate('document.activeElement?.rowIndex')).toBe(await rows.count());

    // a finding's row, with its cells
    await rows.filter({ hasText: 'ABCD' }).first().click();
    await expect.poll(() => page.locator('#row-title').textContent()).toMatch(/^hsn\(b2b\), row 5$/);
    await expect(page.locator('#row-cells').getByRole('cell', { name: 'ABCD', exact: true }).count()).resolves.toBe(1);
    await shot(page, '3-finding-row');

    const annotated = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download annotated workbook' }).click();
    const file = (await (await annotated).path())!;
    const noted = await notedCells(file);
    const expected = cli.result.findings.items.filter((f) => f.row && f.col).map((f) => `${String.fromCharCode(64 + f.col!)}${f.row}`);
    for (const ref of expected) expect(noted).toContain(ref);
    expect(noted).toContain('A5');
    await expect.poll(() => page.locator('#download-note').textContent()).toMatch(/cells? noted/);

    // the findings CSV opens in Excel as UTF-8: it starts with the byte-order mark, one line per finding after the header
    const csv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download findings (CSV)' }).click();
    const bytes = readFileSync((await (await csv).path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1).startsWith('severity,code,')).toBe(true);
    expect(bytes.toString('utf8').trim().split('\r\n')).toHaveLength(cli.result.findings.items.length + 1);
    expect(requests.foreign()).toEqual([]);
    await page.context().close();
  });

  it('maps a sales register\'s columns in the editor, exports the mapping and checks with it', async () => {
    const { page, requests } = await open();
    await chooseFiles(page, REGISTER);
    // recognised as a register as soon as it is chosen: its options open
    await expect.poll(() => page.locator('#register-note').textContent(), SLOW).toBe(
      'sales-register.xlsx looks like a sales register: its columns are recognised by a preset, or map them yourself.',
    );
    await expect(page.locator('#register').getAttribute('open')).resolves.not.toBeNull();
    await page.getByRole('button', { name: "Map the register's columns" }).click();
    const selects = page.locator('#editor-table select');
    await selects.first().waitFor();
    const n = await selects.count();
    expect(n).toBeGreaterThan(5);
    // the nearest field is pre-selected for the recognisable headers
    const chosen = await selects.evaluateAll((els) => els.map((s) => (s as unknown as { value: string }).value));
    expect(chosen.filter(Boolean).length).toBeGreaterThan(5);
    await shot(page, '4-mapping-editor');
    await page.getByRole('button', { name: 'Use this mapping' }).click();
    await expect.poll(() => page.locator('#mapping-state').textContent()).toMatch(/column mapping is saved in this browser/);

    const exported = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export the mapping' }).click();
    const text = readFileSync((await (await exported).path())!, 'utf8');
    // the same file `gstr1 mapping init` writes: the engine accepts it as a layout
    expect(() => mappingLayout(JSON.parse(text))).not.toThrow();

    await page.getByRole('textbox', { name: 'GSTIN' }).fill('27AAACR5055K1Z7');
    await page.getByRole('textbox', { name: 'Return period' }).fill('092025');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.locator('#verdict').filter({ hasText: /^[\d,]+ errors?$/ }).waitFor();
    await expect(page.locator('#verdict-detail').textContent()).resolves.toContain('Read as a sales register: sales-register.xlsx');
    const cli = await validateFiles([REGISTER], { gstin: '27AAACR5055K1Z7', period: '092025' });
    await expect.poll(() => page.locator('#verdict').textContent()).toBe(`${cli.result.findings.errors} error${cli.result.findings.errors === 1 ? '' : 's'}`);
    expect(requests.foreign()).toEqual([]);
    await page.context().close();
  });

  it('says what a register held in columns not read, as the command line does, and warns where a second column disagrees', async () => {
    const file = join(dir, 'tally-two-dates.csv');
    writeFileSync(file, [
      'Date,Particulars,Voucher Type,Voucher No.,GSTIN/UIN,Place of Supply,HSN/SAC,Quantity,GST Rate,Taxable Value,Integrated Tax Amount,Narration,Voucher Date',
      '02-09-2025,Rao Systems,Sales,S/101,29AAACR5055K1Z3,Karnataka,84713010,2 Nos,18,100000,18000,Being goods sold,05-09-2025',
    ].join('\n'));
    const { page, requests } = await open();
    // the template's own workbook: no register, nothing to say
    await check(page, SAMPLE, GSTIN, '102025');
    await expect(page.locator('#register-notes').isHidden()).resolves.toBe(true);
    await check(page, file, '27AAACR5055K1Z7', '092025');
    await expect.poll(() => page.locator('#register-notes li').allTextContents()).toEqual([
      'tally-two-dates.csv › tally-two-dates: columns not read (known to this layout, not needed for the return): Narration',
      'tally-two-dates.csv › tally-two-dates: columns not read (a second column of a field already read): Voucher Date (Document Date, read from "Date")',
    ]);
    const row = page.locator('#findings tbody tr', { hasText: 'REGISTER_COLUMN_SECOND_DIFFERS' });
    await expect(row.textContent()).resolves.toContain('"Voucher Date" says "05-09-2025" where "Date", read as the Document Date, says "02-09-2025"');
    await shot(page, '9e-register-columns-not-read');
    expect(requests.foreign()).toEqual([]);
    await page.context().close();
  });

  it('downloads a sales register split into the GSTR-1 template: the workbook `gstr1 split` writes', async () => {
    const gstin = '27AAACR5055K1Z7';
    const { page, requests } = await open();
    // the template's own workbook needs no splitting
    await check(page, SAMPLE, GSTIN, '102025');
    await expect(page.getByRole('button', { name: 'Download split template' }).isHidden()).resolves.toBe(true);
    await check(page, REGISTER, gstin, '092025');
    await expect(page.locator('#verdict-detail').textContent()).resolves.toContain('Read as a sales register: sales-register.xlsx');
    const dl = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download split template' }).click();
    const file = (await (await dl).path())!;
    await expect.poll(() => page.locator('#download-note').textContent()).toMatch(/^Split template ready \(rows per sheet: b2b,sez,de [\d,]+, /);
    await shot(page, '9-split-template');

    const cliFile = join(dir, 'split-cli.xlsx');
    const cli = await splitRegister([REGISTER], { gstin, period: '092025', out: cliFile });
    const [web, fromCli] = [await sheetTexts(file), await sheetTexts(cliFile)];
    // the same sheets in the same order, and every sheet's cells the same (values as our reader gives them)
    expect([...web.keys()]).toEqual([...fromCli.keys()]);
    // (the help names the register as it was given: a path on the command line, a file name on the page)
    const asGiven = (rows: string[][]) => rows.map((r) => r.map((c) => c.replace(REGISTER, 'sales-register.xlsx')));
    for (const [name, rows] of fromCli) expect(web.get(name), name).toEqual(asGiven(rows));
    const filled = cli.sheets.filter((s) => s.rows > 0);
    expect(filled.length).toBeGreaterThan(2);
    for (const s of filled) expect(web.get(s.name)!.length).toBeGreaterThanOrEqual(4 + s.rows);
    expect(requests.foreign()).toEqual([]);
    await page.context().close();
  });

  it('downloads a return over the upload limit as one zip of its JSON payloads', async () => {
    // about 130 bytes of JSON a line: 40,000 lines pass the 4.5 MB a payload may hold
    const m = await generateReturn({ lines: 40_000, out: join(dir, 'ret-40000'), formats: 'xlsx', quiet: true });
    const { page } = await open();
    const readers = readerLoads();
    await check(page, m.files.xlsx!, m.options.gstin, m.options.period);
    await expect.poll(() => page.locator('#verdict').textContent()).toBe('0 errors');
    // read in the page's reading worker (reading.ts), as a workbook this size is
    expect(readerLoads()).toBe(readers + 1);
    const dl = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download JSON' }).click();
    const download = await dl;
    const stem = `gstr1-${m.options.gstin}-${m.options.period}`;
    expect(download.suggestedFilename()).toBe(`${stem}-json.zip`);
    const file = (await download.path())!;
    const zip = await readZip(file);
    expect(zip.entries.length).toBeGreaterThanOrEqual(2);
    expect(zip.entries.map((e) => e.name)).toEqual(zip.entries.map((_, i) => `${stem}-${i + 1}.json`));
    await expect.poll(() => page.locator('#download-note').textContent()).toBe(`JSON saved as one zip of ${zip.entries.length} files, each under the upload limit: upload them one by one.`);
    await shot(page, '10-json-zip');
    // each payload under the limit, and byte for byte what the engine gives in Node
    const node = await checkReturn([m.files.xlsx!], { gstin: m.options.gstin, period: m.options.period });
    expect(node.payloads.length).toBe(zip.entries.length);
    for (const [i, e] of zip.entries.entries()) {
      const text = (await readEntry(file, e)).toString('utf8');
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(4_500_000);
      expect(text).toBe(node.payloads[i]);
    }
    await page.context().close();
  });

  it('reads a large workbook in a reading worker of its own: the findings and CSV of the command line; a damaged one, its refusal', async () => {
    // 2 % of the rows with defects; over READ_APART_BYTES, so the engine's worker hands the reading to reader.js
    const m = await generateReturn({ lines: 15_000, out: join(dir, 'ret-15000'), formats: 'xlsx', errors: 0.02, quiet: true });
    const file = m.files.xlsx!;
    const name = 'ret-15000.xlsx';
    expect(readFileSync(file).length).toBeGreaterThan(READ_APART_BYTES);
    const node = await checkReturn([file], { gstin: m.options.gstin, period: m.options.period });
    expect(node.errors).toBeGreaterThan(20);
    const { page } = await open();
    const before = readerLoads();
    await check(page, file, m.options.gstin, m.options.period);
    expect(readerLoads()).toBe(before + 1);
    await expectNodeFindings(page, node, file, name);

    // the same workbook with a few bytes of its b2b sheet's deflate stream changed: the command line's refusal
    const bytes = readFileSync(file);
    const sheet = (await readZip(file)).entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const mid = sheet.localOffset + 60 + (sheet.compressedSize >> 1);
    for (let i = 0; i < 8; i++) bytes[mid + i] = bytes[mid + i]! ^ 0x5a;
    const damaged = join(dir, 'damaged', name);
    mkdirSync(join(dir, 'damaged'), { recursive: true });
    writeFileSync(damaged, bytes);
    const refusal = failureOf(await checkReturn([damaged], { gstin: m.options.gstin, period: m.options.period }).catch((e: unknown) => e))!;
    expect(refusal.code).toMatch(/^FILE_/);
    await chooseFiles(page, damaged);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => page.locator('#form-error').textContent(), SLOW).toBe(failureText(refusal.message, refusal.hint).replaceAll(damaged, name));
    expect(readerLoads()).toBe(before + 2);
    await page.context().close();
  });

  it('checks a large workbook in the engine\'s worker when the reading worker cannot start (reader.js missing from a copy of the page)', async () => {
    const m = await generateReturn({ lines: 15_000, out: join(dir, 'ret-15000-b'), formats: 'xlsx', errors: 0.02, quiet: true });
    const file = m.files.xlsx!;
    const node = await checkReturn([file], { gstin: m.options.gstin, period: m.options.period });
    const reader = join(dir, 'dist', 'reader.js');
    renameSync(reader, `${reader}.off`);
    try {
      const { page } = await open();
      const before = readerLoads();
      await check(page, file, m.options.gstin, m.options.period);
      // asked for, not found: the engine's worker read the workbook itself
      expect(readerLoads()).toBe(before + 1);
      await expectNodeFindings(page, node, file, 'ret-15000-b.xlsx');
      await page.context().close();
    } finally {
      renameSync(`${reader}.off`, reader);
    }
  });

  it("puts the errors of a status response saved from the portal on the workbook's rows", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const b2b = wb.getWorksheet('b2b,sez,de')!;
    const headers = (b2b.getRow(4).values as unknown[]).map((v) => String(v ?? ''));
    const ctin = String(b2b.getCell(5, headers.indexOf('GSTIN/UIN of Recipient')).value);
    const inum = String(b2b.getCell(5, headers.indexOf('Invoice Number')).value);
    const status = { status_cd: '1', data: { status_cd: 'PE', form_typ: 'R1', error_report: { b2b: [{ ctin, error_cd: 'RET191113', error_msg: 'Invoice rejected', inv: [{ inum }] }] } } };
    const statusFile = join(dir, 'status.json');
    writeFileSync(statusFile, JSON.stringify(status));

    const { page, requests } = await open();
    await check(page, SAMPLE, GSTIN, '102025');
    await page.getByLabel('A status or error report saved from the portal (JSON)').setInputFiles(statusFile);
    const dl = page.waitForEvent('download');
    await page.getByRole('button', { name: "Put the portal's errors on my workbook" }).click();
    const file = (await (await dl).path())!;
    // as `gstr1 annotate --status` matches them: one finding per row of the invoice
    const onRows = (await matchPortalErrors([SAMPLE], {}, parseStatusResponse(status).errors)).filter((f) => !f.unmatched).length;
    expect(onRows).toBeGreaterThan(0);
    // errors on rows and on none add up to the errors; the rows an invoice of several lines marks are counted apart
    const lines = onRows > 1 ? ` \\(marked on ${onRows} rows: an error on a document of several lines is on each of its lines\\)` : '';
    await expect.poll(() => page.locator('#download-note').textContent()).toMatch(new RegExp(`^1 portal error: 1 on your rows${lines}, 0 matching no row`));
    const noted = await notedCells(file);
    expect(noted.some((ref) => /^[A-Z]+5$/.test(ref))).toBe(true);

    // the return's own JSON, easy to pick by mistake, is no list of the portal's errors: refused, nothing downloaded
    const own = join(dir, `gstr1-${GSTIN}-102025.json`);
    writeFileSync(own, (await checkReturn([SAMPLE], { gstin: GSTIN, period: '102025' })).payloads[0]!);
    await page.getByLabel('A status or error report saved from the portal (JSON)').setInputFiles(own);
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: "Put the portal's errors on my workbook" }).click();
    await expect.poll(() => page.locator('#download-note').textContent(), SLOW).toBe(
      `gstr1-${GSTIN}-102025.json is the return's own JSON (GSTIN ${GSTIN}, October 2025), not the portal's status or error report: it holds no error of the portal. ` +
        "Choose the status call's reply as it came (from the portal or the provider), or the error_report part of it: it lists each document the portal refused with its error code, e.g. RET191113.",
    );
    expect(downloads).toBe(0);
    expect(requests.foreign()).toEqual([]);
    await page.context().close();
  });

  it('shows progress on a long file and cancels it; the next check runs in a fresh worker', async () => {
    // long enough that the check is still running when Cancel is pressed, on a busy machine too
    const m = await generateReturn({ lines: 80_000, out: join(dir, 'ret-80000'), formats: 'xlsx', quiet: true });
    const { page } = await open();
    await chooseFiles(page, m.files.xlsx!);
    await page.getByRole('textbox', { name: 'GSTIN' }).fill(m.options.gstin);
    await page.getByRole('textbox', { name: 'Return period' }).fill(m.options.period);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => page.locator('#progress-text').textContent(), SLOW).toMatch(/^[\d,]+ rows read from ret-80000\.xlsx, [\d,]+ rows a second$/);
    await shot(page, '8-progress');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.locator('#form-error').textContent()).toBe('Check cancelled.');
    await expect(page.locator('#progress').isHidden()).resolves.toBe(true);
    await expect(page.locator('#result').isHidden()).resolves.toBe(true);
    await check(page, SAMPLE, GSTIN, '102025');
    await expect.poll(() => page.locator('#verdict').textContent()).toBe('0 errors');
    await page.context().close();
  });

  it('remembers GSTIN and period in the browser, not the files', async () => {
    const { page } = await open();
    await check(page, SAMPLE, GSTIN, '102025');
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'GSTIN' }).inputValue()).resolves.toBe(GSTIN);
    await expect(page.getByRole('textbox', { name: 'Return period' }).inputValue()).resolves.toBe('102025');
    const stored = await page.evaluate('Object.keys(localStorage)') as string[];
    expect(stored.sort()).toEqual(['gstr1.form']);
    await page.context().close();
  });

  it('words option errors and hints for the page\'s fields, not the command line\'s flags', async () => {
    const { page } = await open();
    const submit = async (gstin: string, period: string) => {
      await chooseFiles(page, SAMPLE);
      await page.getByRole('textbox', { name: 'GSTIN' }).fill(gstin);
      await page.getByRole('textbox', { name: 'Return period' }).fill(period);
      await page.getByRole('button', { name: 'Check', exact: true }).click();
    };
    await submit('27AAKCS4821M1Z', '102025');
    await expect.poll(() => page.locator('#form-error').textContent(), SLOW)
      .toBe('"27AAKCS4821M1Z" is not a GSTIN. Give your own 15-character GSTIN, e.g. 27AAACR5055K1Z7 in GSTIN.');
    await shot(page, '9-option-error');
    await submit(GSTIN, '132025');
    await expect.poll(() => page.locator('#form-error').textContent(), SLOW)
      .toBe('"132025" is not a return period. Give the period as MMYYYY, e.g. 032025 in Return period (from 072017), or a quarterly filer\'s quarter, e.g. Q4-2024-25.');

    // a finding's hint names the page's checkbox: the sample's intra-State HSN rows with the SEZ box ticked
    await page.getByLabel('We are an SEZ unit or developer').check();
    await check(page, SAMPLE, GSTIN, '102025');
    const hints = await page.locator('#findings tbody tr td:nth-child(7)').allTextContents();
    expect(hints.some((h) => h.includes('untick "We are an SEZ unit or developer"'))).toBe(true);
    expect(hints.filter((h) => /--[a-z]/.test(h))).toEqual([]);
    await shot(page, '10-sez-hint');

    // a CSV named after no section: the page has no --section, so its hint offers none
    await chooseFiles(page, { name: 'sales.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n') });
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => page.locator('#form-error').textContent(), SLOW).toMatch(/Name sheets \(or CSV files\) after the GSTR-1 template: b2b\.csv, cdnr\.csv, hsn\(b2b\)\.csv and so on\.$/);
    expect(await page.locator('#form-error').textContent()).not.toMatch(/--[a-z]/);
    await page.context().close();
  });

  /** a b2b CSV named `name` whose one invoice has a recipient GSTIN with a wrong check digit */
  const badB2b = (name: string, invoice: string) => ({ name, mimeType: 'text/csv', buffer: b2bCsv(invoice, '03-Oct-2025', '27AAFCP7263Q1ZX') });

  it('names the file of each finding when the check had several, and answers a download and a row asked at once', async () => {
    const { page } = await open();
    await check(page, [badB2b('north.csv', 'N/1'), badB2b('south.csv', 'S/1')] as never, GSTIN, '102025');
    const rows = page.locator('#findings tbody tr');
    const places = await rows.locator('td:nth-child(2)').allTextContents();
    expect(places).toContain('north.csv › b2b,sez,de');
    expect(places).toContain('south.csv › b2b,sez,de');
    await expect(page.locator('#f-place-col').textContent()).resolves.toBe('File › sheet');
    await page.getByLabel('File › sheet').selectOption('south.csv › b2b,sez,de');
    expect(await rows.locator('td:nth-child(2)').allTextContents()).toEqual(places.filter((p) => p === 'south.csv › b2b,sez,de'));
    await page.getByLabel('File › sheet').selectOption('');

    // the annotated workbook, and at once a finding's row: each answer reaches its own request
    const annotated = page.waitForEvent('download', SLOW);
    await page.getByRole('button', { name: 'Download annotated workbook' }).click();
    await rows.filter({ hasText: 'north.csv' }).first().click();
    await annotated;
    await expect.poll(() => page.locator('#download-note').textContent(), SLOW).toMatch(/^Annotated workbook ready: [\d,]+ cells? noted\.$/);
    await expect.poll(() => page.locator('#row-title').textContent(), SLOW).toBe('north.csv › b2b,sez,de, row 2');
    await shot(page, '11-two-files');

    // other files chosen: the result of the old ones is no longer offered
    await chooseFiles(page, SAMPLE);
    await expect.poll(() => page.locator('#result').isHidden()).toBe(true);
    await check(page, SAMPLE, GSTIN, '102025');
    await expect.poll(() => page.locator('#verdict').textContent()).toBe('0 errors');
    await expect(page.locator('#f-place-col').textContent()).resolves.toBe('Sheet');
    await page.context().close();
  });

  it('a check that fails after other files were chosen does not leave the page waiting', async () => {
    const m = await generateReturn({ lines: 20_000, out: join(dir, 'ret-20000-stuck'), formats: 'xlsx', quiet: true });
    const truncated = join(dir, 'truncated.xlsx');
    writeFileSync(truncated, readFileSync(SAMPLE).subarray(0, 4000));
    const { page } = await open();
    await chooseFiles(page, [m.files.xlsx!, truncated]);
    await page.getByRole('textbox', { name: 'GSTIN' }).fill(m.options.gstin);
    await page.getByRole('textbox', { name: 'Return period' }).fill(m.options.period);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => page.locator('#progress-text').textContent(), SLOW).toMatch(/rows read from ret-20000-stuck\.xlsx/);
    // while it runs, the user chooses another file: its detection waits behind the check, which then fails
    await page.getByLabel('Workbook, CSV files or sales register').setInputFiles(SAMPLE);
    await expect.poll(() => page.locator('#form-error').textContent(), { timeout: 60_000 }).toBe('Other files were chosen during the check: press Check to check them.');
    await expect(page.locator('#progress').isHidden()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Check', exact: true }).isEnabled()).resolves.toBe(true);
    await check(page, SAMPLE, GSTIN, '102025');
    await expect.poll(() => page.locator('#verdict').textContent()).toBe('0 errors');
    await page.context().close();
  });
});
