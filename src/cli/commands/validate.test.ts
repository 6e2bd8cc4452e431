import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCLI } from '../cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gstr1-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A FY 2023-24 credit note in the September 2024 return. */
const cdnr = join(dir, 'cdnr.csv');
writeFileSync(cdnr, [
  'GSTIN/UIN of Recipient,Receiver Name,Note Number,Note Date,Note Type,Place Of Supply,Reverse Charge,Note Supply Type,Note Value,Applicable % of Tax Rate,Rate,Taxable Value,Cess Amount',
  '29AAACR5055K1Z3,Kaveri Electricals LLP,CN/23-24/041,14-Mar-2024,C,29-Karnataka,N,Regular B2B,1180,,18,1000,',
  '',
].join('\n'));

async function validate(...extra: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const sink = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WriteStream;
  const code = await runCLI(['validate', cdnr, '--gstin', '27AAACR5055K1Z7', '--period', '092024', ...extra], { stdout: sink, stderr: sink });
  return { code, out };
}

describe('cli: validate --annual-return-filed', () => {
  it('issue 16: a credit note of the previous year is late once the annual return was filed before the period ends', async () => {
    const late = await validate('--annual-return-filed', '15-Sep-2024');
    expect(late.out).toContain('CDN_TIME_LIMIT');
    expect(late.out).toContain('15-09-2024');
    expect(late.code).not.toBe(0);
  });

  it('without it the September 2024 return is in time (30 November 2024 is the limit)', async () => {
    expect((await validate()).out).not.toContain('CDN_TIME_LIMIT');
  });

  it('refuses a date it cannot read', async () => {
    expect((await validate('--annual-return-filed', 'soon')).out).toContain('--annual-return-filed');
  });
});
