/**
 * Supplies without payment of tax (SEWOP, WOPAY, EXPWOP) through to-excel and back. The template
 * a user fills has no tax columns: convert computes the tax, 0 for these. to-excel adds the tax
 * columns, so the rows it writes carry the JSON's amounts "as given", and the rules judged given
 * amounts by value × rate alone: IGST 0 at 18 % was RET91708 and IGST 1800 on an SEZ supply
 * without payment passed. They are judged by what the supply owes: 0 (RET191150 otherwise).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonRoundTrip } from './helpers/json-round-trip.js';
import { validateFiles } from '../src/api/validate.js';

const root = mkdtempSync(join(tmpdir(), 'gstr1-no-tax-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SUPPLIER = '27AAKCS4821M1ZW';
const SEZ_UNIT = '29AAQFK3318N1ZO';
const item = (rt: number, txval: number, iamt = 0) => ({ num: 1, itm_det: { rt, txval, iamt, csamt: 0 } });

/** every no-tax type at 18 % (and 0.1 %) with tax 0, and Table 12 reporting them at their rate */
const NO_TAX = {
  gstin: SUPPLIER,
  fp: '102025',
  b2b: [{
    ctin: SEZ_UNIT,
    inv: [
      { inum: 'A/3', idt: '05-10-2025', val: 10000, pos: '29', rchrg: 'N', inv_typ: 'SEWOP', itms: [item(18, 10000)] },
      { inum: 'A/4', idt: '06-10-2025', val: 2942.03, pos: '29', rchrg: 'N', inv_typ: 'SEWOP', itms: [item(0.1, 2942.03)] },
    ],
  }],
  cdnr: [{ ctin: SEZ_UNIT, nt: [{ ntty: 'C', nt_num: 'N/1', nt_dt: '14-10-2025', val: 1000, pos: '29', rchrg: 'N', inv_typ: 'SEWOP', itms: [item(18, 1000)] }] }],
  cdnur: [{ typ: 'EXPWOP', ntty: 'C', nt_num: 'N/2', nt_dt: '15-10-2025', val: 500, itms: [item(18, 500)] }],
  exp: [{ exp_typ: 'WOPAY', inv: [{ inum: 'X/1', idt: '09-10-2025', val: 5000, itms: [{ txval: 5000, rt: 18, iamt: 0, csamt: 0 }] }] }],
  hsn: {
    hsn_b2b: [{ num: 1, hsn_sc: '19053100', desc: 'SWEET BISCUITS', uqc: 'KGS', qty: 10, rt: 18, txval: 9000, iamt: 0, camt: 0, samt: 0, csamt: 0 }],
    hsn_b2c: [{ num: 1, hsn_sc: '19053100', desc: 'SWEET BISCUITS', uqc: 'KGS', qty: 10, rt: 18, txval: 4500, iamt: 0, camt: 0, samt: 0, csamt: 0 }],
  },
};

/** the tester's return the portal refuses: tax on supplies that carry none */
const TAXED = {
  gstin: SUPPLIER,
  fp: '102025',
  b2b: [{ ctin: SEZ_UNIT, inv: [{ inum: 'A/3', idt: '05-10-2025', val: 11800, pos: '29', rchrg: 'N', inv_typ: 'SEWOP', itms: [item(18, 10000, 1800)] }] }],
  cdnr: [{ ctin: SEZ_UNIT, nt: [{ ntty: 'C', nt_num: 'N/1', nt_dt: '14-10-2025', val: 1180, pos: '29', rchrg: 'N', inv_typ: 'SEWOP', itms: [item(18, 1000, 180)] }] }],
  exp: [{ exp_typ: 'WOPAY', inv: [{ inum: 'X/1', idt: '09-10-2025', val: 5900, itms: [{ txval: 5000, rt: 18, iamt: 900, csamt: 0 }] }] }],
};

const roundTrip = (body: { gstin: string; fp: string }, name: string) => jsonRoundTrip(root, body, name);

const taxFindings = (items: readonly { code: string; sheet?: string; row?: number; column?: string; params?: Record<string, unknown> }[]) =>
  items.filter((f) => f.code === 'RET91708' || f.code === 'RET191150').map((f) => [f.code, f.sheet, f.row, f.column, f.params?.type]);

describe('supplies without payment of tax', () => {
  it('JSON → to-excel → convert gives the same JSON, with no tax finding', async () => {
    const { text, again, findings } = await roundTrip(NO_TAX, 'no-tax');
    expect(taxFindings(findings)).toEqual([]);
    expect(again).toBe(text);
  });

  it('the JSON itself validates without a tax finding', async () => {
    const file = join(root, 'no-tax-direct.json');
    writeFileSync(file, JSON.stringify(NO_TAX));
    const { result } = await validateFiles([file], { gstin: SUPPLIER, period: '102025', today: '2025-11-05' });
    expect(taxFindings(result.findings.items)).toEqual([]);
  });

  it('tax on them is RET191150 at its cell, in the JSON and in the workbook to-excel writes', async () => {
    const file = join(root, 'taxed.json');
    writeFileSync(file, JSON.stringify(TAXED));
    const { result } = await validateFiles([file], { gstin: SUPPLIER, period: '102025', today: '2025-11-05' });
    const direct = taxFindings(result.findings.items);
    expect(direct.map(([code, , , column, type]) => [code, column, type])).toEqual([
      ['RET191150', 'Integrated Tax Amount', 'SEWOP'],
      ['RET191150', 'Integrated Tax Amount', 'SEWOP'],
      ['RET191150', 'Integrated Tax Amount', 'WOPAY'],
    ]);
    const { findings, again } = await roundTrip(TAXED, 'taxed');
    expect(taxFindings(findings)).toEqual([
      ['RET191150', 'b2b,sez,de', 5, 'Integrated Tax Amount', 'SEWOP'],
      ['RET191150', 'cdnr', 5, 'Integrated Tax Amount', 'SEWOP'],
      ['RET191150', 'exp', 5, 'Integrated Tax Amount', 'WOPAY'],
    ]);
    // forced through, the JSON carries what the portal takes: no tax
    expect(JSON.parse(again).b2b[0].inv[0].itms[0].itm_det.iamt).toBe(0);
  });
});
