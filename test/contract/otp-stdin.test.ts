/**
 * OTPs read from standard input (--otp=-, --evc-otp=-) are given codes, as a flag's value is: a
 * refused EVC OTP is sent once, nothing more requested; and each reads its own line, the taxpayer
 * OTP's first, whether or not a kept session needs it: the EVC OTP never takes the taxpayer OTP's line.
 * The real command line, in a child process, its standard input a pipe.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/upload/emulator/index.js';
import { GSTIN, OTP, PAN, PERIOD, samplePayloads } from './provider-contract.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const ENV = { GSTR1_WB_EMAIL: 'me@example.com', GSTR1_WB_CLIENT_ID: 'demo', GSTR1_WB_CLIENT_SECRET: 'demo-secret', GSTR1_GST_USERNAME: 'sahyadri' };

let emu: RunningEmulator;
let home: string;
let files: string[];
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gstr1-otp-stdin-'));
  files = samplePayloads().map((p, i) => {
    const f = join(home, `chunk-${i + 1}.json`);
    writeFileSync(f, p);
    return f;
  });
  emu = await startEmulator({ otp: OTP, evcOtp: OTP });
});
afterEach(async () => {
  await emu.close();
});

/** gstr1 with `input` on its standard input; no OTP in its environment. */
function gstr1(args: string[], input: string): Promise<{ code: number | null; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...ENV, GSTR1_HOME: home };
  delete env.GSTR1_OTP;
  delete env.GSTR1_EVC_OTP;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code, out }));
    child.stdin.end(input);
  });
}

const at = () => ['--provider', 'whitebooks', '--base-url', emu.url, '--poll-ms', '1'];
const filing = () => ['file', ...at(), '--gstin', GSTIN, '--period', PERIOD, '--pan', PAN, '--yes'];
const calls = (op: string) => emu.emulator.calls[op] ?? 0;

describe('OTPs from standard input', () => {
  it('a wrong EVC OTP read with --evc-otp=- is sent once and said refused; no new EVC OTP is requested', async () => {
    expect((await gstr1(['upload', ...files, ...at(), '--otp=-'], `${OTP}\n`)).code).toBe(0);
    const res = await gstr1([...filing(), '--otp=-', '--evc-otp=-'], `${OTP}\n000000\n`);
    expect(res.code, res.out).toBe(2);
    // the same words as a wrong --evc-otp value
    expect(res.out).toContain('gstr1: The OTP was not accepted by whitebooks (file): RET13506');
    expect(res.out).not.toMatch(/standard input/i);
    expect(calls('evcotp')).toBe(1);
    expect(calls('file')).toBe(1);
    expect(emu.emulator.portal.state(GSTIN, PERIOD).filed).toBeFalsy();
  }, 60_000);

  it('with a kept session, line 1 (the taxpayer OTP, unneeded) is not sent as the EVC OTP: line 2 is', async () => {
    expect((await gstr1(['upload', ...files, ...at(), '--keep-session', '--otp=-'], `${OTP}\n`)).code).toBe(0);
    const sessions = calls('verify');
    expect(sessions).toBe(1);
    // line 1 would be refused as an EVC OTP
    const res = await gstr1([...filing(), '--keep-session', '--otp=-', '--evc-otp=-'], `111111\n${OTP}\n`);
    expect(res.code, res.out).toBe(0);
    expect(res.out).toMatch(/Filed: ARN/);
    // no session opened: the kept one is used, and line 1 is not
    expect(calls('verify')).toBe(sessions);
    expect(calls('evcotp')).toBe(1);
    expect(calls('file')).toBe(1);
  }, 60_000);

  it('with a kept session and only the taxpayer OTP\'s line, the EVC OTP is missing: said so, nothing filed', async () => {
    expect((await gstr1(['upload', ...files, ...at(), '--keep-session', '--otp=-'], `${OTP}\n`)).code).toBe(0);
    const res = await gstr1([...filing(), '--keep-session', '--otp=-', '--evc-otp=-'], `${OTP}\n`);
    expect(res.code, res.out).toBe(2);
    expect(res.out).toContain('gstr1: Standard input has no line 2 for --evc-otp=-');
    expect(calls('file')).toBe(0);
  }, 60_000);
});
