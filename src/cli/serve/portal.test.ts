/**
 * gstr1 serve's portal jobs for a GSTR-1A (the page's Form), through the same runs as the command
 * line's --form gstr1a, a job that waits too long for its answer (stopped, nothing filed), and a
 * credentials file refused in the words of the page's reader.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../upload/emulator/index.js';
import { b2bCsv } from '../../../test/web/b2b-csv.js';
import { api, CREDENTIALS, jobNow, OTP, put, runJob } from '../../../test/web/serve-api.js';
import { startServer, type RunningServer } from './server.js';

const GSTIN = '27AAKCS4821M1ZW';
const PAN = 'AAKCS4821M';
const BLANK = readFileSync(join(import.meta.dirname, '../../../templates/GSTR1_Excel_Workbook_Template.xlsx'));
const dir = mkdtempSync(join(tmpdir(), 'gstr1-serve-portal-'));
let emulator: RunningEmulator;
let server: RunningServer;

beforeAll(async () => {
  // the return's lock lives under GSTR1_HOME: this file's own
  process.env.GSTR1_HOME = join(dir, 'home');
  emulator = await startEmulator({ otp: OTP, evcOtp: OTP });
  server = await startServer({ root: dir, portal: { provider: 'whitebooks', baseUrl: emulator.url, env: CREDENTIALS, journalDir: join(dir, 'journal'), pollMs: 20 } });
});
afterAll(async () => {
  await server?.close();
  await emulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Hands serve one b2b CSV of `invoice`, dated in `fp`; the files as the page names them. */
async function handOver(s: RunningServer, invoice: string, fp: string) {
  const data = b2bCsv(invoice, `05-${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(fp.slice(0, 2)) - 1]}-${fp.slice(2)}`);
  await api(s, '/api/files/clear');
  await put(s, 'b2b.csv', data);
  return [{ name: 'b2b.csv', bytes: data.length }];
}

describe('gstr1 serve: GSTR-1A, as gstr1 upload and file --form gstr1a', () => {
  it('refuses a GSTR-1A before the period\'s GSTR-1 is filed, then uploads and files it after, with its own ARN', async () => {
    const fp = '082025';
    const early = await runJob(server, { action: 'upload', form: 'gstr1a', gstin: GSTIN, period: fp, files: await handOver(server, 'LATE/1', fp) });
    expect(early).toMatchObject({ state: 'failed', form: 'gstr1a', failure: { code: 'UPLOAD_GSTR1A_GSTR1_NOT_FILED' } });
    expect((early.failure as { hint: string }).hint).toContain('(GSTR-1 in Form: Upload to the portal, then File GSTR-1)');
    expect(emulator.emulator.portal.state(GSTIN, fp, 'gstr1a').counts.saves).toBe(0);

    // the GSTR-1 first, as the page sends it when GSTR-1 is the form (the default: no form named)
    const files = await handOver(server, 'AUG/1', fp);
    expect((await runJob(server, { action: 'upload', gstin: GSTIN, period: fp, files })).result).toMatchObject({ status: 'uploaded' });
    const gstr1 = await runJob(server, { action: 'file', gstin: GSTIN, period: fp, files, pan: PAN });
    expect(gstr1).toMatchObject({ state: 'done', form: 'gstr1', result: { status: 'filed' } });

    // a GSTR-1A of no document (the blank template) is not uploaded, and not filed empty
    await api(server, '/api/files/clear');
    await put(server, 'GSTR1_Excel_Workbook_Template.xlsx', BLANK);
    const blank = [{ name: 'GSTR1_Excel_Workbook_Template.xlsx', bytes: BLANK.length }];
    const none = await runJob(server, { action: 'upload', form: 'gstr1a', gstin: GSTIN, period: fp, files: blank });
    expect(none).toMatchObject({ state: 'done', result: { total: 0, nothingUploaded: { code: 'UPLOAD_NOTHING_UPLOADED' } } });
    const empty = await runJob(server, { action: 'file', form: 'gstr1a', gstin: GSTIN, period: fp, files: blank, pan: PAN });
    expect(empty).toMatchObject({ state: 'failed', failure: { code: 'UPLOAD_NOTHING_TO_FILE', message: 'Not filed: nothing was uploaded for this GSTR-1A, and a GSTR-1A is not filed empty' } });

    const missed = await handOver(server, 'LATE/1', fp);
    const up = await runJob(server, { action: 'upload', form: 'gstr1a', gstin: GSTIN, period: fp, files: missed });
    expect(up).toMatchObject({ state: 'done', form: 'gstr1a', result: { status: 'uploaded', complete: true } });
    expect([...emulator.emulator.portal.state(GSTIN, fp, 'gstr1a').docs.keys()].join(' ')).toContain('late/1');
    const filed = await runJob(server, { action: 'file', form: 'gstr1a', gstin: GSTIN, period: fp, files: missed, pan: PAN });
    expect(filed).toMatchObject({ state: 'done', form: 'gstr1a', result: { status: 'filed', alreadyFiled: false } });
    expect((filed.result as { arn: string }).arn).not.toBe((gstr1.result as { arn: string }).arn);
    expect(emulator.emulator.portal.state(GSTIN, fp, 'gstr1a').counts.filed).toBe(1);
    expect(emulator.emulator.portal.state(GSTIN, fp).counts.filed).toBe(1);
  });

  it('refuses a GSTR-1A for a period before July 2024 in the command line\'s words, before anything is read or sent', async () => {
    const fp = '062024';
    const files = await handOver(server, 'JUNE/1', fp);
    for (const action of ['upload', 'file', 'status']) {
      const job = await runJob(server, { action, form: 'gstr1a', gstin: GSTIN, period: fp, files, pan: PAN });
      expect(job, action).toMatchObject({
        state: 'failed',
        failure: { code: 'UPLOAD_GSTR1A_PERIOD', message: 'Nothing sent: GSTR-1A exists from the July 2024 period, and June 2024 is before it' },
      });
    }
    expect(emulator.emulator.portal.state(GSTIN, fp, 'gstr1a').counts.saves).toBe(0);
    expect(emulator.emulator.portal.state(GSTIN, fp).counts.saves).toBe(0);
    // the job names the return as the portal knows it, however the GSTIN was typed
    const typed = await runJob(server, { action: 'status', form: 'gstr1a', gstin: ` ${GSTIN.toLowerCase()} `, period: fp });
    expect(typed).toMatchObject({ gstin: GSTIN, period: fp, form: 'gstr1a', failure: { code: 'UPLOAD_GSTR1A_PERIOD' } });
  });

  it('refuses a form it does not know, starting no job', async () => {
    const r = await api(server, '/api/job', { body: JSON.stringify({ action: 'status', form: 'gstr2', gstin: GSTIN, period: '102025' }) });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'UPLOAD_FORM', message: '"gstr2" is not a form' });
  });
});

describe('gstr1 serve: Upload status after uploading again', () => {
  it('shows the latest upload only: a chunk it superseded is neither counted nor listed', async () => {
    const fp = '072025';
    await runJob(server, { action: 'upload', gstin: GSTIN, period: fp, files: await handOver(server, 'JUL/1', fp) });
    await runJob(server, { action: 'upload', gstin: GSTIN, period: fp, files: await handOver(server, 'JUL/2', fp) });
    const status = await runJob(server, { action: 'status', gstin: GSTIN, period: fp });
    expect(status).toMatchObject({ state: 'done', result: { chunks: [{ index: 1, outcome: 'processed', errors: 0 }] } });
    expect((status.result as { chunks: unknown[] }).chunks).toHaveLength(1);
  });
});

describe('gstr1 serve: a job left waiting for its answer', () => {
  let quick: RunningServer;
  beforeAll(async () => {
    quick = await startServer({ root: dir, portal: { provider: 'whitebooks', baseUrl: emulator.url, env: CREDENTIALS, journalDir: join(dir, 'journal-quick'), pollMs: 20 }, jobs: { answerWithinMs: 1000 } });
  });
  afterAll(async () => {
    await quick?.close();
  });

  /** Runs `body` answering every question but `unanswered`, which is left to the limit. */
  async function leave(unanswered: string, body: Record<string, unknown>) {
    const seen: string[] = [];
    const job = await runJob(quick, body, async (q) => {
      seen.push(q.kind);
      return q.kind === unanswered;
    });
    expect(seen).toContain(unanswered);
    return job;
  }

  it('stops at the OTP after the limit: nothing sent, and says it waited too long', async () => {
    const fp = '112025';
    const job = await leave('otp', { action: 'upload', gstin: GSTIN, period: fp, files: await handOver(quick, 'WAIT/1', fp) });
    expect(job).toMatchObject({
      state: 'failed',
      failure: {
        code: 'SERVE_WAIT_EXPIRED',
        message: 'Stopped after waiting 1 second for the OTP with no answer: nothing more was sent',
        hint: 'Start again when you can answer at once (the portal sends a new OTP). Press Upload status to see what the portal holds for this period.',
      },
    });
    expect(emulator.emulator.portal.state(GSTIN, fp).counts.saves).toBe(0);
  });

  it('stops at the go-ahead to file after the limit: nothing filed', async () => {
    const fp = '122025';
    const files = await handOver(quick, 'WAIT/2', fp);
    expect((await runJob(quick, { action: 'upload', gstin: GSTIN, period: fp, files })).result).toMatchObject({ status: 'uploaded' });
    const job = await leave('confirm', { action: 'file', gstin: GSTIN, period: fp, files, pan: PAN });
    expect(job).toMatchObject({ state: 'failed', failure: { code: 'SERVE_WAIT_EXPIRED', message: 'Stopped after waiting 1 second for the go-ahead to file with no answer: nothing was filed' } });
    expect(emulator.emulator.portal.state(GSTIN, fp).counts.filed).toBe(0);
    expect(emulator.emulator.portal.state(GSTIN, fp).counts.files).toBe(0);
    // the files may change again: the job is over
    expect((await jobNow(quick)).state).toBe('failed');
    expect((await put(quick, 'b2b.csv', b2bCsv('WAIT/3', '05-Dec-2025'))).status).toBe(200);
  });
});

describe('gstr1 serve: its credentials file, as the page tells it', () => {
  let shared: RunningServer;
  const config = join(dir, 'credentials.json');
  beforeAll(async () => {
    // a config file others may read: refused, and the page's reader cannot chmod it
    writeFileSync(config, JSON.stringify(CREDENTIALS), { mode: 0o644 });
    chmodSync(config, 0o644);
    shared = await startServer({ root: dir, portal: { provider: 'whitebooks', baseUrl: emulator.url, configFile: config, env: {}, journalDir: join(dir, 'journal-config'), pollMs: 20 } });
  });
  afterAll(async () => {
    await shared?.close();
  });

  it('asks whoever set the page up to make it private, naming no command and no path of the server', async () => {
    const fp = '092025';
    const job = await runJob(shared, { action: 'upload', gstin: GSTIN, period: fp, files: await handOver(shared, 'CONF/1', fp) });
    expect(job).toMatchObject({
      state: 'failed',
      failure: { code: 'UPLOAD_CONFIG_PERMISSIONS', hint: 'Ask whoever set up this page to make its credentials file readable by them only, then press the button again.' },
    });
    expect(emulator.emulator.portal.state(GSTIN, fp).counts.saves).toBe(0);
  });
});
