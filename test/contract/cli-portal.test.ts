/** commands: upload, status, reset, file — against the emulator, the way a user runs them. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gstr1 } from '../helpers/portal-cli.js';
import { startEmulator, type RunningEmulator } from '../../src/upload/emulator/index.js';
import { GSTIN, OTP, PAN, PERIOD, payloadWithErrors, samplePayloads } from './provider-contract.js';

const SECRETS = { GSTR1_SANDBOX_API_KEY: 'cli-key-0a1b2c3d', GSTR1_SANDBOX_API_SECRET: 'cli-secret-4e5f6a7b', GSTR1_GST_USERNAME: 'cli_taxpayer' };

describe('commands: upload, status, reset, file', () => {
  let emu: RunningEmulator;
  let dir: string;
  let common: string[];
  beforeAll(async () => {
    emu = await startEmulator({ credentials: { sandbox: { apiKey: SECRETS.GSTR1_SANDBOX_API_KEY, apiSecret: SECRETS.GSTR1_SANDBOX_API_SECRET } } });
    for (const [k, v] of Object.entries(SECRETS)) vi.stubEnv(k, v);
    dir = mkdtempSync(join(tmpdir(), 'gstr1-cli-'));
    vi.stubEnv('GSTR1_HOME', join(dir, 'home')); // the per-user folder of locks
    common = ['--provider', 'sandbox', '--base-url', emu.url, '--otp', OTP, '--journal-dir', join(dir, '.gstr1'), '--poll-ms', '1'];
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await emu.close();
  });

  it('upload → status → file, with GSTIN and period taken from the JSON, secrets never printed', async () => {
    const files = samplePayloads().map((p, i) => {
      const f = join(dir, `gstr1-${i + 1}.json`);
      writeFileSync(f, p);
      return f;
    });
    const up = await gstr1('upload', ...files, ...common, '--verbose');
    expect(up.code).toBe(0);
    expect(up.stdout).toMatch(/chunk 1 \(.*gstr1-1\.json\): processed, reference /);
    expect(up.stdout).toMatch(/chunk 2 \(.*gstr1-2\.json\): processed/);
    expect(up.stderr).toContain('→ POST');

    const st = await gstr1('status', ...common, '--gstin', GSTIN, '--period', PERIOD, '--track');
    expect(st.code).toBe(0);
    expect(st.stdout).toContain('portal: not filed');

    const filed = await gstr1('file', ...files, ...common, '--pan', PAN, '--evc-otp', OTP, '--yes', '--verbose');
    expect(filed.code).toBe(0);
    expect(filed.stdout).toMatch(/Table\s+source\s+Records\s+Taxable value/);
    expect(filed.stdout).toMatch(/Filed: ARN AA27\d{11}/);

    const all = [up.stdout, up.stderr, st.stdout, st.stderr, filed.stdout, filed.stderr].join('\n');
    for (const s of [...Object.values(SECRETS), OTP, ...emu.emulator.issued]) expect(all).not.toContain(s);

    const again = await gstr1('upload', ...files, ...common);
    expect(again.code).toBe(1); // the portal refused the return (already filed)
    // the message once src/report/messages/upload.ts is registered; its code until then
    expect(again.stderr).toMatch(/already filed \(ARN AA27|UPLOAD_ALREADY_FILED/);
  });

  it('status after a filing whose answer never came says so, and --track settles it', async () => {
    const period = '012026';
    const f = join(dir, 'cut.json');
    writeFileSync(f, samplePayloads()[0]!.replace(PERIOD, period));
    expect((await gstr1('upload', f, ...common)).code).toBe(0);
    // the filing goes through but its reply is lost, and the tracker cannot be reached: the run ends not knowing
    emu.emulator.setFault('file', { lostReply: { times: 1, mode: 'drop' } });
    emu.emulator.setFault('track', { httpError: { status: 503, times: 50 } });
    const cut = await gstr1('file', f, ...common, '--pan', PAN, '--evc-otp', OTP, '--yes');
    expect(cut.code).not.toBe(0);
    expect(cut.stdout).not.toMatch(/Filed/);
    const st = await gstr1('status', ...common, '--gstin', GSTIN, '--period', period);
    expect(st.stdout).toContain('filing: requested by an earlier run, whose answer never came; whether the return is filed is not known');
    emu.emulator.clearFaults('track');
    const tracked = await gstr1('status', ...common, '--gstin', GSTIN, '--period', period, '--track');
    expect(tracked.stdout).toMatch(/^filed: ARN AA27\d{11}/m);
    expect(tracked.stdout).not.toContain('filing: requested');
  });

  it('upload with portal errors exits 1 and writes the errors for annotate', async () => {
    const f = join(dir, 'bad.json');
    writeFileSync(f, payloadWithErrors().replace(PERIOD, '022025'));
    const errors = join(dir, 'errors.json');
    const r = await gstr1('upload', f, ...common, '--errors', errors, '--force'); // checked locally first otherwise (issue 11 item 6)
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('processed with errors');
    expect(r.stdout).toMatch(/RET191113 b2b 29AABCT1332L1ZZ INV-11/);
    // February period: the March invoice dates are out of the period too
    const written = JSON.parse(readFileSync(errors, 'utf8')) as { code: string }[];
    expect(written.map((e) => e.code).sort()).toEqual(['RET191113', 'RET191114', 'RET191175', 'RET91708']);
  });

  it('refuses to reset or file unattended without --yes, and needs a provider', async () => {
    const reset = await gstr1('reset', ...common, '--gstin', GSTIN, '--period', '012025');
    expect(reset.code).toBe(2);
    expect(reset.stderr).toContain('--yes is required');
    const noProvider = await gstr1('status', '--gstin', GSTIN, '--period', PERIOD);
    expect(noProvider.stderr).toContain('--provider is required');
    const ok = await gstr1('reset', ...common, '--gstin', GSTIN, '--period', '012025', '--yes');
    expect(ok.code).toBe(0);
  });
});
