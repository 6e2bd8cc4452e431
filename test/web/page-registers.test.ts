/**
 * The page and sales registers across checks: a saved column mapping is used only for a file it
 * fits, a chosen layout does not stick to other files or visits, and whenever either decided the
 * reading the result says so with a way to stop it. The documents-issued series a register gives
 * Table 13 are shown as the command line prints them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { processWithRegister } from '../../src/api/register-pass.js';
import { returnContext } from '../../src/engine/options.js';
import { formatRegisterSummary } from '../../src/register/summary.js';
import { chooseFiles, shot, watchRequests } from './browser.js';
import { builtPage } from './built-page.js';

const ROOT = join(import.meta.dirname, '../..');
const SAMPLE = join(ROOT, 'templates/sample/gstr1-sample.xlsx');
const REGISTER = join(ROOT, 'templates/sample/sales-register.xlsx');
const CORPUS = join(ROOT, 'test/fixtures/corpus');
const GSTIN = '27AAKCS4821M1ZW';
const REGISTER_GSTIN = '27AAACR5055K1Z7';
const web = builtPage('gstr1-web-reg-');
const dir = web.dir;
const SLOW = { timeout: 30_000 };

async function open(): Promise<Page> {
  const context = await web.browser.newContext();
  const page = await context.newPage();
  await page.goto(web.url);
  return page;
}

async function check(page: Page, files: string | string[], gstin: string, period: string): Promise<void> {
  await chooseFiles(page, files);
  await checkChosen(page, gstin, period);
}

/** A check of the files already chosen, for the return named. */
async function checkChosen(page: Page, gstin: string, period: string): Promise<void> {
  await page.getByRole('textbox', { name: 'GSTIN' }).fill(gstin);
  await page.getByRole('textbox', { name: 'Return period' }).fill(period);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await page.locator('#verdict').filter({ hasText: /^[\d,]+ errors?$/ }).waitFor(SLOW);
}

const text = (page: Page, id: string) => page.locator(`#${id}`).textContent();

describe('web page: how registers are read, from one check to the next', () => {
  it('uses a saved column mapping only for a file it fits: the sample template next visit is read as the template', async () => {
    const plain = join(CORPUS, 'plain-register.csv');
    const page = await open();
    const requests = watchRequests(page, web.url);
    await chooseFiles(page, plain);
    await page.locator('#register').evaluate((d) => ((d as unknown as { open: boolean }).open = true));
    await page.getByRole('button', { name: "Map the register's columns" }).click();
    await page.locator('#editor-table select').first().waitFor(SLOW);
    await page.getByRole('button', { name: 'Use this mapping' }).click();
    await expect.poll(() => text(page, 'mapping-state')).toMatch(/^A column mapping is saved in this browser \(\d+ fields mapped\): a check uses it for a file whose columns it fits\.$/);
    await check(page, plain, REGISTER_GSTIN, '092025');
    await expect.poll(() => text(page, 'verdict')).toBe('0 errors');
    // the result says the mapping read the file, with the button to stop it
    await expect(text(page, 'reading')).resolves.toBe('Read with your saved column mapping "sales register plain-register.csv": its columns are in plain-register.csv. Forget the mapping and check again');
    await expect(page.locator('#reading').isVisible()).resolves.toBe(true);
    await shot(page, 'reg-1-mapping-applied');

    // a new tab (the mapping is remembered): the official sample is read as the template, not as that register
    const next = await page.context().newPage();
    await next.goto(web.url);
    await check(next, SAMPLE, GSTIN, '102025');
    await expect.poll(() => text(next, 'verdict')).toBe('0 errors');
    await expect(text(next, 'verdict-detail')).resolves.not.toContain('Read as a sales register');
    expect(await next.locator('#findings tbody tr', { hasText: 'REGISTER_HEADER_NOT_FOUND' }).count()).toBe(0);
    // nothing to say: no register was read, and the mapping fits none of these files
    await expect(next.locator('#reading').isHidden()).resolves.toBe(true);
    await expect(next.getByRole('button', { name: 'Download JSON' }).isEnabled()).resolves.toBe(true);
    await shot(next, 'reg-2-mapping-then-template');

    // back on the register: "Forget the mapping and check again" forgets it and checks without it
    await page.getByRole('button', { name: 'Forget the mapping and check again' }).click();
    await expect(text(page, 'mapping-state')).resolves.toBe('No column mapping: columns are recognised by their headers.');
    await page.locator('#verdict').filter({ hasText: /^[\d,]+ errors?$/ }).waitFor(SLOW);
    await expect(page.locator('#reading').isHidden()).resolves.toBe(true);
    expect(await page.evaluate('Object.keys(localStorage)')).toEqual(['gstr1.form']);
    expect(requests.foreign()).toEqual([]);
    await page.context().close();
  });

  it('refuses to save a mapping file the command line would refuse, saying why; a sound one is saved', async () => {
    const page = await open();
    await page.locator('#register').evaluate((d) => ((d as unknown as { open: boolean }).open = true));
    const bad = join(dir, 'half-mapping.json');
    writeFileSync(bad, JSON.stringify({ layout: 'register', columns: { docNum: 'Invoice No' } }));
    await page.getByLabel('Import a mapping file').setInputFiles(bad);
    await expect.poll(() => text(page, 'form-error')).toMatch(/^half-mapping\.json was not saved: .*maps no column to /);
    await expect(text(page, 'mapping-state')).resolves.toBe('No column mapping: columns are recognised by their headers.');
    expect(await page.evaluate('localStorage.getItem("gstr1.mapping")')).toBeNull();
    await shot(page, 'reg-0-mapping-refused');

    const good = join(dir, 'good-mapping.json');
    writeFileSync(good, JSON.stringify({ layout: 'register', columns: { docNum: 'Invoice No', docDate: 'Date', txval: 'Taxable' } }));
    await page.getByLabel('Import a mapping file').setInputFiles(good);
    await expect.poll(() => text(page, 'mapping-state')).toMatch(/^A column mapping is saved in this browser/);
    await expect(text(page, 'form-error')).resolves.toBe('');
    await page.context().close();
  });

  it('does not keep a chosen register layout for other files or the next visit, and says when one was used', async () => {
    const tally = join(CORPUS, 'tally-voucher-register.csv');
    const zoho = join(CORPUS, 'zoho-books-invoices.csv');
    const page = await open();
    await page.locator('#register').evaluate((d) => ((d as unknown as { open: boolean }).open = true));
    await page.getByLabel('Register layout').selectOption('tally');
    await check(page, tally, REGISTER_GSTIN, '092025');
    await expect(text(page, 'verdict-detail')).resolves.toContain('Read as a sales register: tally-voucher-register.csv');
    const tallyName = await page.locator('#preset option[value="tally"]').textContent();
    await expect(text(page, 'reading')).resolves.toBe(`Read with the register layout "${tallyName}", chosen under Sales register options. Recognise the layout instead`);
    await shot(page, 'reg-3-preset-applied');

    // the same register chosen again (saved after a fix) keeps its layout
    await chooseFiles(page, tally);
    await expect(page.getByLabel('Register layout').inputValue()).resolves.toBe('tally');
    // another file in the same visit: recognised by its headers, and the page says the layout was let go
    await check(page, zoho, REGISTER_GSTIN, '092025');
    await expect(page.getByLabel('Register layout').inputValue()).resolves.toBe('');
    await expect(text(page, 'preset-note')).resolves.toBe(`The layout ${tallyName} was chosen for tally-voucher-register.csv: these files are recognised by their headers. Choose a layout again if they need one.`);
    await expect(text(page, 'verdict-detail')).resolves.toContain('Read as a sales register: zoho-books-invoices.csv');
    expect(await page.locator('#findings tbody tr', { hasText: 'Invoice Status' }).count()).toBe(0);
    await expect(page.locator('#reading').isHidden()).resolves.toBe(true);
    await shot(page, 'reg-4-preset-not-kept');

    // the tester's order: the layout chosen, a check, the page reloaded, the Zoho register checked
    await page.getByLabel('Register layout').selectOption('tally');
    await check(page, tally, REGISTER_GSTIN, '092025');
    await page.reload();
    await expect(page.getByLabel('Register layout').inputValue()).resolves.toBe('');
    await check(page, zoho, REGISTER_GSTIN, '092025');
    await expect(text(page, 'verdict-detail')).resolves.toContain('Read as a sales register: zoho-books-invoices.csv');
    await expect(page.locator('#reading').isHidden()).resolves.toBe(true);
    const stored = JSON.parse((await page.evaluate('localStorage.getItem("gstr1.form")')) as string) as Record<string, unknown>;
    expect(stored).not.toHaveProperty('preset');

    // the Tally layout chosen for the Zoho register fits it not: said beside the result, not left to the findings;
    // "Recognise the layout instead" checks again with no layout chosen
    await page.locator('#register').evaluate((d) => ((d as unknown as { open: boolean }).open = true));
    await page.getByLabel('Register layout').selectOption('tally');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.locator('#verdict').filter({ hasText: /^[\d,]+ errors?$/ }).waitFor(SLOW);
    await expect(text(page, 'reading')).resolves.toBe(`The register layout "${tallyName}", chosen under Sales register options, fits none of these files: they were read as the GSTR-1 template. Recognise the layout instead`);
    await shot(page, 'reg-4b-preset-fits-none');
    await page.getByRole('button', { name: 'Recognise the layout instead' }).click();
    await expect(page.getByLabel('Register layout').inputValue()).resolves.toBe('');
    await page.locator('#verdict').filter({ hasText: /^[\d,]+ errors?$/ }).waitFor(SLOW);
    await expect(page.locator('#reading').isHidden()).resolves.toBe(true);
    await expect(text(page, 'verdict-detail')).resolves.toContain('Read as a sales register: zoho-books-invoices.csv');

    await page.context().close();
  });

  it('speaks of the files now chosen: a register chosen just before a workbook leaves no note about itself', async () => {
    const page = await open();
    // the page's worker is only starting, so the register's answer comes after the workbook is chosen
    await page.getByLabel('Workbook, CSV files or sales register').setInputFiles(REGISTER);
    await chooseFiles(page, SAMPLE);
    await expect(page.locator('#register').getAttribute('aria-busy')).resolves.toBeNull();
    // a check of the files as chosen is answered after both looks at them, in the order asked
    await checkChosen(page, GSTIN, '102025');
    await expect(text(page, 'verdict')).resolves.toBe('0 errors');
    await expect(text(page, 'register-note')).resolves.toBe('');
    await page.context().close();
  });

  it("shows the register's documents-issued series for Table 13: missing numbers and rows marked cancelled, as the command line prints them", async () => {
    // what the command line prints after reading the register (gstr1 validate, convert)
    const { run } = await processWithRegister([REGISTER], returnContext({ gstin: REGISTER_GSTIN, period: '092025' }));
    const cli = formatRegisterSummary(run!.summary);
    const series = cli.slice(cli.indexOf('Documents issued (13), series found:')).split('\n').slice(1);
    // the sample register has a number missing and a row marked cancelled
    expect(cli).toContain('2 (1 marked, 1 missing: INV/25-26/0064)');
    const page = await open();
    await check(page, REGISTER, REGISTER_GSTIN, '092025');
    await expect(text(page, 'series-title')).resolves.toBe('Documents issued (13), series found');
    const rows = await page.locator('#series tr').evaluateAll((trs) => trs.map((tr) => [...(tr as unknown as { cells: { textContent: string }[] }).cells].map((c) => c.textContent)));
    // row for row the command line's lines, its columns (two spaces or more apart) the table's cells
    expect(rows.length).toBe(series.length);
    rows.forEach((cells, i) => expect(series[i]!.trim().split(/ {2,}/)).toEqual(cells));
    await expect(text(page, 'series-box')).resolves.toContain('INV/25-26/0064');
    await page.locator('#series').scrollIntoViewIfNeeded();
    await shot(page, 'reg-5-documents-issued');
    // the template's own workbook has no register: no series
    await check(page, SAMPLE, GSTIN, '102025');
    await expect(page.locator('#series').count()).resolves.toBe(0);
    await page.context().close();
  });
});
