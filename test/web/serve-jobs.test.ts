/**
 * gstr1 serve's portal jobs, through its HTTP API as the page calls it: what is uploaded and filed
 * is exactly what the page chose and checked (two files of one name both kept, every option of the
 * check carried, the files compared before a job starts), a refused file is said, a blank return is
 * not sent, the files of a running job cannot be changed, a waiting job can be cancelled without
 * filing anything, and the journal is the command line's.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/cli/serve/server.js';
import { startEmulator, type RunningEmulator } from '../../src/upload/emulator/index.js';
import { walkRecords } from '../../src/upload/records.js';
import { b2bCsv } from './b2b-csv.js';
import { api, CREDENTIALS, OTP, put, runJob } from './serve-api.js';

const ROOT = join(import.meta.dirname, '../..');
const GSTIN = '27AAKCS4821M1ZW';
const dir = mkdtempSync(join(tmpdir(), 'gstr1-serve-jobs-'));
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** one b2b invoice dated in return period `fp` (MMYYYY) */
const b2b = (invoice: string, fp = '102025') => b2bCsv(invoice, `03-${MONTHS[Number(fp.slice(0, 2)) - 1]}-${fp.slice(2)}`);
// a four-digit HSN: enough below Rs 5 crore of turnover, six digits needed above it (RET191350)
const HSN = Buffer.from('HSN,Description,Description as per HSN Code,UQC,Total Quantity,Total Value,Rate,Taxable Value,Integrated Tax Amount,Central Tax Amount,State/UT Tax Amount,Cess Amount\n1905,Sweet biscuits,SWEET BISCUITS,KGS-KILOGRAMS,1200,"5,72,300.00",18,"4,85,000.00",0,43650,43650,\n');

let emulator: RunningEmulator;
let server: RunningServer;
// each test its own return period (from October 2025), so their uploads do not meet
let month = 0;

function nextPeriod(): string {
  const m = 9 + month++;
  return `${String((m % 12) + 1).padStart(2, '0')}${2025 + Math.floor(m / 12)}`;
}

beforeAll(async () => {
  // the return's lock lives under GSTR1_HOME: this file's own, so other test files' uploads of the same return never meet it
  process.env.GSTR1_HOME = join(dir, 'home');
  emulator = await startEmulator({ otp: OTP, evcOtp: OTP });
  server = await startServer({
    root: dir,
    portal: { provider: 'whitebooks', baseUrl: emulator.url, env: CREDENTIALS, journalDir: join(dir, 'journal'), pollMs: 20 },
    maxFileBytes: 64 * 1024,
  });
});

afterAll(async () => {
  await server?.close();
  await emulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('gstr1 serve: the files of a job are the ones the page chose', () => {
  it('keeps a second file of the same name beside the first, named as the page names it, and uploads both', async () => {
    const fp = nextPeriod();
    await api(server, '/api/files/clear');
    expect((await put(server, 'b2b.csv', b2b('NORTH/1', fp))).body).toEqual({ name: 'b2b.csv', bytes: b2b('NORTH/1', fp).length });
    expect((await put(server, 'b2b.csv', b2b('SOUTH/1', fp))).body).toEqual({ name: 'b2b (2).csv', bytes: b2b('SOUTH/1', fp).length });
    const files = [{ name: 'b2b.csv', bytes: b2b('NORTH/1', fp).length }, { name: 'b2b (2).csv', bytes: b2b('SOUTH/1', fp).length }];
    const job = await runJob(server, { action: 'upload', gstin: GSTIN, period: fp, files });
    expect(job.state).toBe('done');
    expect(job.result).toMatchObject({ status: 'uploaded', complete: true, total: 1 });
    const docs = [...emulator.emulator.portal.state(GSTIN, fp).docs.keys()].join(' ');
    expect(docs).toContain('north/1');
    expect(docs).toContain('south/1');
  });

  it('refuses to start when the files it holds are not the ones the page chose: nothing is sent', async () => {
    const fp = nextPeriod();
    await api(server, '/api/files/clear');
    await put(server, 'b2b.csv', b2b('ONLY/1', fp));
    const saves = emulator.emulator.portal.state(GSTIN, fp).counts.saves;
    // the page chose two files; serve holds one (another tab cleared and replaced them, say)
    const r = await api(server, '/api/job', { body: JSON.stringify({ action: 'upload', gstin: GSTIN, period: fp, files: [{ name: 'b2b.csv', bytes: b2b('ONLY/1', fp).length }, { name: 'b2b (2).csv', bytes: 10 }] }) });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('SERVE_FILES_DIFFER');
    expect(r.body.message).toMatch(/^gstr1 serve does not hold the files chosen on this page \(it holds b2b\.csv \(\d+ bytes\); the page chose b2b\.csv .*b2b \(2\)\.csv \(10 bytes\)\): nothing was sent to the portal$/);
    // same names, another size: refused too; and so is a job naming no file at all
    const sized = await api(server, '/api/job', { body: JSON.stringify({ action: 'file', gstin: GSTIN, period: fp, files: [{ name: 'b2b.csv', bytes: 1 }] }) });
    expect(sized.body.code).toBe('SERVE_FILES_DIFFER');
    expect((await api(server, '/api/job', { body: JSON.stringify({ action: 'upload', gstin: GSTIN, period: fp }) })).body.code).toBe('SERVE_FILES_DIFFER');
    expect(emulator.emulator.portal.state(GSTIN, fp).counts.saves).toBe(saves);
  });

  it('says why it refuses a file: a name it cannot take, a name badly encoded, a file over its size limit', async () => {
    const hidden = await put(server, '.b2b.csv', b2b('X'));
    expect(hidden.status).toBe(400);
    expect(hidden.body).toMatchObject({ code: 'SERVE_FILE_NAME', message: 'gstr1 serve cannot take a file named ".b2b.csv"' });
    const garbled = await api(server, '/api/files', { body: b2b('X'), headers: { 'x-file-name': '%E0%A4%A' } });
    expect(garbled.status).toBe(400);
    expect(garbled.body.code).toBe('SERVE_FILE_NAME');
    const big = await put(server, 'b2b.csv', Buffer.alloc(65 * 1024, 32));
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ code: 'SERVE_FILE_TOO_LARGE', message: 'b2b.csv is larger than gstr1 serve takes (64 KB at most)' });
  });
});

describe('gstr1 serve: a job checks as the page checked', () => {
  it('applies the turnover the page was given: six-digit HSN above Rs 5 crore, so the upload is refused', async () => {
    const fp = nextPeriod();
    await api(server, '/api/files/clear');
    await put(server, 'b2b.csv', b2b('TURN/1', fp));
    await put(server, 'hsn(b2b).csv', HSN);
    const files = [{ name: 'b2b.csv', bytes: b2b('TURN/1', fp).length }, { name: 'hsn(b2b).csv', bytes: HSN.length }];
    const over = await runJob(server, { action: 'upload', gstin: GSTIN, period: fp, files, turnover: 62_000_000 });
    expect(over.result).toMatchObject({ status: 'refused', errors: 1 });
    expect(emulator.emulator.portal.state(GSTIN, fp).counts.saves).toBe(0);
    const under = await runJob(server, { action: 'upload', gstin: GSTIN, period: fp, files, turnover: 40_000_000 });
    expect(under.result).toMatchObject({ status: 'uploaded', complete: true });
  });

  it('reads the files with the page\'s column mapping, for upload and for filing alike', async () => {
    const fp = nextPeriod();
    await api(server, '/api/files/clear');
    await put(server, 'b2b.csv', b2b('MAP/1', fp));
    const files = [{ name: 'b2b.csv', bytes: b2b('MAP/1', fp).length }];
    // a mapping for a sheet the file lacks: read with it, the file is not a return
    const mapping = JSON.stringify({ layout: 'register', sheet: 'Sales', headerRow: 1, columns: { invoiceNumber: 'Bill No' } });
    const up = await runJob(server, { action: 'upload', gstin: GSTIN, period: fp, files, mapping });
    expect(up.state).toBe('failed');
    const filing = await runJob(server, { action: 'file', gstin: GSTIN, period: fp, files, mapping, pan: 'AAKCS4821M' });
    expect(filing.state).toBe('failed');
    expect(filing.failure).toEqual(up.failure);
    expect(up.failure).toMatchObject({ code: expect.stringMatching(/^(REGISTER|MAPPING)_/) });
    expect(emulator.emulator.portal.state(GSTIN, fp).counts.saves).toBe(0);
    // without it the same file uploads
    expect((await runJob(server, { action: 'upload', gstin: GSTIN, period: fp, files })).result).toMatchObject({ status: 'uploaded' });
    // and with a mapping of another register's columns, which fits it not: read as the page reads it, as the template
    const other = JSON.stringify({ layout: 'register', columns: { docNum: 'Bill No', docDate: 'Bill Date', txval: 'Net Amount' } });
    expect((await runJob(server, { action: 'upload', gstin: GSTIN, period: fp, files, mapping: other })).result).toMatchObject({ status: 'uploaded' });
  });

  it('sends nothing for a return that holds no document (the blank template), and says total 0', async () => {
    const fp = nextPeriod();
    const blank = readFileSync(join(ROOT, 'templates/GSTR1_Excel_Workbook_Template.xlsx'));
    const local = await startServer({ root: dir, portal: { provider: 'whitebooks', baseUrl: emulator.url, env: CREDENTIALS, journalDir: join(dir, 'journal'), pollMs: 20 } });
    try {
      await put(local, 'GSTR1_Excel_Workbook_Template.xlsx', blank);
      const job = await runJob(local, { action: 'upload', gstin: GSTIN, period: fp, files: [{ name: 'GSTR1_Excel_Workbook_Template.xlsx', bytes: blank.length }] });
      expect(job.result).toMatchObject({ status: 'uploaded', complete: true, chunks: [], total: 0 });
      // in the catalogue's words for the page: the command line says the same, its hint naming gstr1 validate
      expect((job.result as Record<string, unknown>).nothingUploaded).toEqual({
        code: 'UPLOAD_NOTHING_UPLOADED',
        message: 'Nothing was uploaded: the input holds no documents',
        hint: 'Check that its sheets were recognised (press Check and look at Rows per sheet).',
      });
      expect(emulator.emulator.portal.state(GSTIN, fp).counts.saves).toBe(0);
    } finally {
      await local.close();
    }
  });
});

describe('gstr1 serve: a running job', () => {
  it('keeps its files while it runs, and a cancel at the OTP stops it before anything is sent', async () => {
    const fp = nextPeriod();
    await api(server, '/api/files/clear');
    await put(server, 'b2b.csv', b2b('BUSY/1', fp));
    const files = [{ name: 'b2b.csv', bytes: b2b('BUSY/1', fp).length }];
    const job = await runJob(server, { action: 'upload', gstin: GSTIN, period: fp, files }, async (q) => {
      expect(q.kind).toBe('otp');
      const replace = await put(server, 'b2b.csv', b2b('OTHER/1', fp));
      expect(replace.status).toBe(409);
      expect(replace.body).toMatchObject({ code: 'SERVE_FILES_BUSY', message: 'The files cannot be changed while a request to the portal is running: it may still read them' });
      expect((await api(server, '/api/files/clear')).body.code).toBe('SERVE_FILES_BUSY');
      expect((await api(server, '/api/job/cancel')).status).toBe(200);
      return true;
    });
    expect(job).toMatchObject({ state: 'failed', failure: { code: 'SERVE_CANCELLED', message: 'Stopped at your request while the portal waited for the OTP: nothing more was sent' } });
    expect(emulator.emulator.portal.state(GSTIN, fp).counts.saves).toBe(0);
    // the job is over: nothing left to cancel, and the files may change again
    expect((await api(server, '/api/job/cancel')).status).toBe(409);
    expect((await put(server, 'b2b.csv', b2b('OTHER/1', fp))).status).toBe(200);
  });

  it('a cancel at the go-ahead to file files nothing, and the job says so', async () => {
    const fp = nextPeriod();
    await api(server, '/api/files/clear');
    await put(server, 'b2b.csv', b2b('FILE/1', fp));
    const files = [{ name: 'b2b.csv', bytes: b2b('FILE/1', fp).length }];
    expect((await runJob(server, { action: 'upload', gstin: GSTIN, period: fp, files })).result).toMatchObject({ status: 'uploaded' });
    const job = await runJob(server, { action: 'file', gstin: GSTIN, period: fp, files, pan: 'AAKCS4821M' }, async (q) => {
      if (q.kind !== 'confirm') return false;
      expect((await api(server, '/api/job/cancel')).status).toBe(200);
      return true;
    });
    expect(job).toMatchObject({
      state: 'failed',
      failure: { code: 'SERVE_CANCELLED', message: 'Stopped at your request while the portal waited for the go-ahead to file: nothing was filed' },
    });
    expect(emulator.emulator.portal.state(GSTIN, fp).counts.filed).toBe(0);
  });
});

describe('gstr1 serve: an OTP asked again in one job', () => {
  /** the questions a job asked, as the page saw them, answered with `answers` (an OTP) in turn, the go-ahead given */
  async function askedOf(body: Record<string, unknown>, answers: string[]) {
    const asked: Record<string, unknown>[] = [];
    const job = await runJob(server, body, async (q) => {
      asked.push(q);
      if (q.kind === 'confirm') return false;
      await api(server, '/api/job/answer', { body: JSON.stringify({ value: answers.shift() ?? OTP }) });
      return true;
    });
    return { job, asked };
  }

  it('a refused EVC OTP: the question comes back numbered anew, saying the code was refused and a new one sent; the right code files', async () => {
    const fp = nextPeriod();
    await api(server, '/api/files/clear');
    await put(server, 'b2b.csv', b2b('EVC/1', fp));
    const files = [{ name: 'b2b.csv', bytes: b2b('EVC/1', fp).length }];
    expect((await runJob(server, { action: 'upload', gstin: GSTIN, period: fp, files })).result).toMatchObject({ status: 'uploaded' });
    const requested = emulator.emulator.calls.evcotp ?? 0;
    const { job, asked } = await askedOf({ action: 'file', gstin: GSTIN, period: fp, files, pan: 'AAKCS4821M' }, [OTP, '000000', OTP]);
    expect(job.result).toMatchObject({ status: 'filed' });
    const evc = asked.filter((q) => q.kind === 'evc-otp');
    expect(evc).toHaveLength(2);
    // the same kind twice: told apart by number, the second with why it is asked
    expect(evc[1]!.seq).toBeGreaterThan(evc[0]!.seq as number);
    expect(evc[0]!.why).toBeUndefined();
    expect(evc[1]!.why).toEqual({
      code: 'UPLOAD_EVC_OTP_REFUSED',
      message: 'The portal refused that EVC OTP, and has sent a new one to the signatory',
      hint: "Enter the new code, from the signatory's latest message.",
    });
    expect((emulator.emulator.calls.evcotp ?? 0) - requested).toBe(2);
  });

  it('a session that expires during an upload: the taxpayer OTP is asked again, numbered anew, saying why', async () => {
    const fp = nextPeriod();
    await api(server, '/api/files/clear');
    await put(server, 'b2b.csv', b2b('EXPIRED/1', fp));
    const files = [{ name: 'b2b.csv', bytes: b2b('EXPIRED/1', fp).length }];
    emulator.emulator.setFault('status', { expireSession: { times: 1 } });
    try {
      const { job, asked } = await askedOf({ action: 'upload', gstin: GSTIN, period: fp, files }, [OTP, OTP]);
      expect(job.result).toMatchObject({ status: 'uploaded', complete: true });
      expect(asked.map((q) => [q.kind, q.seq])).toEqual([['otp', 1], ['otp', 2]]);
      expect(asked[1]!.why).toMatchObject({ code: 'UPLOAD_SESSION_EXPIRED_OTP', message: 'The portal session expired, and the portal has sent a new OTP to the taxpayer to open another' });
    } finally {
      emulator.emulator.clearFaults('status');
    }
  });
});

describe('gstr1 serve: its own files never take a chosen file\'s place', () => {
  it('uploads a workbook named portal-errors.xlsx, and offers the portal\'s errors on it as portal-errors-portal-errors.xlsx', async () => {
    // a portal that refuses the sample's first b2b invoice, so serve writes its annotated copy
    const picky = await startEmulator({
      otp: OTP,
      validatePayload: (payload) => {
        const first = [...walkRecords(payload)].find((e) => e.section === 'b2b');
        return first ? [{ key: first.key, code: 'RET191113', message: 'Invalid GSTIN/UIN of the recipient.' }] : [];
      },
    });
    const local = await startServer({ root: dir, portal: { provider: 'whitebooks', baseUrl: picky.url, env: CREDENTIALS, journalDir: join(dir, 'journal-named'), pollMs: 20 } });
    try {
      const sample = readFileSync(join(ROOT, 'templates/sample/gstr1-sample.xlsx'));
      // the name of the page's own download, corrected and chosen again
      await put(local, 'portal-errors.xlsx', sample);
      const job = await runJob(local, { action: 'upload', gstin: GSTIN, period: '102025', files: [{ name: 'portal-errors.xlsx', bytes: sample.length }] });
      expect(job.state).toBe('done');
      expect(job.result).toMatchObject({ status: 'uploaded', annotated: true, annotatedName: 'portal-errors-portal-errors.xlsx' });
      const res = await fetch(`${local.origin}/api/job/annotated`, { headers: { 'x-gstr1-token': local.token } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="portal-errors-portal-errors.xlsx"; filename*=UTF-8''portal-errors-portal-errors.xlsx`);
      const annotated = Buffer.from(await res.arrayBuffer());
      expect(annotated.equals(sample)).toBe(false);
      expect(annotated.subarray(0, 2).toString()).toBe('PK');
    } finally {
      await local.close();
      await picky.close();
    }
  });
});

describe('gstr1 serve: the journal', () => {
  it('is kept where gstr1 upload, status and file keep it when serve is given no --journal-dir', async () => {
    const fp = nextPeriod();
    const home = mkdtempSync(join(dir, 'home-'));
    const before = process.env.GSTR1_HOME;
    process.env.GSTR1_HOME = home;
    const local = await startServer({ root: dir, portal: { provider: 'whitebooks', baseUrl: emulator.url, env: CREDENTIALS, pollMs: 20 } });
    try {
      await put(local, 'b2b.csv', b2b('JOURNAL/1', fp));
      const job = await runJob(local, { action: 'upload', gstin: GSTIN, period: fp, files: [{ name: 'b2b.csv', bytes: b2b('JOURNAL/1', fp).length }] });
      expect(job.result).toMatchObject({ status: 'uploaded' });
      expect(readdirSync(join(home, 'journals')).some((f) => f.startsWith(GSTIN))).toBe(true);
    } finally {
      if (before === undefined) delete process.env.GSTR1_HOME;
      else process.env.GSTR1_HOME = before;
      await local.close();
    }
  });
});
