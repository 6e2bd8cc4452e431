/**
 * A wrong EVC OTP given once (--evc-otp, GSTR1_EVC_OTP) is sent once: sending the same refused
 * code again and again only moves the signatory towards a lockout. A code typed in at a prompt
 * may be typed again, and a new one is asked for, saying why; the same code typed again is not
 * sent. A code read when first needed (a line of standard input) is given, not typed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/upload/emulator/index.js';
import sandbox from '../../src/upload/providers/sandbox.js';
import { fileReturn, given, uploadReturn } from '../../src/upload/run.js';
import { GSTIN, OTP, PAN, PERIOD, samplePayloads } from './provider-contract.js';

const credentials = { apiKey: 'key_live_evcotp001', apiSecret: 'secret_live_evcotp001', gstUsername: 'taxpayer_evcotp' };
let emu: RunningEmulator;
beforeEach(async () => {
  vi.stubEnv('GSTR1_HOME', mkdtempSync(join(tmpdir(), 'gstr1-evc-')));
  emu = await startEmulator({ evcOtp: OTP, credentials: { sandbox: { apiKey: credentials.apiKey, apiSecret: credentials.apiSecret } } });
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await emu.close();
});

function run() {
  const clock = { sleep: async () => undefined, random: () => 0.5 };
  return {
    gstin: GSTIN, period: PERIOD, otp: OTP, clock, poll: { intervalsMs: [1], maxWaitMs: 10 },
    provider: sandbox({ baseUrl: emu.url, credentials, http: { timeoutMs: 2000, retries: 1, backoffMs: 1, clock } }),
  };
}

const kindOf = (p: Promise<unknown>) => p.then(() => 'filed', (e: { kind?: string; code?: string }) => e.kind ?? e.code);

describe('a wrong EVC OTP', () => {
  it('given once: sent once, then the run stops; nothing filed', async () => {
    await uploadReturn({ ...run(), payloads: samplePayloads() });
    expect(await kindOf(fileReturn({ ...run(), pan: PAN, evcOtp: '111111', confirm: true }))).toBe('invalid_otp');
    expect(emu.emulator.calls.file).toBe(1);
    expect(emu.emulator.calls.evcotp).toBe(1);
    expect(emu.emulator.portal.state(GSTIN, PERIOD).filed).toBeFalsy();
  });

  it('given, read when first needed (a line of standard input): sent once, nothing more requested', async () => {
    await uploadReturn({ ...run(), payloads: samplePayloads() });
    let reads = 0;
    const line = given(async () => (reads++, '111111'));
    expect(await kindOf(fileReturn({ ...run(), pan: PAN, evcOtp: line, confirm: true }))).toBe('invalid_otp');
    expect(reads).toBe(1);
    expect(emu.emulator.calls.evcotp).toBe(1);
    expect(emu.emulator.calls.file).toBe(1);
  });

  it('typed at a prompt: asked again, told that the code was refused and a new one sent', async () => {
    await uploadReturn({ ...run(), payloads: samplePayloads() });
    const whys: unknown[] = [];
    const typed = ['111111', OTP];
    const res = await fileReturn({ ...run(), pan: PAN, evcOtp: async (why) => (whys.push(why), typed.shift()!), confirm: true });
    expect(res).toMatchObject({ status: 'filed' });
    expect(whys).toEqual([undefined, { code: 'UPLOAD_EVC_OTP_REFUSED', params: {} }]);
    expect(emu.emulator.calls.evcotp).toBe(2);
  });

  it('typed at a prompt: a new code is asked for; the same wrong code typed again is not sent', async () => {
    await uploadReturn({ ...run(), payloads: samplePayloads() });
    const typed = ['111111', '111111'];
    expect(await kindOf(fileReturn({ ...run(), pan: PAN, evcOtp: async () => typed.shift()!, confirm: true }))).toBe('invalid_otp');
    expect(emu.emulator.calls.file).toBe(1);
    const corrected = ['111111', OTP];
    const res = await fileReturn({ ...run(), pan: PAN, evcOtp: async () => corrected.shift()!, confirm: true });
    expect(res).toMatchObject({ status: 'filed' });
    expect(emu.emulator.calls.file).toBe(3);
  });
});
