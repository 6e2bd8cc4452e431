/**
 * Fix the rows and upload again (QA filing report, defect 4): the latest upload supersedes the
 * earlier ones. `file` without files compares the portal with the latest upload (never a sum of
 * superseded chunks), and `status` shows the earlier chunks as superseded, not counted in its exit.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gstr1, stubSandboxCredentials } from '../helpers/portal-cli.js';
import { startEmulator, type RunningEmulator } from '../../src/upload/emulator/index.js';

const KEYS = { apiKey: 'key_live_again1', apiSecret: 'secret_live_again1' };
const SAMPLE = 'templates/sample/gstr1-sample.xlsx';

/** The sample with the tester's mistakes: a wrong recipient GSTIN on b2b rows 7-8, a b2cs rate of 7 on row 6. */
async function badWorkbook(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const b2b = wb.getWorksheet('b2b,sez,de')!;
  for (const r of [7, 8]) b2b.getCell(`A${r}`).value = '29AAQFK3318N1ZX';
  wb.getWorksheet('b2cs')!.getCell('D6').value = 7;
  const out = join(dir, 'bad.xlsx');
  await wb.xlsx.writeFile(out);
  return out;
}

describe('upload again after fixing the rows: the latest upload is what is filed', () => {
  let emu: RunningEmulator;
  let dir: string;
  beforeAll(async () => {
    emu = await startEmulator({ credentials: { sandbox: KEYS } });
    dir = mkdtempSync(join(tmpdir(), 'gstr1-again-'));
    stubSandboxCredentials(join(dir, 'home'), KEYS, 'taxpayer_again');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await emu.close();
  });

  it("the tester's sequence: upload bad.xlsx --force, upload fixed.xlsx, status, file → filed", async () => {
    const ret = ['--gstin', '27AAKCS4821M3ZU', '--period', '102025', '--provider', 'sandbox', '--base-url', emu.url, '--otp', '575757', '--poll-ms', '1'];
    const bad = await badWorkbook(dir);
    const fixed = join(dir, 'fixed.xlsx');
    copyFileSync(SAMPLE, fixed);

    const first = await gstr1('upload', bad, ...ret, '--force', '--annotate', join(dir, 'bad-portal-errors.xlsx'));
    expect(first.stdout).toMatch(/^chunk 1: processed with errors/m);
    expect(first.code).toBe(1);
    const second = await gstr1('upload', fixed, ...ret);
    expect(second.stdout).toMatch(/^chunk 1: processed, reference/m);
    expect(second.code).toBe(0);

    // the corrected chunk is the upload; the earlier one is shown as superseded, its fixed errors not listed
    const status = await gstr1('status', ...ret);
    expect(status.stdout).toMatch(/^chunk 1: processed, reference \S+ \[from an earlier run\]$/m);
    expect(status.stdout).toMatch(/^chunk 1 of an earlier upload: processed with errors \[superseded by the latest upload\]$/m);
    expect(status.stdout).not.toMatch(/RET19/);
    expect(status.code).toBe(0);

    const filed = await gstr1('file', ...ret, '--pan', 'AAKCS4821M', '--evc-otp', '575757', '--yes');
    expect(filed.stdout, filed.stdout + filed.stderr).toMatch(/^Filed: ARN \w+/m);
    expect(filed.code).toBe(0);
  }, 30_000);
});
