/**
 * An over-long document number is one finding, DOCNUM_FORMAT at the cell where it was typed: not
 * again on the Table 13 row derived from a register (which has no cells), nor as RET191106 on the
 * JSON's doc_issue (the schema's pattern is the same check).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processReturn } from '../src/api/process.js';
import { processWithRegister } from '../src/api/register-pass.js';
import { returnContext } from '../src/engine/options.js';
import { defaultCheckers } from '../src/validators/index.js';

const root = mkdtempSync(join(tmpdir(), 'gstr1-docnum-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const ctx = returnContext({ gstin: '27AAACR5055K1Z7', period: '102025' });
const LONG = 'INV/2025-26/0000012345';
const numberFindings = (items: readonly { code: string; sheet?: string; row?: number; column?: string }[]) =>
  items.filter((f) => f.code === 'DOCNUM_FORMAT' || f.code === 'RET191106').map((f) => [f.code, f.sheet, f.row, f.column]);

describe('an over-long document number is reported once, at its cell', () => {
  it('a sales register: at the voucher number, not on the derived Table 13 nor the JSON', async () => {
    const file = join(root, 'register.csv');
    writeFileSync(file, [
      'Date,Voucher No.,Voucher Type,Particulars,GSTIN/UIN,Place of Supply,HSN/SAC,Quantity,UQC,GST Rate,Taxable Value,Integrated Tax Amount,Central Tax Amount,State Tax Amount,Invoice Amount',
      `05-10-2025,${LONG},Sales,Kaveri,29AAACR5055K1Z3,29-Karnataka,8471,1,NOS,18,10000,1800,0,0,11800`,
    ].join('\n'));
    const { result } = await processWithRegister([file], ctx, { layout: 'register', checkers: defaultCheckers(ctx) });
    expect(numberFindings(result.findings.items)).toEqual([['DOCNUM_FORMAT', 'register', 2, 'Voucher No.']]);
  });

  it('the template\'s docs sheet: at the From and To cells, not again as RET191106', async () => {
    const docs = join(root, 'docs.csv');
    writeFileSync(docs, ['Nature of Document,Sr. No. From,Sr. No. To,Total Number,Cancelled', `Invoices for outward supply,${LONG},INV/2025-26/0000012399,55,0`].join('\n'));
    const { findings } = await processReturn([docs], ctx, { checkers: defaultCheckers(ctx) });
    expect(numberFindings(findings.items)).toEqual([
      ['DOCNUM_FORMAT', 'docs', 2, 'Sr. No. From'],
      ['DOCNUM_FORMAT', 'docs', 2, 'Sr. No. To'],
    ]);
  });
});
