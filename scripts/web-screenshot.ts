/**
 * docs/web-page.png, the README's picture of the web page: the sample workbook with two bad
 * cells, checked in headless Chromium. Run: npx tsx scripts/web-screenshot.ts (after npm run build:web).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { launch } from '../test/web/browser.js';
import { serveStatic } from '../test/web/static-server.js';

const dir = mkdtempSync(join(tmpdir(), 'gstr1-shot-'));
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile('templates/sample/gstr1-sample.xlsx');
const cell = wb.getWorksheet('b2b,sez,de')!.getCell('A5');
cell.value = `${String(cell.value).slice(0, 14)}A`;
wb.getWorksheet('hsn(b2b)')!.getCell('A5').value = 'ABCD';
const file = join(dir, 'sales-october.xlsx');
await wb.xlsx.writeFile(file);

const server = await serveStatic('web/dist');
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1100 }, bypassCSP: true });
  await page.goto(server.url);
  await page.getByLabel('Workbook, CSV files or sales register').setInputFiles(file);
  await page.getByRole('textbox', { name: 'GSTIN' }).fill('27AAKCS4821M1ZW');
  await page.getByRole('textbox', { name: 'Return period' }).fill('102025');
  await page.getByRole('textbox', { name: 'Turnover of the preceding year (Rs)' }).fill('62000000');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await page.locator('#verdict').filter({ hasText: /errors?$/ }).waitFor();
  // the findings under the verdict: the per-sheet table is long, so it is folded away for the picture
  await page.addStyleTag({ content: '#sheets, h3:has(+ #sheets) { display: none } #totals tbody tr:nth-child(n+9) { display: none }' });
  await page.screenshot({ path: 'docs/web-page.png', fullPage: true });
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
