/**
 * A sales register's supplies without payment of tax (SEZ without payment, exports under LUT):
 * tax the register gives them is RET191150 at the register's own cell, as on a template row or in
 * a JSON; their tax 0 is no finding, and the JSON carries no tax for them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertFiles } from '../src/api/convert.js';

const dir = mkdtempSync(join(tmpdir(), 'gstr1-register-no-tax-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = [
  'Document Type', 'Document Number', 'Document Date', 'Recipient GSTIN/UIN', 'Recipient Name', 'Place Of Supply', 'Reverse Charge',
  'Invoice Type', 'Export Type', 'HSN/SAC', 'Description', 'UQC', 'Quantity', 'Rate', 'Taxable Value', 'Integrated Tax Amount',
  'Central Tax Amount', 'State/UT Tax Amount', 'Cess Amount', 'Supply Category',
].join(',');
const sez = (num: string, igst: string) =>
  `Invoice,${num},05-Oct-2025,29AAQFK3318N1ZO,Kiran & Co.,29-Karnataka,N,SEZ supplies without payment,,30049099,Tablets,BOX,1,18,1000.00,${igst},0,0,0,Taxable`;
const exp = (num: string, igst: string) => `Invoice,${num},06-Oct-2025,,Acme Inc,96-Foreign Country,N,,WOPAY,30049099,Tablets,BOX,1,18,500.00,${igst},0,0,0,Taxable`;

describe('register: supplies without payment of tax', () => {
  it('tax given on them is RET191150 at the register cell; tax 0 passes; the JSON has no tax', async () => {
    const file = join(dir, 'register.csv');
    writeFileSync(file, [HEADER, sez('T/3', '180.00'), sez('T/4', '0.00'), exp('E/1', '90.00'), exp('E/2', '0')].join('\n'));
    const out = join(dir, 'register.json');
    const { result } = await convertFiles([file], { gstin: '27AAKCS4821M1ZW', period: '102025', out, force: true, today: '2025-11-05' });
    const found = result.findings.items.filter((f) => f.code === 'RET191150');
    expect(found.map((f) => [f.row, f.column, f.params?.type])).toEqual([
      [2, 'Integrated Tax Amount', 'SEWOP'],
      [4, 'Integrated Tax Amount', 'WOPAY'],
    ]);
    expect(result.findings.items.filter((f) => f.code === 'RET91708' && f.row !== undefined && f.sheet === 'register.csv')).toEqual([]);
    // said once per cell: the register's own tax check leaves these rows to RET191150
    expect(result.findings.items.filter((f) => f.code === 'REGISTER_TAX_MISMATCH')).toEqual([]);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.b2b[0].inv.map((i: { itms: { itm_det: { iamt: number } }[] }) => i.itms[0]!.itm_det.iamt)).toEqual([0, 0]);
    expect(json.exp[0].inv.map((i: { itms: { iamt: number }[] }) => i.itms[0]!.iamt)).toEqual([0, 0]);
  });

  it('Table 15 as well: tax on a supply to an SEZ without payment, made through the operator, is said once', async () => {
    // the filer is the operator (u/s 9(5)); the restaurant in Karnataka sold to an SEZ unit there
    const file = join(dir, 'table15.csv');
    writeFileSync(file, [`${HEADER},Supplier GSTIN/UIN`, `${sez('K/1', '180.00')},29AAKFK5521C1ZG`].join('\n'));
    const { result } = await convertFiles([file], { gstin: '27AAKCS4821M1ZW', period: '102025', out: join(dir, 't15.json'), force: true, today: '2025-11-05' });
    const onCell = result.findings.items.filter((f) => f.row === 2 && f.column === 'Integrated Tax Amount');
    expect(onCell.map((f) => [f.code, f.params?.type])).toEqual([['RET191150', 'SEWOP']]);
  });
});
