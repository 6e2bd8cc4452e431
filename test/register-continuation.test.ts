/**
 * A Tally voucher whose first line has a document-level cell that cannot be read ("64,900.00 Dr"
 * in Gross Total): the error is at that cell, and the item lines below it, which carry no voucher
 * value in Tally's export, are left out with a warning pointing there, not asked for the value
 * ("Gross Total is required" on the wrong row). QA report item 8.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { messageOf } from '../src/report/messages/index.js';
import { readRegister, registerFiles } from './helpers/register.js';

const OWN = '27AAACR5055K1Z7';
const BUYER = '27AAGCP5678Q1ZE';
const HEAD = ['Date', 'Particulars', 'Voucher Type', 'Voucher No.', 'GSTIN/UIN', 'Place of Supply', 'HSN/SAC', 'Quantity', 'GST Rate', 'Taxable Value',
  'Central Tax Amount', 'State Tax Amount', 'Gross Total'];

const files = registerFiles();
afterAll(files.cleanup);

describe('a continuation line under a document cell that could not be read', () => {
  it('is left out with a warning naming the cell above, not asked for the value', async () => {
    const file = files.csv([
      HEAD,
      ['01-09-2025', 'Pune Electronics', 'Sales', 'T/001', BUYER, 'Maharashtra', '84713010', '1 Nos', '18', '55000', '4950', '4950', '64,900.00 Dr'],
      ['', '', '', '', '', '', '61091000', '2 Pcs', '5', '1000', '25', '25', ''],
      ['', '', '', '', '', '', '61091000', '1 Pcs', '5', '500', '12.50', '12.50', ''],
      ['02-09-2025', 'Rao Systems', 'Sales', 'T/002', BUYER, 'Maharashtra', '84713010', '1 Nos', '18', '1000', '90', '90', '1180'],
    ]);
    const { json, findings } = await readRegister(file, OWN, '092025');
    expect(findings.map((f) => [f.code, f.severity, f.row, f.column])).toEqual([
      ['CELL_INVALID_NUMBER', 'error', 2, 'Gross Total'],
      ['REGISTER_DOC_CELL_UNREAD', 'warning', 3, 'Gross Total'],
      ['REGISTER_DOC_CELL_UNREAD', 'warning', 4, 'Gross Total'],
    ]);
    expect(messageOf(findings[2]!)).toBe('This line of document T/001 was left out: the document\'s Gross Total on row 2 could not be read, and this line leaves it blank');
    // nothing of T/001 is in the return, T/002 is
    expect(json.b2b[0].inv.map((i: any) => i.inum)).toEqual(['T/002']);
  });

  it('a line-level cell above that could not be read (HSN) does not stop the line below', async () => {
    const file = files.csv([
      HEAD,
      ['01-09-2025', 'Pune Electronics', 'Sales', 'T/003', BUYER, 'Maharashtra', '8471x', '1 Nos', '18', '1000', '90', '90', '2230'],
      ['', '', '', '', '', '', '61091000', '2 Pcs', '5', '1000', '25', '25', ''],
    ]);
    const { json, findings } = await readRegister(file, OWN, '092025');
    expect(findings.map((f) => [f.code, f.row, f.column])).toEqual([['CELL_INVALID_HSN', 2, 'HSN/SAC']]);
    expect(json.b2b[0].inv.map((i: any) => [i.inum, i.val])).toEqual([['T/003', 2230]]);
  });
});
