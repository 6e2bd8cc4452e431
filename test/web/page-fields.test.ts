/**
 * The page's GSTIN and period boxes take what is pasted whole (a space copied from Excel, the
 * quarter form the command line takes) and quote exactly what was typed; and the result fits the
 * window of a small laptop, the findings table inside its card.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseFiles, shot } from './browser.js';
import { builtPage } from './built-page.js';

const ROOT = join(import.meta.dirname, '../..');
const SAMPLE = join(ROOT, 'templates/sample/gstr1-sample.xlsx');
const GSTIN = '27AAKCS4821M1ZW';
const web = builtPage('gstr1-web-fields-');
const dir = web.dir;
const SLOW = { timeout: 30_000 };

async function open(viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await web.browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(web.url);
  return page;
}

/** Types `text` into a box as a paste does: the whole text at once. */
async function paste(page: Page, name: string, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name });
  await box.fill('');
  await box.focus();
  await page.keyboard.insertText(text);
}

const verdict = (page: Page) => page.locator('#verdict').filter({ hasText: /^[\d,]+ errors?$/ }).waitFor(SLOW);

describe('web page: the form boxes and a small window', () => {
  it('keeps a pasted GSTIN and period whole, reads a quarter as the command line does, and quotes what was typed', async () => {
    const page = await open();
    await chooseFiles(page, SAMPLE);
    // a cell copied from Excel or a PDF brings a space: the box keeps all 16 characters, the check trims them
    await paste(page, 'GSTIN', ` ${GSTIN}`);
    await expect(page.getByRole('textbox', { name: 'GSTIN' }).inputValue()).resolves.toBe(` ${GSTIN}`);
    await paste(page, 'Return period', '102025');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await verdict(page);
    await expect(page.locator('#verdict').textContent()).resolves.toBe('0 errors');
    await expect(page.locator('#verdict-detail').textContent()).resolves.toContain(`for GSTR-1 of ${GSTIN}, October 2025.`);

    // a GSTIN one character too long is quoted as typed, not cut to 15 characters that look like one
    await paste(page, 'GSTIN', ` ${GSTIN}X`);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => page.locator('#form-error').textContent(), SLOW).toMatch(new RegExp(`^"${GSTIN}X" is not a GSTIN\\. `));

    // a period the command line does not take either: quoted whole
    await paste(page, 'GSTIN', GSTIN);
    for (const typed of ['10-2025', '10/2025']) {
      await paste(page, 'Return period', typed);
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await expect.poll(() => page.locator('#form-error').textContent(), SLOW)
        .toBe(`"${typed}" is not a return period. Give the period as MMYYYY, e.g. 032025 in Return period (from 072017), or a quarterly filer's quarter, e.g. Q4-2024-25.`);
    }
    await shot(page, 'fields-1-period-quoted');

    // the README's quarter form: the quarter's return, named as a quarter
    await paste(page, 'Return period', 'Q3-2025-26');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await verdict(page);
    await expect(page.locator('#verdict-detail').textContent()).resolves.toContain(`for GSTR-1 of ${GSTIN}, October–December 2025 (Q3 of 2025-26).`);
    await shot(page, 'fields-2-quarter');
    await page.context().close();
  });

  it('fits the findings table in its card at 1024×768 and 1366×768: no column cut, no sideways scrolling', async () => {
    const bad = await workbookWithErrors();
    for (const [width, height] of [[1024, 768], [1366, 768]] as const) {
      const page = await open({ width, height });
      await chooseFiles(page, bad);
      await paste(page, 'GSTIN', GSTIN);
      await paste(page, 'Return period', '102025');
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await verdict(page);
      const m = await page.evaluate(`(() => {
        const box = (id) => document.getElementById(id).getBoundingClientRect();
        return { page: document.documentElement.scrollWidth, window: document.documentElement.clientWidth,
          card: box('result').right, tables: ['findings', 'totals', 'sheets'].map((id) => box(id).right) };
      })()`) as { page: number; window: number; card: number; tables: number[] };
      expect(m.page, `${width}: the page is wider than the window`).toBeLessThanOrEqual(m.window);
      for (const right of m.tables) expect(right, `${width}: a table spills out of its card`).toBeLessThanOrEqual(m.card);
      await page.locator('#findings-box').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(import.meta.dirname, `../../test-results/web/fields-findings-${width}.png`) });
      await page.context().close();
    }
  });
});

/**
 * The sample with bad cells whose findings carry long codes and values: a recipient GSTIN with a
 * wrong check character, an HSN code of letters, an invoice number longer than the portal takes.
 */
async function workbookWithErrors(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const b2b = wb.getWorksheet('b2b,sez,de')!;
  const good = String(b2b.getCell('A5').value);
  b2b.getCell('A5').value = good.slice(0, 14) + (good.endsWith('A') ? 'B' : 'A');
  b2b.getCell('C6').value = 'INVOICE/2025-26/OCTOBER/000000000001';
  wb.getWorksheet('hsn(b2b)')!.getCell('A5').value = 'ABCD';
  const out = join(dir, 'sales-with-errors.xlsx');
  await wb.xlsx.writeFile(out);
  return out;
}
