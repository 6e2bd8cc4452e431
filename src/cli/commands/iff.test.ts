/** --quarterly --iff: the quarter's return checked against the documents of its IFF months. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCLI } from '../cli.js';
import type { CliIO } from '../io.js';
import { quarterlyOption } from './shared.js';

const GSTIN = '27AAACR5055K1Z7';
const dir = mkdtempSync(join(tmpdir(), 'gstr1-iff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const invoice = (inum: string, idt: string) => ({
  inum, idt, val: 11800, pos: '29', rchrg: 'N', inv_typ: 'R', itms: [{ num: 1, itm_det: { rt: 18, txval: 10000, iamt: 1800, csamt: 0 } }],
});
const april = write('april.json', JSON.stringify({ gstin: GSTIN, fp: '042025', b2b: [{ ctin: '29AAACR5055K1Z3', inv: [invoice('INV/1', '04-04-2025')] }] }));
const july = write('july.json', JSON.stringify({ gstin: GSTIN, fp: '072025', b2b: [{ ctin: '29AAACR5055K1Z3', inv: [invoice('INV/9', '04-07-2025')] }] }));
const b2b = write('b2b.csv', [
  'GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate,Taxable Value,Cess Amount',
  '29AAACR5055K1Z3,Kaveri,INV/2,05-May-2025,11800,29-Karnataka,N,,Regular B2B,,18,10000,',
  '29AAACR5055K1Z3,Kaveri,inv/1,04-Apr-2025,11800,29-Karnataka,N,,Regular B2B,,18,10000,',
  '',
].join('\n'));

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const sink = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WriteStream;
  const code = await runCLI(args, { stdout: sink, stderr: sink });
  return { code, out };
}
const validate = (...extra: string[]) => cli('validate', b2b, '--gstin', GSTIN, '--period', '052025', '--quarterly', ...extra);

describe('cli: --iff', () => {
  it('a document of an earlier IFF month of the quarter is reported at its number', async () => {
    const r = await validate('--iff', april);
    expect(r.out).toContain('inv/1 was already furnished in the IFF (April 2025)');
    expect(r.out).not.toContain('INV/2 was already');
    expect(r.code).toBe(1);
  });

  it('an IFF month given as its spreadsheet is named by its file', async () => {
    const aprilCsv = write('b2b-april.csv', [
      'GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate,Taxable Value,Cess Amount',
      '29AAACR5055K1Z3,Kaveri,INV/1,04-Apr-2025,11800,29-Karnataka,N,,Regular B2B,,18,10000,',
      '',
    ].join('\n'));
    const r = await validate('--iff', aprilCsv);
    expect(r.out).toContain('inv/1 was already furnished in the IFF (b2b-april.csv)');
  });

  it('without --iff nothing is compared; a JSON of another quarter is refused', async () => {
    expect((await validate()).out).not.toContain('IFF_DUPLICATE');
    const other = await validate('--iff', july);
    expect(other.out).toContain('is the return for July 2025, which is not an IFF month of the quarter before May 2025');
    expect(other.code).toBe(2);
    const otherFiler = write('other-filer.json', JSON.stringify({ gstin: '29AAACR5055K1Z3', fp: '042025', b2b: [] }));
    const theirs = await validate('--iff', otherFiler);
    expect(theirs.out).toContain('other-filer.json is the GSTR-1 of 29AAACR5055K1Z3, not of 27AAACR5055K1Z7');
    expect(theirs.out).toContain('--iff takes the JSON (or spreadsheets) of your own IFF months');
    expect(theirs.code).toBe(2);
  });

  it('the period given as a quarter is the quarter\'s return: fp is its last month, and --quarterly goes without saying', async () => {
    const out = join(dir, 'q1.json');
    const r = await cli('convert', b2b, '--gstin', GSTIN, '--period', 'Q1-2025-26', '--iff', april, '--out', out, '--force');
    expect(r.out).toContain('inv/1 was already furnished in the IFF (April 2025)');
    expect(JSON.parse(readFileSync(out, 'utf8')).fp).toBe('062025');
  });

  it('a quarterly filer is one who says --quarterly or gives a quarter', () => {
    const io = (...argv: string[]) => ({ argv }) as unknown as CliIO;
    expect(quarterlyOption(io('--period', 'Q2-2025-26'), {})).toBe(true);
    expect(quarterlyOption(io('--period', '092025'), { quarterly: true })).toBe(true);
    expect(quarterlyOption(io('--period', '092025'), {})).toBe(false);
  });
});
