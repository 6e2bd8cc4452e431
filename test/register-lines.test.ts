/**
 * A register line checked against the return it makes: its date against the period on sheets
 * without one (b2cs), its tax amounts against taxable value × rate (the invoices and Table 12
 * carry the same tax), and findings on derived rows named after the register rows they come from.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { returnContext } from '../src/engine/options.js';
import { processWithRegister } from '../src/api/register-pass.js';
import { assemblePayload } from '../src/mappers/payload.js';
import type { Finding } from '../src/model/finding.js';
import { where } from '../src/report/summary.js';
import { defaultCheckers } from '../src/validators/index.js';

const SUPPLIER = '27AAACR5055K1Z7';
const KA = '29AAACR5055K1Z3';
const HEAD = ['Invoice Number', 'Invoice Date', 'Invoice Value', 'GSTIN of Recipient', 'Place of Supply', 'HSN', 'UQC', 'Quantity', 'Taxable Value', 'Rate', 'IGST Amount', 'CGST Amount', 'SGST Amount'];

const root = mkdtempSync(join(tmpdir(), 'gstr1-register-lines-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function csv(name: string, rows: (string | number)[][], head = HEAD): string {
  const file = join(root, name);
  writeFileSync(file, [head, ...rows].map((r) => r.join(',')).join('\n'));
  return file;
}

async function run(file: string, opts: { turnover?: number } = {}) {
  const ctx = returnContext({ gstin: SUPPLIER, period: '092025' });
  const { result } = await processWithRegister([file], ctx, { checkers: defaultCheckers(ctx, opts) });
  const json = assemblePayload(result.outputs, { gstin: SUPPLIER, fp: '092025' }) as unknown as Record<string, any>;
  return { json, findings: result.findings.items };
}
const brief = (f: Finding) => [f.code, f.row, f.column, f.params?.reason];

describe('register lines: dates of small B2C sales', () => {
  it('a b2cs line dated after the period or before GST is an error at its date cell, as a registered one is', async () => {
    const file = csv('dates.csv', [
      ['PR/001', '02-09-2025', 11800, KA, '29-Karnataka', '84713010', 'NOS', 1, 10000, 18, 1800, '', ''],
      ['PR/002', '05-10-2026', 5900, '', '27-Maharashtra', '84713010', 'NOS', 1, 5000, 18, '', 450, 450],
      ['PR/003', '05-01-2016', 5900, '', '07-Delhi', '84713010', 'NOS', 1, 5000, 18, 900, '', ''],
      ['PR/004', '05-10-2026', 5900, KA, '29-Karnataka', '84713010', 'NOS', 1, 5000, 18, 900, '', ''],
    ]);
    const { json, findings } = await run(file);
    expect(findings.filter((f) => f.code === 'RET191114').map(brief)).toEqual([
      ['RET191114', 3, 'Invoice Date', 'after-period'],
      ['RET191114', 4, 'Invoice Date', 'before-gst'],
      ['RET191114', 5, 'Invoice Date', 'after-period'],
    ]);
    expect(findings.find((f) => f.row === 3)!.sheet).toBe('dates');
    // the date is checked, not written: b2cs has none in the JSON
    expect(JSON.stringify(json.b2cs)).not.toMatch(/idt|2026/);
  });
});

describe('register lines: dates of nil-rated, exempt and non-GST supplies (Table 8)', () => {
  it('a line dated outside the period is an error at its date cell; the JSON has no date', async () => {
    const line = (n: number, date: string, category: string, pos = '27-Maharashtra') =>
      [`PR/00${n}`, date, 5000, '', pos, '0401', 'LTR', 10, 5000, 0, '', '', '', category];
    const file = csv('nil.csv', [
      line(1, '30-09-2025', 'Nil Rated'),
      line(2, '01-10-2025', 'Nil Rated'),
      line(3, '05-01-2016', 'Exempted', '07-Delhi'),
      line(4, '01-09-2025', 'Non-GST'),
      line(5, '02-10-2025', 'Exempted'),
    ], [...HEAD, 'Supply Category']);
    const { json, findings } = await run(file);
    expect(findings.filter((f) => f.code === 'RET191114').map(brief)).toEqual([
      ['RET191114', 3, 'Invoice Date', 'after-period'],
      ['RET191114', 4, 'Invoice Date', 'before-gst'],
      ['RET191114', 6, 'Invoice Date', 'after-period'],
    ]);
    expect(findings.find((f) => f.row === 3)!.sheet).toBe('nil');
    // every line is still in Table 8, and no date goes into the JSON
    expect(json.nil.inv).toEqual([
      { sply_ty: 'INTRAB2C', nil_amt: 10000, expt_amt: 5000, ngsup_amt: 5000 },
      { sply_ty: 'INTRB2C', nil_amt: 0, expt_amt: 5000, ngsup_amt: 0 },
    ]);
    expect(JSON.stringify(json.nil)).not.toMatch(/idt|2025/);
  });
});

describe('register lines: tax amounts', () => {
  it('tax amounts other than taxable value × rate are errors at the tax cells; invoices and Table 12 carry the same tax', async () => {
    const row = (n: number, igst: number) => [`PR/00${n}`, '02-09-2025', 11800, KA, '29-Karnataka', '84713010', 'NOS', 1, 10000, 18, igst, '', ''];
    const file = csv('tax.csv', [row(1, 1700), row(2, 1700), row(3, 1800.4)]);
    const { json, findings } = await run(file);
    expect(findings.filter((f) => f.severity === 'error').map(brief)).toEqual([
      ['REGISTER_TAX_MISMATCH', 2, 'IGST Amount', 'amount'],
      ['REGISTER_TAX_MISMATCH', 3, 'IGST Amount', 'amount'],
    ]);
    expect(findings[0]!.params).toMatchObject({ given: '1700.00', expected: '1800.00' });
    const invoices = (json.b2b as any[]).flatMap((r) => r.inv).map((i: any) => i.itms[0].itm_det.iamt);
    expect(invoices).toEqual([1800, 1800, 1800]);
    expect(json.hsn.hsn_b2b).toMatchObject([{ txval: 30000, iamt: 5400, camt: 0, samt: 0 }]);
  });

  it('without an HSN column too; IGST on an intra-State sale is the wrong head', async () => {
    const file = csv('heads.csv', [
      ['PR/001', '02-09-2025', 11800, KA, '29-Karnataka', '', '', '', 10000, 18, 1700, '', ''],
      ['PR/002', '02-09-2025', 11800, '27AABCU9603R1ZN', '27-Maharashtra', '', '', '', 10000, 18, 1800, '', ''],
    ]);
    const { findings } = await run(file);
    expect(findings.filter((f) => f.code === 'REGISTER_TAX_MISMATCH').map(brief)).toEqual([
      ['REGISTER_TAX_MISMATCH', 2, 'IGST Amount', 'amount'],
      ['REGISTER_TAX_MISMATCH', 3, 'IGST Amount', 'intra'],
    ]);
  });
});

describe('register lines: findings on derived rows', () => {
  it('a finding on a Table 12 row names the register rows it comes from, not a row of its own', async () => {
    const row = (n: number, hsn: string) => [`PR/00${n}`, '02-09-2025', 11800, KA, '29-Karnataka', hsn, 'NOS', 1, 10000, 18, 1800, '', ''];
    const file = csv('derived.csv', [row(1, '84713010'), row(2, '8471'), row(3, '84713010'), row(4, '8471')]);
    // above Rs 5 crore turnover an HSN needs 6 digits: the 4-digit group of rows 3 and 5 is wrong
    const { findings } = await run(file, { turnover: 60_000_000 });
    const hsn = findings.filter((f) => f.code === 'RET191350');
    expect(hsn.map((f) => [f.sheet, f.row])).toEqual([['hsn(b2b) of derived rows 3, 5 (derived)', 3]]);
    expect(where(hsn[0]!)).toBe(`${file} › hsn(b2b) of derived rows 3, 5 (derived) › row 3`);
  });
});
