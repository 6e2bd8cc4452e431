/** --form on the portal commands: GSTR-1A, through the emulator; a bad value and a period before July 2024 refused. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../upload/emulator/index.js';
import { runCLI } from '../cli.js';
import { stubEmulatorCredentials } from '../../../test/helpers/portal-cli.js';

const GSTIN = '27AAACR5055K1Z7';
const dir = mkdtempSync(join(tmpdir(), 'gstr1-form-'));
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({});
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => vi.unstubAllEnvs());

const HEAD = 'GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate,Taxable Value,Cess Amount';
const b2b = (name: string, inum: string, date: string) => {
  const d = mkdtempSync(join(dir, `${name}-`));
  const f = join(d, 'b2b.csv');
  writeFileSync(f, `${HEAD}\n29AAACR5055K1Z3,Kaveri,${inum},${date},11800,29-Karnataka,N,,Regular B2B,,18,10000,\n`);
  return f;
};

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const sink = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WriteStream;
  const code = await runCLI(args, { stdout: sink, stderr: sink });
  return { code, out };
}

describe('cli: --form', () => {
  const env = () => stubEmulatorCredentials(mkdtempSync(join(dir, 'home-')));
  const id = (period: string) => ['--gstin', GSTIN, '--period', period, '--provider', 'whitebooks', '--base-url', emu.url, '--poll-ms', '1'];

  it('a GSTR-1A after the period\'s GSTR-1 is filed: uploaded and filed with its own ARN', async () => {
    env();
    const before = await cli('upload', b2b('early', 'INV/2', '06-Sep-2024'), '--form', 'gstr1a', ...id('092024'));
    expect(before.out).toContain('the GSTR-1 of September 2024 as filed');
    expect(before.code).toBe(1); // a refusal of the return, not of the command line
    expect((await cli('upload', b2b('gstr1', 'INV/1', '05-Sep-2024'), ...id('092024'))).code).toBe(0);
    const gstr1 = await cli('file', ...id('092024'), '--pan', 'AAACR5055K', '--yes');
    expect(gstr1.out).toMatch(/Filed: ARN/);
    expect((await cli('upload', b2b('gstr1a', 'INV/2', '06-Sep-2024'), '--form', 'GSTR-1A', ...id('092024'))).code).toBe(0);
    const gstr1a = await cli('file', '--form', 'gstr1a', ...id('092024'), '--pan', 'AAACR5055K', '--yes');
    expect(gstr1a.out).toMatch(/Filed: ARN/);
    expect(gstr1a.out.match(/ARN (\w+)/)![1]).not.toBe(gstr1.out.match(/ARN (\w+)/)![1]);
    const again = await cli('upload', b2b('again', 'INV/3', '07-Sep-2024'), '--form', 'gstr1a', ...id('092024'));
    expect(again.out).toContain('This GSTR-1A is already filed');
    expect(again.out).toContain('A GSTR-1A is filed once per period');
  });

  it('refuses a form it does not know, and a GSTR-1A before July 2024', async () => {
    env();
    const bad = await cli('status', '--form', 'gstr2', ...id('092024'));
    expect(bad.out).toContain('"gstr2" is not a form');
    expect(bad.code).toBe(2);
    const june = await cli('upload', b2b('june', 'INV/6', '05-Jun-2024'), '--form', 'gstr1a', ...id('062024'));
    expect(june.out).toContain('GSTR-1A exists from the July 2024 period; June 2024 is before it');
    expect(june.code).toBe(1);
    const status = await cli('status', '--form', 'gstr1a', ...id('062024'));
    expect(status.out).toContain('Nothing sent: GSTR-1A exists from the July 2024 period');
    expect(status.code).toBe(2);
  });
});
