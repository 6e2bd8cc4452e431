/**
 * A return more than three years past its due date (s.37(5)) is refused by the library itself,
 * before any lock, journal or call to the provider: gstr1 serve's page and a script embedding the
 * library get the refusal the command line gives, not whatever the portal answers.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/upload/emulator/index.js';
import sandbox from '../../src/upload/providers/sandbox.js';
import { fileReturn, uploadReturn } from '../../src/upload/run.js';
import { GSTIN, OTP, PAN } from './provider-contract.js';

const credentials = { apiKey: 'key_live_timebar01', apiSecret: 'secret_live_timebar01', gstUsername: 'taxpayer_timebar' };
// December 2022's GSTR-1 was due on 13-01-2023 (the quarterly date, the later one); barred after 13-01-2026
const PERIOD = '122022';
const payload = JSON.stringify({ gstin: GSTIN, fp: PERIOD, b2cs: [{ sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 18, txval: 100, camt: 9, samt: 9, csamt: 0 }] });

let emu: RunningEmulator;
let journalDir: string;
beforeEach(async () => {
  vi.stubEnv('GSTR1_HOME', mkdtempSync(join(tmpdir(), 'gstr1-timebar-home-')));
  journalDir = join(mkdtempSync(join(tmpdir(), 'gstr1-timebar-')), 'journal');
  emu = await startEmulator({ credentials: { sandbox: { apiKey: credentials.apiKey, apiSecret: credentials.apiSecret } } });
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await emu.close();
});

function runOn(day: string) {
  const clock = { now: () => Date.parse(`${day}T12:00:00+05:30`), sleep: async () => undefined, random: () => 0.5 };
  return {
    gstin: GSTIN, period: PERIOD, otp: OTP, clock, journalDir, poll: { intervalsMs: [1], maxWaitMs: 10 },
    provider: sandbox({ baseUrl: emu.url, credentials, http: { timeoutMs: 2000, retries: 1, backoffMs: 1, clock } }),
  };
}

const codeOf = (p: Promise<unknown>) => p.then(() => 'done', (e: { code?: string }) => e.code ?? String(e));
const calls = () => Object.values(emu.emulator.calls).reduce((a, n) => a + n, 0);

describe('a time-barred return, through the library', () => {
  it('upload and file are refused before anything is locked, written or sent', async () => {
    expect(await codeOf(uploadReturn({ ...runOn('2026-01-14'), payloads: [payload] }))).toBe('RETURN_TIME_BARRED');
    expect(await codeOf(fileReturn({ ...runOn('2026-01-14'), pan: PAN, evcOtp: OTP, confirm: true }))).toBe('RETURN_TIME_BARRED');
    expect(calls()).toBe(0);
    expect(existsSync(journalDir) ? readdirSync(journalDir) : []).toEqual([]);
  });

  it('on the bar\'s last day the upload goes to the provider', async () => {
    expect(await codeOf(uploadReturn({ ...runOn('2026-01-13'), payloads: [payload] }))).not.toBe('RETURN_TIME_BARRED');
    expect(calls()).toBeGreaterThan(0);
  });
});
