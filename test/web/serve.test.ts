/**
 * gstr1 serve (issue 12): a local server must refuse what a foreign page can make a browser send
 * (another Host, another Origin, no token), cap request bodies and list no folder; and the whole
 * filing flow runs from the page against the emulator, the OTPs typed into the page.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEntry, readZip } from '../../src/parsers/zip.js';
import { startServer, type RunningServer } from '../../src/cli/serve/server.js';
import { startEmulator, type RunningEmulator } from '../../src/upload/emulator/index.js';
import { walkRecords } from '../../src/upload/records.js';
import { b2bCsv } from './b2b-csv.js';
import { api, CREDENTIALS, OTP, put, runJob } from './serve-api.js';
import { SHOTS, chooseFiles, launch, shot, watchRequests } from './browser.js';

const ROOT = join(import.meta.dirname, '../..');
const SAMPLE = join(ROOT, 'templates/sample/gstr1-sample.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'gstr1-serve-'));

let emulator: RunningEmulator;
let server: RunningServer;

/** A raw request, so Host and Origin can be anything. */
function raw(path: string, headers: Record<string, string>, method = 'GET', body?: Buffer): Promise<{ status: number; body: string }> {
  const u = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method, headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += String(c)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The sample chosen and the return named in the page at `url`. */
async function openWithSample(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await chooseFiles(page, SAMPLE);
  await page.getByRole('textbox', { name: 'GSTIN' }).fill('27AAKCS4821M1ZW');
  await page.getByRole('textbox', { name: 'Return period' }).fill('102025');
}

/** Types the OTP the portal asks for (`label`: which one; `code`: a wrong one, say) into the page and sends it. */
async function typeOtp(page: Page, label = 'OTP sent to the taxpayer', code = OTP): Promise<void> {
  const box = page.getByRole('textbox', { name: label });
  // the job reads and checks the files before it asks: seconds on a loaded machine
  await box.waitFor({ timeout: 60_000 });
  await box.fill(code);
  await page.getByRole('button', { name: 'Send' }).click();
}

beforeAll(async () => {
  // its own build, from the same script as `npm run build:web` (test files run side by side)
  execFileSync(process.execPath, [join(ROOT, 'web/build.mjs'), join(dir, 'dist')], { stdio: 'pipe' });
  // the return's lock lives under GSTR1_HOME: this file's own, so other test files' uploads of the same return never meet it
  process.env.GSTR1_HOME = join(dir, 'home');
  emulator = await startEmulator({ otp: OTP, evcOtp: OTP });
  server = await startServer({
    root: join(dir, 'dist'),
    portal: { provider: 'whitebooks', baseUrl: emulator.url, env: CREDENTIALS, journalDir: join(dir, 'journal'), pollMs: 20 },
    maxFileBytes: 1024 * 1024,
  });
});

afterAll(async () => {
  await server?.close();
  await emulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('gstr1 serve: a local server that refuses foreign requests', () => {
  it('prints an address on 127.0.0.1 with a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('answers the API only with the token, from its own origin, under its own name', async () => {
    const host = new URL(server.origin).host;
    const ok = await raw('/api/info', { host, 'x-gstr1-token': server.token });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ portal: { provider: 'whitebooks' } });
    expect((await raw('/api/info', { host })).status).toBe(403);
    expect((await raw('/api/info', { host, 'x-gstr1-token': `${server.token.slice(1)}x` })).status).toBe(403);
    // a cross-site request from another page, even with the token
    expect((await raw('/api/info', { host, origin: 'https://evil.example', 'x-gstr1-token': server.token })).status).toBe(403);
    expect((await raw('/api/info', { host, origin: server.origin, 'x-gstr1-token': server.token })).status).toBe(200);
    // DNS rebinding: the browser sends the attacker's name as Host, for the page too
    expect((await raw('/', { host: `evil.example:${new URL(server.origin).port}` })).status).toBe(421);
    expect((await raw('/', { host: `localhost:${new URL(server.origin).port}` })).status).toBe(200);
  });

  it('serves the page\'s files only: no folder listing, nothing outside web/dist, bodies capped', async () => {
    const host = new URL(server.origin).host;
    expect((await raw('/', { host })).body).toContain('<title>GSTR-1 check</title>');
    expect((await raw('/../package.json', { host })).status).toBe(404);
    expect((await raw('/%2e%2e/package.json', { host })).status).toBe(404);
    expect((await raw('/.', { host })).body).toContain('<title>');
    const folder = await raw('/assets/', { host });
    expect(folder.status).toBe(404);
    const big = await raw('/api/files', { host, 'x-gstr1-token': server.token, 'x-file-name': 'big.xlsx' }, 'POST', Buffer.alloc(2 * 1024 * 1024));
    expect(big.status).toBe(413);
    const answer = await raw('/api/job/answer', { host, 'x-gstr1-token': server.token }, 'POST', Buffer.alloc(100 * 1024, 32));
    expect(answer.status).toBe(413);
  });
});

describe('gstr1 serve: filing from the page against the emulator', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('uploads, then resets the uploaded data once the user agrees', async () => {
    const page = await browser.newPage();
    await openWithSample(page, server.url);
    await page.getByRole('button', { name: 'Upload to the portal' }).click();
    await typeOtp(page);
    await expect.poll(() => page.locator('#p-state').textContent(), { timeout: 30_000 }).toMatch(/^GSTR-1 uploaded in 1 part: processed\./);
    const saved = () => emulator.emulator.portal.state('27AAKCS4821M1ZW', '102025');
    expect(saved().docs.size).toBeGreaterThan(0);

    // the first time the user says no: nothing is sent; the question names the form whose data would go
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await page.getByRole('button', { name: 'Reset the uploaded data' }).click();
    expect(asked).toBe('Delete everything uploaded to the GSTR-1 of 27AAKCS4821M1ZW, October 2025, from the portal? Filed returns cannot be reset.');
    await expect(page.locator('#p-state').textContent()).resolves.toMatch(/^GSTR-1 uploaded/);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Reset the uploaded data' }).click();
    await typeOtp(page);
    await expect.poll(() => page.locator('#p-state').textContent(), { timeout: 30_000 }).toBe('GSTR-1 reset: nothing uploaded for this period remains on the portal.');
    expect(saved().docs.size).toBe(0);
    expect(saved().counts.resets).toBe(1);
    await page.close();
  });

  it('checks, uploads with the OTP typed in the page, shows the summary beside the uploaded totals, files with EVC and shows the ARN', async () => {
    const page = await browser.newPage();
    const requests = watchRequests(page, server.origin);
    await openWithSample(page, server.url);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => page.locator('#verdict').textContent(), { timeout: 30_000 }).toBe('0 errors');

    await page.getByRole('textbox', { name: 'PAN of the authorised signatory' }).fill('AAKCS4821M');
    await page.getByRole('button', { name: 'Upload to the portal' }).click();
    await typeOtp(page);
    await expect.poll(() => page.locator('#p-state').textContent(), { timeout: 30_000 }).toMatch(/^GSTR-1 uploaded in 1 part: processed\. The portal accepted every record\.$/);
    await shot(page, '5-serve-uploaded');

    await page.getByRole('button', { name: 'File GSTR-1', exact: true }).click();
    // a new run opens a new session: the OTP again
    await typeOtp(page);
    const go = page.getByRole('button', { name: 'File GSTR-1 with these totals' });
    await go.waitFor({ timeout: 30_000 });
    const compare = page.locator('#p-compare tbody tr');
    expect(await compare.count()).toBeGreaterThan(10);
    const b2b = await compare.filter({ hasText: 'B2B' }).first().locator('td').allTextContents();
    const uploaded = await compare.nth(1).locator('td').allTextContents();
    expect(b2b[1]).toBe('Portal');
    expect(uploaded[1]).toBe('Uploaded');
    expect(b2b.slice(2)).toEqual(uploaded.slice(2));
    // Table 8 and Table 13 in the portal's terms, each under its own header: no figure compared before filing is hidden
    const row = (name: string) => compare.filter({ has: page.getByRole('cell', { name, exact: true }) });
    const heads = (title: string) => compare.filter({ has: page.getByRole('columnheader', { name: title, exact: true }) }).locator('th').allTextContents();
    expect(await heads('Table 8')).toEqual(['Table 8', 'From', 'Records', 'Nil rated', 'Exempted', 'Non-GST']);
    expect(await heads('Table 13')).toEqual(['Table 13', 'From', 'Records', 'Total', 'Cancelled', 'Net issued']);
    const nil = await row('NIL').locator('td').allTextContents();
    expect(nil.slice(0, 6)).toEqual(['NIL', 'Portal', '4', '5,66,500.00', '38,000.00', '0.00']);
    const nilUploaded = await row('NIL').locator('xpath=following-sibling::tr[1]').locator('td').allTextContents();
    expect(nilUploaded.slice(1, 6)).toEqual(['Uploaded', '4', '5,66,500.00', '38,000.00', '0.00']);
    const docs = await row('DOC_ISSUE').locator('td').allTextContents();
    expect(docs.slice(0, 3)).toEqual(['DOC_ISSUE', 'Portal', '6']);
    const [issued, cancelled, net] = docs.slice(3, 6).map((t) => Number(t.replace(/,/g, '')));
    expect(cancelled).toBeGreaterThan(0);
    expect(net).toBe(issued! - cancelled!);
    await page.locator('#p-confirm').screenshot({ path: join(SHOTS, '6-serve-confirm-tables.png') });
    await shot(page, '6-serve-confirm');
    await go.click();
    await typeOtp(page, 'EVC OTP sent to the signatory');
    await expect.poll(() => page.locator('#p-state').textContent(), { timeout: 30_000 }).toMatch(/^GSTR-1 filed\. ARN [A-Z0-9]{10,}/);
    await shot(page, '7-serve-filed');
    await page.locator('#portal').screenshot({ path: join(SHOTS, '7-serve-filed-portal.png') });
    // the page spoke to gstr1 serve only; the credentials never reached it
    expect(requests.foreign()).toEqual([]);
    const html = await page.content();
    expect(html).not.toContain(CREDENTIALS.GSTR1_WB_CLIENT_SECRET);
    await page.close();
  });
});

describe('gstr1 serve: the portal refuses a row', () => {
  let browser: Browser;
  let picky: RunningEmulator;
  let local: RunningServer;
  beforeAll(async () => {
    browser = await launch();
    // a portal that refuses the first b2b invoice it is sent
    picky = await startEmulator({
      otp: OTP,
      validatePayload: (payload) => {
        const first = [...walkRecords(payload)].find((e) => e.section === 'b2b');
        return first ? [{ key: first.key, code: 'RET191113', message: 'Invalid GSTIN/UIN of the recipient.' }] : [];
      },
    });
    local = await startServer({
      root: join(dir, 'dist'),
      portal: { provider: 'whitebooks', baseUrl: picky.url, env: CREDENTIALS, journalDir: join(dir, 'journal-picky'), pollMs: 20 },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await local?.close();
    await picky?.close();
  });

  it("offers the portal's errors as an annotated workbook, the refused invoice's rows noted", async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await openWithSample(page, local.url);
    await page.getByRole('button', { name: 'Upload to the portal' }).click();
    await typeOtp(page);
    await expect.poll(() => page.locator('#p-state').textContent(), { timeout: 30_000 }).toMatch(/^GSTR-1 uploaded in 1 part: processed with errors\. The portal refused 1 record\.$/);
    // the refused record on its row, in the portal's words; serve wrote the workbook, so the page makes none of its own
    const portal = page.locator('#portal');
    await expect.poll(() => portal.getByRole('heading', { name: 'What the portal refused' }).isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await portal.locator('#p-findings-count').textContent()).toBe("2 findings for the portal's 1 error (one on a document of several lines is shown on each line).");
    const cells = await portal.locator('#p-findings tbody tr').first().locator('td').allTextContents();
    expect([cells[0], cells[1], cells[5], cells[7]]).toEqual(['Error', 'b2b,sez,de', 'Invalid GSTIN/UIN of the recipient.', 'RET191113']);
    expect(await portal.getByRole('button', { name: 'Download annotated workbook' }).isVisible()).toBe(false);
    const dl = page.waitForEvent('download');
    await page.getByRole('button', { name: "Download the portal's errors as an annotated workbook" }).click();
    // named as gstr1 upload names it, after the workbook chosen
    expect((await dl).suggestedFilename()).toBe('gstr1-sample-portal-errors.xlsx');
    const file = (await (await dl).path())!;
    const comments = (await readZip(file)).entries.filter((e) => /^xl\/comments\d*\.xml$/.test(e.name));
    const text = (await Promise.all(comments.map(async (e) => (await readEntry(file, e)).toString('utf8')))).join('');
    expect(text).toContain('RET191113');
    await page.locator('#portal').screenshot({ path: join(SHOTS, '9-serve-portal-errors.png') });

    // Upload status lists the portal's error too: the page puts it on the row of the chosen workbook, and annotates it
    await page.getByRole('button', { name: 'Upload status' }).click();
    await typeOtp(page);
    await expect.poll(() => page.locator('#p-state').textContent(), { timeout: 30_000 }).toBe('GSTR-1: 1 part uploaded: processed with errors. The portal reported 1 error, listed below.');
    await expect.poll(() => portal.getByRole('heading', { name: 'What the portal reported' }).isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await portal.locator('#p-findings tbody tr').first().locator('td').allTextContents()).toEqual(cells);
    const own = page.waitForEvent('download');
    await portal.getByRole('button', { name: 'Download annotated workbook' }).click();
    const ownFile = (await (await own).path())!;
    const ownComments = (await readZip(ownFile)).entries.filter((e) => /^xl\/comments\d*\.xml$/.test(e.name));
    expect((await Promise.all(ownComments.map(async (e) => (await readEntry(ownFile, e)).toString('utf8')))).join('')).toContain('RET191113');
    await page.locator('#portal').screenshot({ path: join(SHOTS, '9c-serve-status-errors.png') });

    // with no file chosen, the status still lists the portal's error, known by its document, and says how to see its rows
    await page.reload();
    await page.getByRole('textbox', { name: 'GSTIN' }).fill('27AAKCS4821M1ZW');
    await page.getByRole('textbox', { name: 'Return period' }).fill('102025');
    await page.getByRole('button', { name: 'Upload status' }).click();
    await typeOtp(page);
    await expect.poll(() => portal.locator('#p-findings-count').textContent(), { timeout: 30_000 }).toBe("1 finding. Choose the return's files above, then press Upload status again, to see it on your rows.");
    const unplaced = await portal.locator('#p-findings tbody tr').first().locator('td').allTextContents();
    expect([unplaced[0], unplaced[1], unplaced[2], unplaced[5], unplaced[7]]).toEqual(['Error', '', '', 'Invalid GSTIN/UIN of the recipient.', 'RET191113']);
    expect(unplaced[4]).toMatch(/^b2b 27AAFCP7263Q1ZM \S+/);
    expect(await portal.getByRole('button', { name: 'Download annotated workbook' }).isVisible()).toBe(false);
    await page.locator('#portal').screenshot({ path: join(SHOTS, '9d-serve-status-errors-no-files.png') });
    await page.close();
  });
  it('says why the workbook of the portal\'s errors is missing when the server cannot write it, the upload still reported', async () => {
    // a server whose temporary folder is this test's own, so the file it would write can be taken by a folder first
    const tmp = mkdtempSync(join(dir, 'tmp-'));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    let blocked: RunningServer | undefined;
    try {
      blocked = await startServer({
        root: join(dir, 'dist'),
        portal: { provider: 'whitebooks', baseUrl: picky.url, env: CREDENTIALS, journalDir: join(dir, 'journal-blocked'), pollMs: 20 },
      });
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    const [inbox] = readdirSync(tmp);
    mkdirSync(join(tmp, inbox!, '.portal-errors.xlsx'));
    writeFileSync(join(tmp, inbox!, '.portal-errors.xlsx', 'keep'), '');
    const page = await browser.newPage();
    try {
      await openWithSample(page, blocked.url);
      await page.getByRole('button', { name: 'Upload to the portal' }).click();
      await typeOtp(page);
      await expect.poll(() => page.locator('#p-state').textContent(), { timeout: 30_000 }).toMatch(/^GSTR-1 uploaded in 1 part: processed with errors\. The portal refused 1 record\.$/);
      const note = page.locator('#p-annotate-failure');
      await expect.poll(() => note.textContent()).toMatch(/^The workbook with the portal's errors marked was not written in gstr1 serve's temporary folder \(.*portal-errors\.xlsx\): it is a folder\. The upload itself went through\. Ask whoever set up this page to make sure the temporary folder of the computer it runs on can be written in\.$/);
      expect(await page.getByRole('button', { name: "Download the portal's errors as an annotated workbook" }).isVisible()).toBe(false);
      // the page makes the workbook of the refused rows itself instead
      await expect.poll(() => page.locator('#portal').getByRole('button', { name: 'Download annotated workbook' }).isVisible(), { timeout: 30_000 }).toBe(true);
      await page.locator('#portal').screenshot({ path: join(SHOTS, '9b-serve-annotated-not-written.png') });
    } finally {
      await page.close();
      await blocked.close();
    }
  });
});

describe('gstr1 serve: the page uploads only what it checked, and says only what is known', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** a b2b CSV of one invoice dated in `month` 2025 */
  const b2b = (invoice: string, month: string) => ({ name: 'b2b.csv', mimeType: 'text/csv', buffer: b2bCsv(invoice, `03-${month}-2025`) });
  const state = (page: Page) => page.locator('#p-state').textContent();

  async function openWith(files: Parameters<Page['setInputFiles']>[1], period: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(server.url);
    await chooseFiles(page, files);
    await page.getByRole('textbox', { name: 'GSTIN' }).fill('27AAKCS4821M1ZW');
    await page.getByRole('textbox', { name: 'Return period' }).fill(period);
    return page;
  }

  it('uploads both files of one name (two folders\' b2b.csv), as the check read them', async () => {
    const page = await openWith([b2b('NORTH/7', 'Jul'), b2b('SOUTH/7', 'Jul')], '072025');
    await page.getByRole('button', { name: 'Upload to the portal' }).click();
    await typeOtp(page);
    await expect.poll(() => state(page), { timeout: 30_000 }).toBe('GSTR-1 uploaded in 1 part: processed. The portal accepted every record.');
    const docs = [...emulator.emulator.portal.state('27AAKCS4821M1ZW', '072025').docs.keys()].join(' ');
    expect(docs).toContain('north/7');
    expect(docs).toContain('south/7');
    await page.close();
  });

  it('stops at a file gstr1 serve refuses, says why, and starts no upload', async () => {
    const big = { name: 'b2b.csv', mimeType: 'text/csv', buffer: Buffer.concat([b2b('BIG/8', 'Aug').buffer, Buffer.alloc(1024 * 1024 + 1, 10)]) };
    const page = await openWith([big], '082025');
    await page.getByRole('button', { name: 'Upload to the portal' }).click();
    await expect.poll(() => state(page), { timeout: 30_000 }).toBe(
      'Nothing was sent to the portal. b2b.csv is larger than gstr1 serve takes (1 MB at most). Split the register by month or by section into smaller files, or ask whoever set up this page to upload it from the command line.',
    );
    expect(await page.getByRole('textbox', { name: 'OTP sent to the taxpayer' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Upload to the portal' }).isEnabled()).toBe(true);
    expect(emulator.emulator.portal.state('27AAKCS4821M1ZW', '082025').counts.saves).toBe(0);
    await page.close();
  });

  it('checks the upload with the turnover given on the page: a four-digit HSN above Rs 5 crore is not uploaded', async () => {
    const hsn = {
      name: 'hsn(b2b).csv', mimeType: 'text/csv',
      buffer: Buffer.from('HSN,Description,Description as per HSN Code,UQC,Total Quantity,Total Value,Rate,Taxable Value,Integrated Tax Amount,Central Tax Amount,State/UT Tax Amount,Cess Amount\n1905,Sweet biscuits,SWEET BISCUITS,KGS-KILOGRAMS,1200,"5,72,300.00",18,"4,85,000.00",0,43650,43650,\n'),
    };
    const page = await openWith([b2b('TURN/9', 'Sep'), hsn], '092025');
    await page.locator('#turnover').fill('62000000');
    await page.getByRole('button', { name: 'Upload to the portal' }).click();
    await expect.poll(() => state(page), { timeout: 30_000 }).toBe('GSTR-1 not uploaded: the return has 1 error, listed below. Fix it first, then upload again.');
    expect(emulator.emulator.portal.state('27AAKCS4821M1ZW', '092025').counts.saves).toBe(0);
    // the error itself, as the page's findings table shows its own check's: place, row, column, message, hint, code
    const portal = page.locator('#portal');
    await expect.poll(() => portal.getByRole('heading', { name: 'Findings of the check before upload' }).isVisible(), { timeout: 30_000 }).toBe(true);
    const error = portal.locator('#p-findings tbody tr.sev-error');
    expect(await error.count()).toBe(1);
    const cells = await error.locator('td').allTextContents();
    expect(cells.slice(0, 5)).toEqual(['Error', 'hsn(b2b).csv › hsn(b2b)', '2', 'HSN', '1905']);
    expect(cells[5]).toMatch(/\S/);
    expect(cells[6]).toMatch(/\S/);
    expect(cells[6]).not.toMatch(/\bgstr1 [a-z]|--[a-z]/);
    expect(await portal.locator('#p-place-col').textContent()).toBe('File › sheet');
    // the annotated workbook, made on the page from the files it handed over
    const dl = page.waitForEvent('download');
    await portal.getByRole('button', { name: 'Download annotated workbook' }).click();
    const download = await dl;
    expect(download.suggestedFilename()).toBe('gstr1-27AAKCS4821M1ZW-092025-errors.xlsx');
    const file = (await download.path())!;
    const comments = (await readZip(file)).entries.filter((e) => /^xl\/comments\d*\.xml$/.test(e.name));
    const text = (await Promise.all(comments.map(async (e) => (await readEntry(file, e)).toString('utf8')))).join('');
    expect(text).toContain(cells[7]!);
    await shot(page, '15-serve-upload-refused-findings');
    await page.close();
  });

  it('refuses to file other files than those uploaded, naming the page\'s buttons, not a command', async () => {
    const page = await openWith([b2b('SENT/11', 'Nov')], '112025');
    await page.getByRole('textbox', { name: 'PAN of the authorised signatory' }).fill('AAKCS4821M');
    await page.getByRole('button', { name: 'Upload to the portal' }).click();
    await typeOtp(page);
    await expect.poll(() => state(page), { timeout: 30_000 }).toBe('GSTR-1 uploaded in 1 part: processed. The portal accepted every record.');
    await chooseFiles(page, [b2b('OTHER/11', 'Nov')]);
    await page.getByRole('button', { name: 'File GSTR-1', exact: true }).click();
    // refused before anything is asked of the portal: no OTP
    await expect.poll(() => state(page), { timeout: 30_000 }).toBe(
      'Not filed: the files given differ from what was uploaded (chunk 1 of them was never saved to this destination). Upload these files first (Upload to the portal), or choose the files that were uploaded.',
    );
    expect(emulator.emulator.portal.state('27AAKCS4821M1ZW', '112025').counts.files).toBe(0);
    await shot(page, '16-serve-file-other-files');
    await page.close();
  });

  it('says nothing was uploaded for the blank template, not that the portal accepted it', async () => {
    const page = await openWith(join(ROOT, 'templates/GSTR1_Excel_Workbook_Template.xlsx'), '062025');
    await page.getByRole('button', { name: 'Upload to the portal' }).click();
    await expect.poll(() => state(page), { timeout: 30_000 }).toBe(
      'Nothing was uploaded: the input holds no documents. Check that its sheets were recognised (press Check and look at Rows per sheet).',
    );
    expect(emulator.emulator.portal.state('27AAKCS4821M1ZW', '062025').counts.saves).toBe(0);
    await page.close();
  });

  it('follows a job waiting for its OTP after a reload, asks again, and cancels it without sending anything', async () => {
    const page = await openWith([b2b('WAIT/5', 'May')], '052025');
    await page.getByRole('button', { name: 'Upload to the portal' }).click();
    const otp = page.getByRole('textbox', { name: 'OTP sent to the taxpayer' });
    await otp.waitFor({ timeout: 30_000 });
    await page.reload();
    // the reloaded page finds the job and asks its question again; the other actions wait
    await otp.waitFor({ timeout: 30_000 });
    expect(await page.getByRole('button', { name: 'Upload to the portal' }).isDisabled()).toBe(true);
    await shot(page, '8-serve-job-followed');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => state(page), { timeout: 30_000 }).toBe(
      'Stopped at your request while the portal waited for the OTP: nothing more was sent. Press Upload status to see what the portal holds for this period.',
    );
    expect(await page.getByRole('button', { name: 'Upload to the portal' }).isEnabled()).toBe(true);
    expect(emulator.emulator.portal.state('27AAKCS4821M1ZW', '052025').counts.saves).toBe(0);
    await page.close();
  });
});

describe('gstr1 serve: GSTR-1A, the go-ahead to file and the wait for an answer, on the page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const GSTIN = '27AAKCS4821M1ZW';
  const state = (page: Page) => page.locator('#p-state').textContent();
  /** a b2b CSV of one invoice dated in `month` of `year` */
  const b2b = (invoice: string, month: string, year = '2025') => ({ name: 'b2b.csv', mimeType: 'text/csv', buffer: b2bCsv(invoice, `05-${month}-${year}`) });

  async function openWith(url: string, file: ReturnType<typeof b2b>, period: string, form?: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(url);
    await chooseFiles(page, file);
    await page.getByRole('textbox', { name: 'GSTIN' }).fill(GSTIN);
    await page.getByRole('textbox', { name: 'Return period' }).fill(period);
    if (form) await page.getByRole('combobox', { name: 'Form', exact: true }).selectOption({ label: form });
    await page.getByRole('textbox', { name: 'PAN of the authorised signatory' }).fill('AAKCS4821M');
    return page;
  }

  it('files a GSTR-1A chosen as the Form, naming GSTR-1A in the check, the button, the go-ahead and every outcome', async () => {
    // the period's GSTR-1, filed through serve as the page would
    const gstr1 = b2b('APR/1', 'Apr');
    await api(server, '/api/files/clear');
    await put(server, 'b2b.csv', gstr1.buffer);
    const files = [{ name: 'b2b.csv', bytes: gstr1.buffer.length }];
    expect((await runJob(server, { action: 'upload', gstin: GSTIN, period: '042025', files })).result).toMatchObject({ status: 'uploaded' });
    expect((await runJob(server, { action: 'file', gstin: GSTIN, period: '042025', files, pan: 'AAKCS4821M' })).result).toMatchObject({ status: 'filed' });

    const page = await openWith(server.url, b2b('APR/9', 'Apr'), '042025', 'GSTR-1A');
    expect(await page.locator('#p-file').textContent()).toBe('File GSTR-1A');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => page.locator('#verdict-detail').textContent(), { timeout: 30_000 }).toMatch(/ 1 row checked in .* for GSTR-1A of 27AAKCS4821M1ZW, April 2025\./);
    const dl = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download JSON' }).click();
    expect((await dl).suggestedFilename()).toMatch(/^gstr1a-27AAKCS4821M1ZW-042025\./);
    await page.getByRole('button', { name: 'Upload to the portal' }).click();
    await typeOtp(page);
    await expect.poll(() => state(page), { timeout: 30_000 }).toBe('GSTR-1A uploaded in 1 part: processed. The portal accepted every record.');
    await page.getByRole('button', { name: 'File GSTR-1A', exact: true }).click();
    await typeOtp(page);
    const go = page.getByRole('button', { name: 'File GSTR-1A with these totals' });
    await go.waitFor({ timeout: 30_000 });
    expect(await state(page)).toBe("The portal's summary matches what was uploaded. File GSTR-1A for 27AAKCS4821M1ZW, April 2025?");
    await shot(page, '10-serve-gstr1a-confirm');
    await go.click();
    await typeOtp(page, 'EVC OTP sent to the signatory');
    await expect.poll(() => state(page), { timeout: 30_000 }).toMatch(/^GSTR-1A filed\. ARN [A-Z0-9]{10,}/);
    await shot(page, '11-serve-gstr1a-filed');
    expect(emulator.emulator.portal.state(GSTIN, '042025', 'gstr1a').counts.filed).toBe(1);
    // switched back, the button names GSTR-1 again
    await page.getByRole('combobox', { name: 'Form', exact: true }).selectOption({ label: 'GSTR-1' });
    expect(await page.locator('#p-file').textContent()).toBe('File GSTR-1');
    await page.close();
  });

  it('shows a GSTR-1A refused for a period before July 2024 as a plain message, nothing sent', async () => {
    const page = await openWith(server.url, b2b('JUN/1', 'Jun', '2024'), '062024', 'GSTR-1A');
    await page.getByRole('button', { name: 'Upload to the portal' }).click();
    await expect.poll(() => state(page), { timeout: 30_000 }).toBe(
      "Nothing sent: GSTR-1A exists from the July 2024 period, and June 2024 is before it. Correct this period's documents in the amendment tables (b2ba, cdnra...) of a later GSTR-1.",
    );
    expect(emulator.emulator.portal.state(GSTIN, '062024', 'gstr1a').counts.saves).toBe(0);
    await page.close();
  });

  it('cancels at the go-ahead to file: nothing is filed, and the page says so', async () => {
    const page = await openWith(server.url, b2b('MAR/1', 'Mar'), '032025');
    await page.getByRole('button', { name: 'Upload to the portal' }).click();
    await typeOtp(page);
    await expect.poll(() => state(page), { timeout: 30_000 }).toMatch(/^GSTR-1 uploaded in 1 part: processed\./);
    await page.getByRole('button', { name: 'File GSTR-1', exact: true }).click();
    await typeOtp(page);
    await page.getByRole('button', { name: 'File GSTR-1 with these totals' }).waitFor({ timeout: 30_000 });
    await shot(page, '12-serve-go-ahead-cancel');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => state(page), { timeout: 30_000 }).toBe(
      'Stopped at your request while the portal waited for the go-ahead to file: nothing was filed. Press Upload status to see what the portal holds for this period.',
    );
    expect(await page.locator('#p-confirm').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'File GSTR-1', exact: true }).isEnabled()).toBe(true);
    await shot(page, '13-serve-go-ahead-cancelled');
    expect(emulator.emulator.portal.state(GSTIN, '032025').counts.files).toBe(0);
    expect(emulator.emulator.portal.state(GSTIN, '032025').filed).toBeUndefined();
    await page.close();
  });

  it('a wrong EVC OTP: the page says it was refused and a new one sent, asks again, and the right one files', async () => {
    const page = await openWith(server.url, b2b('JAN/1', 'Jan'), '012025');
    await page.getByRole('button', { name: 'Upload to the portal' }).click();
    await typeOtp(page);
    await expect.poll(() => state(page), { timeout: 30_000 }).toMatch(/^GSTR-1 uploaded in 1 part: processed\./);
    await page.getByRole('button', { name: 'File GSTR-1', exact: true }).click();
    await typeOtp(page);
    await page.getByRole('button', { name: 'File GSTR-1 with these totals' }).click({ timeout: 30_000 });
    await typeOtp(page, 'EVC OTP sent to the signatory', '000000');
    // the same question again, a new one: shown, with why, and Cancel beside it
    await expect.poll(() => state(page), { timeout: 30_000 }).toBe(
      "The portal refused that EVC OTP, and has sent a new one to the signatory. Enter the new code, from the signatory's latest message.",
    );
    const evc = page.getByRole('textbox', { name: 'EVC OTP sent to the signatory' });
    expect(await evc.isVisible()).toBe(true);
    expect(await evc.inputValue()).toBe('');
    expect(await page.getByRole('button', { name: 'Cancel' }).isVisible()).toBe(true);
    await shot(page, '17-serve-evc-otp-refused');
    await typeOtp(page, 'EVC OTP sent to the signatory');
    await expect.poll(() => state(page), { timeout: 30_000 }).toMatch(/^GSTR-1 filed\. ARN [A-Z0-9]{10,}/);
    expect(emulator.emulator.portal.state(GSTIN, '012025').counts.filed).toBe(1);
    await page.close();
  });

  it('says a job waited too long for its OTP and stopped, nothing sent', async () => {
    const quick = await startServer({
      root: join(dir, 'dist'),
      portal: { provider: 'whitebooks', baseUrl: emulator.url, env: CREDENTIALS, journalDir: join(dir, 'journal-quick'), pollMs: 20 },
      jobs: { answerWithinMs: 2000 },
    });
    const page = await openWith(quick.url, b2b('FEB/1', 'Feb'), '022025');
    try {
      await page.getByRole('button', { name: 'Upload to the portal' }).click();
      await page.getByRole('textbox', { name: 'OTP sent to the taxpayer' }).waitFor({ timeout: 60_000 });
      await expect.poll(() => state(page), { timeout: 30_000 }).toBe(
        'Stopped after waiting 2 seconds for the OTP with no answer: nothing more was sent. Start again when you can answer at once (the portal sends a new OTP). Press Upload status to see what the portal holds for this period.',
      );
      expect(await page.getByRole('textbox', { name: 'OTP sent to the taxpayer' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Upload to the portal' }).isEnabled()).toBe(true);
      await shot(page, '14-serve-wait-expired');
      expect(emulator.emulator.portal.state(GSTIN, '022025').counts.saves).toBe(0);
    } finally {
      await page.close();
      await quick.close();
    }
  });
});
