/**
 * The portal commands' exit codes, as the README's "Commands" section promises, through the
 * command line against the emulator: 1 when the portal refused the return (or nothing was filed),
 * 3 when it has not finished, 2 on usage, login or network failure. And what status says after
 * the portal refused a save.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gstr1 } from '../helpers/portal-cli.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/upload/emulator/index.js';
import { GSTIN, OTP, PAN, PERIOD, samplePayloads } from './provider-contract.js';

const KEYS = { apiKey: 'key_live_exitcodes1', apiSecret: 'secret_live_exitcodes1' };
const ENV = { GSTR1_SANDBOX_API_KEY: KEYS.apiKey, GSTR1_SANDBOX_API_SECRET: KEYS.apiSecret, GSTR1_GST_USERNAME: 'taxpayer_exitcodes' };

const emulators: RunningEmulator[] = [];
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gstr1-exit-'));
  vi.stubEnv('GSTR1_HOME', join(dir, 'home'));
  for (const [k, v] of Object.entries(ENV)) vi.stubEnv(k, v);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  while (emulators.length) await emulators.pop()!.close();
});

async function emulator(o: EmulatorOptions = {}): Promise<RunningEmulator> {
  const e = await startEmulator({ credentials: { sandbox: KEYS }, ...o });
  emulators.push(e);
  return e;
}

const at = (emu: RunningEmulator | string, journal = 'journals') =>
  ['--provider', 'sandbox', '--base-url', typeof emu === 'string' ? emu : emu.url, '--otp', OTP, '--poll-ms', '1', '--journal-dir', join(dir, journal)];
const ret = ['--gstin', GSTIN, '--period', PERIOD];
const filing = ['--pan', PAN, '--evc-otp', OTP, '--yes'];

function chunkFiles(): string[] {
  return samplePayloads().map((p, i) => {
    const f = join(dir, `chunk-${i + 1}.json`);
    writeFileSync(f, p);
    return f;
  });
}

describe('exit codes: the portal refused the return (1)', () => {
  it('a return past its three-year bar (s.37(5)): 1 for upload and file, refused before anything is sent', async () => {
    const emu = await emulator();
    // December 2022: due 13-01-2023, barred after 13-01-2026
    const old = join(dir, 'dec-2022.json');
    writeFileSync(old, JSON.stringify({ gstin: GSTIN, fp: '122022', b2cs: [{ sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 18, txval: 100, camt: 9, samt: 9, csamt: 0 }] }));
    const up = await gstr1('upload', old, ...at(emu));
    expect(up.stderr).toContain('three years later');
    expect(up.code).toBe(1);
    const filed = await gstr1('file', '--gstin', GSTIN, '--period', '122022', ...at(emu), ...filing);
    expect(filed.code).toBe(1);
    expect(Object.values(emu.emulator.calls).reduce((a, n) => a + n, 0)).toBe(0);
  });

  it('a nil return with data saved (RET191148): 1, nothing filed', async () => {
    const emu = await emulator();
    expect((await gstr1('upload', chunkFiles()[0]!, ...at(emu))).code).toBe(0);
    // another journal knows nothing of that save: the portal refuses the nil filing itself
    const nil = await gstr1('file', ...ret, ...at(emu, 'other'), ...filing, '--nil');
    expect(nil.stderr).toContain('RET191148');
    expect(nil.code).toBe(1);
    expect(nil.stdout).not.toMatch(/Filed|ARN/);
    expect(emu.emulator.portal.state(GSTIN, PERIOD).filed).toBeUndefined();
  });

  it('the previous GSTR-3B not filed (RET192409): 1', async () => {
    const emu = await emulator({ gstr3bFiled: false });
    const [f] = chunkFiles();
    expect((await gstr1('upload', f!, ...at(emu))).code).toBe(0);
    const r = await gstr1('file', f!, ...at(emu), ...filing);
    expect(r.stderr).toContain('RET192409');
    expect(r.code).toBe(1);
  });

  it('a return filed by hand: file (RET00009) and upload (AUTH117) exit 1; status says what the portal answered and what to do', async () => {
    const emu = await emulator();
    const [one, two] = chunkFiles();
    expect((await gstr1('upload', one!, ...at(emu))).code).toBe(0);
    emu.emulator.portal.state(GSTIN, PERIOD).filed = { arn: 'AA270325000099', ackDt: '10-04-2025' };

    const file = await gstr1('file', one!, ...at(emu), ...filing);
    expect(file.stderr).toMatch(/already filed.*RET00009/);
    expect(file.code).toBe(1);
    expect(file.stdout).not.toContain('Filed: ARN');

    const up = await gstr1('upload', two!, ...at(emu));
    expect(up.stderr).toMatch(/already filed.*AUTH117/);
    expect(up.code).toBe(1);
    const journalFile = readFileSync(join(dir, 'journals', (await import('node:fs')).readdirSync(join(dir, 'journals')).find((n) => n.endsWith('.jsonl'))!), 'utf8');
    const refused = journalFile.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>).find((r) => r.outcome === 'refused');
    expect(refused).toMatchObject({ step: 'chunk_status', index: 1, answer: { code: 'UPLOAD_ALREADY_FILED', params: { providerCode: 'AUTH117' } } });

    const st = await gstr1('status', ...ret, ...at(emu));
    expect(st.stdout).toContain('chunk 1: refused by the portal (nothing saved):');
    expect(st.stdout).toMatch(/This return is already filed: AUTH117/);
    expect(st.stdout).toContain('Nothing more can be saved or filed for this return');
    expect(st.stdout).not.toContain('no answer recorded');
    expect(st.stdout).not.toContain('run gstr1 upload again');
    expect(st.code).toBe(1);
    // the portal's tracker knows it is filed: the return is done
    const tracked = await gstr1('status', ...ret, ...at(emu), '--track');
    expect(tracked.stdout).toContain('portal: filed, ARN AA270325000099');
    expect(tracked.code).toBe(0);
  });
});

describe('exit codes: the portal has not finished (3)', () => {
  it('the summary still being generated when --wait runs out: 3, nothing filed', async () => {
    const emu = await emulator({ summaryLagMs: 3_600_000, ipPolls: 0 });
    const [f] = chunkFiles();
    expect((await gstr1('upload', f!, ...at(emu))).code).toBe(0);
    const r = await gstr1('file', f!, ...at(emu), ...filing, '--wait', '0');
    expect(r.stderr).toContain('still generating the summary');
    expect(r.stderr).toContain('Not filed yet (exit code 3).');
    expect(r.code).toBe(3);
    expect(emu.emulator.portal.state(GSTIN, PERIOD).filed).toBeUndefined();
  });

  it('a reset still being processed on the portal: 3', async () => {
    const emu = await emulator({ faults: { save: { resetInProgress: { times: 10 } } } });
    const r = await gstr1('upload', chunkFiles()[0]!, ...at(emu));
    expect(r.stderr).toContain('A reset of this return is still being processed');
    expect(r.code).toBe(3);
    // status tells the portal's answer, not "sent, with no answer recorded"
    const st = await gstr1('status', ...ret, ...at(emu));
    expect(st.stdout).toContain('refused by the portal (nothing saved):');
    expect(st.stdout).toContain('A reset of this return is still being processed');
    expect(st.stdout).not.toContain('no answer recorded');
  });
});

describe('exit codes: usage, login, network (2)', () => {
  it('a save whose reply is lost every time, the portal showing each time it had not arrived: 2, said as not taken', async () => {
    const emu = await emulator({ faults: { save: { dropBeforeApply: { times: 20 } } } });
    const r = await gstr1('upload', chunkFiles()[0]!, ...at(emu));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did not take the request: its reply was lost \d+ time\(s\), and each time the portal's summary showed nothing had arrived/);
    expect(r.stderr).toContain('Nothing of it is on the portal.');
    expect(r.stderr).not.toContain('could not be confirmed');
    expect(emu.emulator.portal.state(GSTIN, PERIOD).docs.size).toBe(0);
  });

  it('refused credentials: 2', async () => {
    const emu = await emulator();
    vi.stubEnv('GSTR1_SANDBOX_API_SECRET', 'not-the-secret');
    const r = await gstr1('upload', chunkFiles()[0]!, ...at(emu));
    expect(r.stderr).toContain('refused the credentials');
    expect(r.code).toBe(2);
  });

  it('nobody listening at the address: 2', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const r = await gstr1('status', ...ret, ...at(`http://127.0.0.1:${port}`), '--track');
    expect(r.stderr).toContain('could not be reached');
    expect(r.code).toBe(2);
  });

  it('an option the command does not take: 2', async () => {
    const r = await gstr1('status', ...ret, '--provider', 'sandbox', '--max-bytes', '10');
    expect(r.code).toBe(2);
  });
});
