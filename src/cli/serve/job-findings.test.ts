/**
 * What gstr1 serve lists under a job's outcome for the page (GET /api/job/findings): the findings
 * that stopped an upload and those the portal reported on the rows, each file named as the page
 * chose it (never serve's temporary path); and the portal's errors a status found.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../upload/emulator/index.js';
import { walkRecords } from '../../upload/records.js';
import { b2bCsv } from '../../../test/web/b2b-csv.js';
import { api, CREDENTIALS, OTP, put, runJob } from '../../../test/web/serve-api.js';
import { asChosen, failureOf } from './portal.js';
import { startServer, type RunningServer } from './server.js';

const GSTIN = '27AAKCS4821M1ZW';
const dir = mkdtempSync(join(tmpdir(), 'gstr1-serve-findings-'));
let picky: RunningEmulator;
let server: RunningServer;

beforeAll(async () => {
  process.env.GSTR1_HOME = join(dir, 'home');
  // a portal that refuses the first b2b invoice it is sent
  picky = await startEmulator({
    otp: OTP,
    validatePayload: (payload) => {
      const first = [...walkRecords(payload)].find((e) => e.section === 'b2b');
      return first ? [{ key: first.key, code: 'RET191113', message: 'Invalid GSTIN/UIN of the recipient.' }] : [];
    },
  });
  server = await startServer({ root: dir, portal: { provider: 'whitebooks', baseUrl: picky.url, env: CREDENTIALS, journalDir: join(dir, 'journal'), pollMs: 20 } });
});
afterAll(async () => {
  await server?.close();
  await picky?.close();
  rmSync(dir, { recursive: true, force: true });
});

const findingsNow = async () => (await api(server, '/api/job/findings', { method: 'GET' })).body as { findings: Record<string, unknown>[]; portalErrors: Record<string, unknown>[] };

async function handOver(name: string, data: Buffer) {
  await api(server, '/api/files/clear');
  await put(server, name, data);
  return [{ name, bytes: data.length }];
}

describe('gstr1 serve: the findings under a job, for the page to list', () => {
  it('an upload refused for the return\'s errors: its findings, on the file as the page named it', async () => {
    // a recipient GSTIN whose check character is wrong: an error of the local check, nothing sent
    const files = await handOver('sales b2b.csv', b2bCsv('BAD/1', '05-Jul-2025', '27AAFCP7263Q1ZX'));
    const job = await runJob(server, { action: 'upload', gstin: GSTIN, period: '072025', files });
    expect(job).toMatchObject({ state: 'done', result: { status: 'refused', errors: 1 } });
    const { findings, portalErrors } = await findingsNow();
    expect(portalErrors).toEqual([]);
    expect(findings).toContainEqual(expect.objectContaining({ code: 'RET191113', severity: 'error', file: 'sales b2b.csv', row: 2, column: 'GSTIN/UIN of Recipient', col: 1 }));
    expect(JSON.stringify(findings)).not.toContain(tmpdir());
    expect(picky.emulator.portal.state(GSTIN, '072025').counts.saves).toBe(0);
  });

  it('an upload the portal refused a record of: the portal\'s error on its row; a status then lists it for the page to place', async () => {
    const files = await handOver('b2b.csv', b2bCsv('PORTAL/1', '05-Aug-2025'));
    const job = await runJob(server, { action: 'upload', gstin: GSTIN, period: '082025', files });
    expect(job).toMatchObject({ state: 'done', result: { status: 'uploaded', portalErrors: 1 } });
    const uploaded = await findingsNow();
    expect(uploaded.findings).toEqual([expect.objectContaining({ code: 'RET191113', file: 'b2b.csv', row: 2, portalMessage: 'Invalid GSTIN/UIN of the recipient.' })]);

    const status = await runJob(server, { action: 'status', gstin: GSTIN, period: '082025' });
    expect(status).toMatchObject({ state: 'done', result: { portalErrors: 1 } });
    const listed = await findingsNow();
    expect(listed.findings).toEqual([]);
    expect(listed.portalErrors).toEqual([expect.objectContaining({ code: 'RET191113', message: 'Invalid GSTIN/UIN of the recipient.', key: expect.objectContaining({ section: 'b2b' }) })]);
  });

  it('a job with nothing to list lists nothing', async () => {
    const files = await handOver('b2b.csv', b2bCsv('PORTAL/2', '05-Sep-2025'));
    await runJob(server, { action: 'upload', gstin: GSTIN, period: '092025', files });
    // the portal refused the invoice; a reset leaves no chunk, so the status after it finds no error
    await runJob(server, { action: 'reset', gstin: GSTIN, period: '092025' });
    await runJob(server, { action: 'status', gstin: GSTIN, period: '092025' });
    expect(await findingsNow()).toEqual({ findings: [], portalErrors: [] });
  });
});

describe('gstr1 serve: findings and failures in the page\'s words', () => {
  it('names each file as the page chose it, in a finding\'s place and its parameters', () => {
    const held = [{ name: 'b2b (2).csv', path: '/tmp/gstr1-serve-x/b2b (2).csv', bytes: 1 }];
    const f = { code: 'RET191117', severity: 'error' as const, file: held[0]!.path, row: 3, params: { firstFile: held[0]!.path, firstRow: 2 } };
    expect(asChosen([f], held)).toEqual([{ ...f, file: 'b2b (2).csv', params: { firstFile: 'b2b (2).csv', firstRow: 2 } }]);
  });

  it('an unexpected failure says what is known and where to look, naming no option serve does not have', () => {
    const f = failureOf(new Error('boom'));
    expect(f).toEqual({
      code: 'SERVE_INTERNAL',
      message: 'The request to the portal failed unexpectedly',
      hint: 'Press Upload status to see what the portal holds for this period, then try again; if it happens again, please report it.',
    });
    expect(JSON.stringify(f)).not.toContain('boom');
  });
});
