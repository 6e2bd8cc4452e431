/**
 * Run again (QA filing report, defect 3): chunks the portal processed are not sent again, and
 * "the portal changed" is said only on evidence — after a killed run, after `--wait` ran out and
 * `status`, after `file` proceeded without filing. When the portal's copy cannot be compared, the
 * run says so and sends the chunks again.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gstr1, stubSandboxCredentials } from '../helpers/portal-cli.js';
import { messageOf } from '../../src/report/messages/index.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/upload/emulator/index.js';
import type { Notice } from '../../src/upload/journal.js';
import sandbox from '../../src/upload/providers/sandbox.js';
import whitebooks from '../../src/upload/providers/whitebooks.js';
import { fileReturn, resetReturn, returnStatus, uploadReturn, type RunOptions } from '../../src/upload/run.js';
import { GSTIN, OTP, PAN, PERIOD, payloadWithErrors, samplePayloads, waitFor } from './provider-contract.js';

const keys = { apiKey: 'key_live_resume1', apiSecret: 'secret_live_resume1', gstUsername: 'taxpayer_resume' };
const wb = { email: 'accounts@example.in', clientId: 'wb-client-resume', clientSecret: 'wb-secret-resume-4d2a', gstUsername: 'taxpayer_demo' };

const emulators: RunningEmulator[] = [];
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'gstr1-resume-'));
  stubSandboxCredentials(home, keys, keys.gstUsername);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  while (emulators.length) await emulators.pop()!.close();
});

async function emulator(o: EmulatorOptions = {}): Promise<RunningEmulator> {
  const e = await startEmulator({
    credentials: { sandbox: { apiKey: keys.apiKey, apiSecret: keys.apiSecret }, whitebooks: { email: wb.email, clientId: wb.clientId, clientSecret: wb.clientSecret } },
    ...o,
  });
  emulators.push(e);
  return e;
}

/** Library options against this emulator: instant polling, notices collected. */
function runAt(emu: RunningEmulator, notices: Notice[], extra: Partial<RunOptions> = {}): RunOptions {
  const clock = { sleep: async () => undefined, random: () => 0.5 };
  return {
    gstin: GSTIN, period: PERIOD, otp: OTP, clock, poll: { intervalsMs: [1], maxWaitMs: 10 }, onNotice: (n) => notices.push(n),
    provider: sandbox({ baseUrl: emu.url, credentials: keys, http: { timeoutMs: 2000, retries: 1, backoffMs: 1, clock } }),
    ...extra,
  };
}

describe('run again: chunks the portal processed are not sent again', () => {
  it('(a) a run killed with chunk 1 processed and chunk 2 saved: chunk 1 is not sent again, nothing said of a reset', async () => {
    const emu = await emulator();
    const dir = mkdtempSync(join(tmpdir(), 'gstr1-killed-'));
    const payloads = samplePayloads();
    const file = join(dir, 'payloads.json');
    writeFileSync(file, JSON.stringify(payloads));
    // chunk 2's status stays "in progress" for the run that gets killed: it dies with chunk 2 saved and unanswered
    const portal = emu.emulator.portal;
    const status = portal.status.bind(portal);
    vi.spyOn(portal, 'status').mockImplementation((g, fp, ref, o) => status(g, fp, ref, { ...o, stuck: portal.state(GSTIN, PERIOD).counts.saves > 1 }));
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./crash-child.ts', import.meta.url)), emu.url, dir, file], {
      stdio: 'ignore', env: { ...process.env, GSTR1_TEST_CREDENTIALS: JSON.stringify(wb) },
    });
    const exited = new Promise((r) => child.on('exit', r));
    const journal = () => readdirSync(dir).filter((f) => f.endsWith('.jsonl')).map((f) => readFileSync(join(dir, f), 'utf8')).join('');
    await waitFor(() => journal().split('"chunk_saved"').length === 3 && journal().includes('"processed"'), 8000);
    child.kill('SIGKILL');
    await exited;
    vi.mocked(portal.status).mockRestore();

    const notices: Notice[] = [];
    const provider = whitebooks({ baseUrl: emu.url, credentials: wb, http: { timeoutMs: 2000, retries: 1, backoffMs: 1 } });
    const up = await uploadReturn({ ...runAt(emu, notices, { provider, journalDir: dir, lockDir: dir }), payloads });
    expect(notices).toEqual([]);
    expect(up.chunks.map((c) => [c.outcome, c.resumed])).toEqual([['processed', true], ['processed', true]]);
    expect(emu.emulator.calls.save).toBe(2); // each chunk once, both by the killed run
  }, 15_000);

  it('(b) --wait ran out (exit 3), then status, then upload again: chunk 1 is not sent again', async () => {
    const emu = await emulator({ faults: { status: { stuckInProgress: true } } });
    const json = mkdtempSync(join(tmpdir(), 'gstr1-wait-'));
    const files = samplePayloads().map((p, i) => {
      writeFileSync(join(json, `part-${i + 1}.json`), p);
      return join(json, `part-${i + 1}.json`);
    });
    const ret = ['--gstin', GSTIN, '--period', PERIOD, '--provider', 'sandbox', '--base-url', emu.url, '--otp', OTP, '--poll-ms', '1'];
    const stopped = await gstr1('upload', ...files, ...ret, '--wait', '0.05');
    expect(stopped.code, stopped.stdout + stopped.stderr).toBe(3);
    emu.emulator.clearFaults();
    const status = await gstr1('status', ...ret);
    expect(status.stdout).toMatch(/^chunk 1: processed/m);
    expect(status.code).toBe(0);

    const again = await gstr1('upload', ...files, ...ret);
    expect(again.stderr).not.toMatch(/no longer holds|could not be checked/);
    expect(again.stdout).toMatch(/^chunk 1 \(\S+part-1.json\): processed, reference \S+ \[from an earlier run\]$/m);
    expect(again.stdout).toMatch(/^chunk 2 \(\S+part-2.json\): processed, reference \S+$/m);
    expect(again.code).toBe(0);
    expect(emu.emulator.calls.save).toBe(2);
  });

  it('(c) after file proceeded to file and did not file (a wrong EVC OTP): nothing is sent again', async () => {
    const emu = await emulator();
    const notices: Notice[] = [];
    const payloads = samplePayloads();
    expect((await uploadReturn({ ...runAt(emu, notices), payloads })).complete).toBe(true);
    await expect(fileReturn({ ...runAt(emu, notices), pan: PAN, evcOtp: '000000', confirm: true })).rejects.toMatchObject({ kind: 'invalid_otp' });
    expect(emu.emulator.portal.state(GSTIN, PERIOD).filed).toBeFalsy();

    const again = await uploadReturn({ ...runAt(emu, notices), payloads });
    expect(notices).toEqual([]);
    expect(again.chunks.every((c) => c.resumed)).toBe(true);
    expect(emu.emulator.calls.save).toBe(2);
    // and the return still files
    expect(await fileReturn({ ...runAt(emu, notices), pan: PAN, evcOtp: OTP, confirm: true })).toMatchObject({ status: 'filed' });
  });

  it('a portal whose copy cannot be compared (documents refused in part, a save made elsewhere): said so, and saved again', async () => {
    const emu = await emulator();
    const notices: Notice[] = [];
    const payloads = [payloadWithErrors()];
    expect((await uploadReturn({ ...runAt(emu, notices), payloads })).chunks[0]!.outcome).toBe('processed_with_errors');
    // a save made elsewhere (another journal) changes the checksum; the summary cannot say which documents were refused
    await uploadReturn({ ...runAt(emu, [], { journalDir: mkdtempSync(join(tmpdir(), 'gstr1-elsewhere-')) }), payloads: [samplePayloads()[0]!] });

    const again = await uploadReturn({ ...runAt(emu, notices), payloads });
    expect(notices).toEqual([{ code: 'UPLOAD_PORTAL_NOT_COMPARED', params: { chunks: 1, reason: 'partial' } }]);
    expect(messageOf(notices[0]!)).toBe(
      'Whether the portal still holds the 1 chunk(s) shown as saved by an earlier run could not be checked: the portal refused some documents of a chunk, and its summary does not say which',
    );
    expect(again.chunks.map((c) => [c.outcome, c.resumed])).toEqual([['processed_with_errors', false]]);
  });

  it('a reset made elsewhere, then a file refused on the difference: the next upload still sees the change', async () => {
    const emu = await emulator();
    const notices: Notice[] = [];
    const payloads = samplePayloads();
    await uploadReturn({ ...runAt(emu, notices), payloads });
    await resetReturn({ ...runAt(emu, [], { journalDir: mkdtempSync(join(tmpdir(), 'gstr1-elsewhere-')) }), confirm: true });
    // file fetches the summary of the emptied return: it is not taken as what the journal's chunks left there
    expect(await fileReturn({ ...runAt(emu, notices), pan: PAN, evcOtp: OTP, confirm: true })).toMatchObject({ status: 'mismatch' });
    const again = await uploadReturn({ ...runAt(emu, notices), payloads });
    expect(notices.map((n) => n.code)).toEqual(['UPLOAD_PORTAL_CHANGED']);
    expect(again.chunks.map((c) => c.resumed)).toEqual([false, false]);
  });

  it('the status of a chunk resolved by status is what upload then relies on (library)', async () => {
    const emu = await emulator({ faults: { status: { stuckInProgress: true } } });
    const notices: Notice[] = [];
    const payloads = samplePayloads();
    expect((await uploadReturn({ ...runAt(emu, notices), payloads })).pending).toBe(2);
    emu.emulator.clearFaults();
    expect((await returnStatus(runAt(emu, notices))).chunks.map((c) => c.outcome)).toEqual(['processed']);
    const up = await uploadReturn({ ...runAt(emu, notices), payloads });
    expect(notices).toEqual([]);
    expect(up.chunks.map((c) => c.resumed)).toEqual([true, false]);
  });
});
