/**
 * `file` with spreadsheets converts them as `upload` did: it takes upload's conversion options
 * (--max-bytes, --section, --quarterly/--iff, --layout/--mapping/--preset), so the same command
 * line gives the same chunks and the return is filed.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gstr1, stubSandboxCredentials } from '../helpers/portal-cli.js';
import { startEmulator, type RunningEmulator } from '../../src/upload/emulator/index.js';

const KEYS = { apiKey: 'key_live_fileconv1', apiSecret: 'secret_live_fileconv1' };
const SAMPLE = 'templates/sample/gstr1-sample.xlsx';
const RET = ['--gstin', '27AAKCS4821M1ZW', '--period', '102025'];
const FILING = ['--pan', 'AAKCS4821M', '--evc-otp', '575757', '--yes'];

describe('file: the conversion options of upload', () => {
  let emu: RunningEmulator;
  let dir: string;
  const at = (journal: string, e = emu) => ['--provider', 'sandbox', '--base-url', e.url, '--otp', '575757', '--poll-ms', '1', '--journal-dir', join(dir, journal), ...RET];
  beforeAll(async () => {
    emu = await startEmulator({ credentials: { sandbox: KEYS } });
    dir = mkdtempSync(join(tmpdir(), 'gstr1-fileconv-'));
    stubSandboxCredentials(join(dir, 'home'), KEYS, 'taxpayer_fileconv');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await emu.close();
  });

  it('--max-bytes: the workbook uploaded in 3 chunks is filed from the same command line', async () => {
    const up = await gstr1('upload', SAMPLE, ...at('max-bytes'), '--max-bytes', '8000', '--annotate', join(dir, 'errors.xlsx'));
    expect(up.stdout).toMatch(/chunk 3: processed/);
    expect(up.stdout).not.toMatch(/chunk 4/);
    expect(up.code).toBe(0);
    // without the option the workbook converts to other chunks: refused, not filed
    const other = await gstr1('file', SAMPLE, ...at('max-bytes'), ...FILING);
    expect(other.stderr).toContain('the files given differ from what was uploaded');
    expect(other.code).toBe(1);
    const filed = await gstr1('file', SAMPLE, ...at('max-bytes'), ...FILING, '--max-bytes', '8000');
    expect(filed.stderr).not.toContain('differ from what was uploaded');
    expect(filed.stdout).toMatch(/Filed: ARN \w+/);
    expect(filed.code).toBe(0);
  });

  it('--section: a CSV read as the b2b sheet, uploaded and filed', async () => {
    const own = await startEmulator({ credentials: { sandbox: KEYS } });
    try {
      const csv = join(dir, 'october-sales.csv');
      copyFileSync('test/fixtures/sample-csv/b2b,sez,de.csv', csv);
      const up = await gstr1('upload', csv, ...at('section', own), '--section', 'b2b');
      expect(up.code, up.stdout + up.stderr).toBe(0);
      const filed = await gstr1('file', csv, ...at('section', own), ...FILING, '--section', 'b2b');
      expect(filed.stdout).toMatch(/Filed: ARN \w+/);
      expect(filed.code).toBe(0);
    } finally {
      await own.close();
    }
  });
});
