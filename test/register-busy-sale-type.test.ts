/**
 * QA report item 6: Busy's Sale Type is read. An exempt or nil-rated sale goes to Table 8, not to
 * b2cs at 0 %; an export under LUT to exp WOPAY; a sale type Busy's names do not explain is read as
 * taxable with a warning once, at its first cell.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertFiles } from '../src/api/convert.js';

const dir = mkdtempSync(join(tmpdir(), 'gstr1-busy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'Date,Vch/Bill No,Party Name,GSTIN,State,Sale Type,HSN/SAC Code,Item Name,Qty.,Unit,Tax Rate,Taxable Amt.,IGST Amt.,CGST Amt.,SGST Amt.,Cess Amt.,Bill Amt.';

describe('register: Busy sale type', () => {
  it('exempt, nil-rated and LUT export sale types go to Table 8 and exp WOPAY; a taxable one to b2b', async () => {
    const file = join(dir, 'busy.csv');
    writeFileSync(file, [
      HEADER,
      '01-09-2025,BS/1,Pune Electronics,27AAGCP5678Q1ZE,Maharashtra,L/GST-18%,84713010,Laptop,1,Nos,18,50000,0,4500,4500,0,59000',
      '01-09-2025,BS/2,Cash,,Maharashtra,L/GST-Exempt,04011000,Milk,10,Ltr,0,500,0,0,0,0,500',
      '02-09-2025,BS/3,Cash,,Maharashtra,L/GST-Nil Rated,10063020,Rice,10,Kgs,0,700,0,0,0,0,700',
      '03-09-2025,BS/4,Acme Inc,,,Export (LUT),84713010,Laptop,1,Nos,18,90000,0,0,0,0,90000',
    ].join('\n'));
    const out = join(dir, 'busy.json');
    const { result } = await convertFiles([file], { gstin: '27AAACR5055K1Z7', period: '092025', out, force: true, today: '2025-10-05' });
    expect(result.findings.items.filter((f) => f.severity === 'error')).toEqual([]);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.nil.inv).toEqual([{ sply_ty: 'INTRAB2C', nil_amt: 700, expt_amt: 500, ngsup_amt: 0 }]);
    expect(json.b2cs ?? []).toEqual([]);
    expect(json.exp[0]).toMatchObject({ exp_typ: 'WOPAY', inv: [{ inum: 'BS/4', itms: [{ rt: 18, iamt: 0 }] }] });
    expect(json.b2b[0].inv[0]).toMatchObject({ inum: 'BS/1', inv_typ: 'R' });
  });

  it('a sale type it does not know: taxable at the line\'s own rate, with one warning at its first cell', async () => {
    const file = join(dir, 'busy-own.csv');
    writeFileSync(file, [
      HEADER,
      '01-09-2025,BS/5,Cash,,Maharashtra,Counter Sale,61091000,Shirt,1,Pcs,5,1000,0,25,25,0,1050',
      '02-09-2025,BS/6,Cash,,Maharashtra,Counter Sale,61091000,Shirt,1,Pcs,5,2000,0,50,50,0,2100',
    ].join('\n'));
    const out = join(dir, 'busy-own.json');
    const { result } = await convertFiles([file], { gstin: '27AAACR5055K1Z7', period: '092025', out, force: true, today: '2025-10-05' });
    const warned = result.findings.items.filter((f) => f.code === 'REGISTER_VALUE_UNKNOWN');
    expect(warned.map((f) => [f.severity, f.row, f.column, f.value])).toEqual([['warning', 2, 'Sale Type', 'Counter Sale']]);
    expect(JSON.parse(readFileSync(out, 'utf8')).b2cs).toEqual([expect.objectContaining({ pos: '27', rt: 5, txval: 3000 })]);
  });
});
