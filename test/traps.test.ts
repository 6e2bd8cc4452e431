/**
 * One test per trap of spec §6 that applies to conversion: each fails if the converter falls
 * into the trap the official tools or other converters fall into.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUPPLIER, convertCsvs, sheetCsv } from './helpers/returns.js';

const b2bRow = (over: Record<string, string | number> = {}) => ({
  'GSTIN/UIN of Recipient': '29AAACR5055K1Z3',
  'Invoice Number': 'INV/1',
  'Invoice date': '05-Mar-2025',
  'Invoice Value': 1180,
  'Place Of Supply': '29-Karnataka',
  'Reverse Charge': 'N',
  'Invoice Type': 'Regular B2B',
  Rate: 18,
  'Taxable Value': 1000,
  ...over,
});

describe('traps (spec §6)', () => {
  it('1: SEZ labels become SEWP/SEWOP, never SEZWP/SEZWOP', async () => {
    const { json } = await convertCsvs((d) => [
      sheetCsv(d, 'b2b', [
        b2bRow({ 'Invoice Number': 'S1', 'Invoice Type': 'SEZ supplies with payment' }),
        b2bRow({ 'Invoice Number': 'S2', 'Invoice Type': 'SEZ supplies without payment' }),
      ]),
    ]);
    expect(json.b2b[0].inv.map((i: any) => i.inv_typ)).toEqual(['SEWP', 'SEWOP']);
    expect(json.b2b[0].inv[1].itms[0].itm_det).toEqual({ rt: 18, txval: 1000, iamt: 0, csamt: 0 });
  });

  it('2: diff_percent is 0.65 or absent, never 65 or 1', async () => {
    const { json } = await convertCsvs((d) => [
      sheetCsv(d, 'b2b', [
        b2bRow({ 'Invoice Number': 'A', 'Applicable % of Tax Rate': 65 }),
        b2bRow({ 'Invoice Number': 'B', 'Applicable % of Tax Rate': '' }),
      ]),
    ]);
    const [a, b] = json.b2b[0].inv;
    expect(a.diff_percent).toBe(0.65);
    expect(a.itms[0].itm_det.iamt).toBe(117); // 1000 × 18 % × 0.65
    expect(b).not.toHaveProperty('diff_percent');
  });

  it('3: pos is zero-padded and intra/inter follows the supplier state, not the buyer GSTIN', async () => {
    // a Karnataka buyer shipping to Maharashtra (the supplier's state): intra-State
    const { json } = await convertCsvs((d) => [sheetCsv(d, 'b2b', [b2bRow({ 'Place Of Supply': '27-Maharashtra' }), b2bRow({ 'Invoice Number': 'INV/2', 'Place Of Supply': 7 })])]);
    const [first, second] = json.b2b[0].inv;
    expect(first.pos).toBe('27');
    expect(first.itms[0].itm_det).toEqual({ rt: 18, txval: 1000, camt: 90, samt: 90, csamt: 0 });
    expect(second.pos).toBe('07');
    expect(second.itms[0].itm_det.iamt).toBe(180);
  });

  it('4: an SEZ supplier charges IGST even inside its own state', async () => {
    const { json } = await convertCsvs((d) => [sheetCsv(d, 'b2b', [b2bRow({ 'Place Of Supply': '27-Maharashtra' })])], { sez: true });
    expect(json.b2b[0].inv[0].itms[0].itm_det).toEqual({ rt: 18, txval: 1000, iamt: 180, csamt: 0 });
  });

  it('6: sheet names map to JSON keys (atadj → txpd, exemp → nil, docs → doc_issue, b2b,sez,de → b2b)', async () => {
    const { json } = await convertCsvs((d) => [
      sheetCsv(d, 'b2b', [b2bRow()]),
      sheetCsv(d, 'atadj', [{ 'Place Of Supply': '27-Maharashtra', Rate: 18, 'Gross Advance Adjusted': 500 }]),
      sheetCsv(d, 'exemp', [{ Description: 'Intra-State supplies to unregistered persons', 'Nil Rated Supplies': 100 }]),
      sheetCsv(d, 'docs', [{ 'Nature of Document': 'Invoices for outward supply', 'Sr. No. From': 'INV/1', 'Sr. No. To': 'INV/9', 'Total Number': 9, Cancelled: 1 }]),
    ]);
    expect(Object.keys(json)).toEqual(['gstin', 'fp', 'b2b', 'txpd', 'nil', 'doc_issue']);
  });

  it('7: headers are matched by text, whatever their order, case, spacing or trailing *', async () => {
    const { json } = await convertCsvs((d) => {
      const text = [
        ' rate* ,TAXABLE VALUE,Invoice  Number*,GSTIN/UIN of Recipient*,Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Invoice Type,Extra column',
        '18,1000,INV/1,29AAACR5055K1Z3,05-Mar-2025,1180,29,N,Regular B2B,ignored',
      ].join('\n');
      return [writeCsv(d, 'b2b.csv', text)];
    });
    expect(json.b2b[0].inv[0].itms[0].itm_det.txval).toBe(1000);
  });

  it('8: Excel serial dates and two-digit years read as 20YY', async () => {
    const { json } = await convertCsvs((d) => [
      sheetCsv(d, 'b2b', [b2bRow({ 'Invoice date': '45721' }), b2bRow({ 'Invoice Number': 'INV/2', 'Invoice date': '5-Mar-25' })]),
    ]);
    expect(json.b2b[0].inv.map((i: any) => i.idt)).toEqual(['05-03-2025', '05-03-2025']);
  });

  it('9: "1,00,000" as text is one lakh, not 100', async () => {
    const { json } = await convertCsvs((d) => [sheetCsv(d, 'b2b', [b2bRow({ 'Taxable Value': '1,00,000', 'Invoice Value': '1,18,000.00' })])]);
    expect(json.b2b[0].inv[0].val).toBe(118000);
    expect(json.b2b[0].inv[0].itms[0].itm_det.txval).toBe(100000);
  });

  it('10: two rows with the same invoice and rate are summed, not overwritten', async () => {
    const { json } = await convertCsvs((d) => [
      sheetCsv(d, 'b2b', [b2bRow({ 'Taxable Value': 600 }), b2bRow({ 'Taxable Value': 400 }), b2bRow({ Rate: 5, 'Taxable Value': 200 })]),
    ]);
    const itms = json.b2b[0].inv[0].itms;
    expect(itms).toEqual([
      { num: 1, itm_det: { rt: 18, txval: 1000, iamt: 180, csamt: 0 } },
      { num: 2, itm_det: { rt: 5, txval: 200, iamt: 10, csamt: 0 } },
    ]);
  });

  it('11: credit notes carry positive amounts with ntty C', async () => {
    const { json } = await convertCsvs((d) => [
      sheetCsv(d, 'cdnr', [
        {
          'GSTIN/UIN of Recipient': '29AAACR5055K1Z3', 'Note Number': 'CN/1', 'Note Date': '10-Mar-2025', 'Note Type': 'C',
          'Place Of Supply': '29-Karnataka', 'Reverse Charge': 'N', 'Note Supply Type': 'Regular B2B', 'Note Value': 118, Rate: 18, 'Taxable Value': 100,
        },
      ]),
    ]);
    const nt = json.cdnr[0].nt[0];
    expect(nt.ntty).toBe('C');
    expect(nt.val).toBe(118);
    expect(nt.itms[0].itm_det).toEqual({ rt: 18, txval: 100, iamt: 18, csamt: 0 });
  });

  it('13: HSN goes to hsn_b2b/hsn_b2c from 052025 and to data before', async () => {
    const hsnRow = { HSN: '8471', UQC: 'NOS-NUMBERS', 'Total Quantity': 2, Rate: 18, 'Taxable Value': 1000, 'Integrated Tax Amount': 180 };
    const before = await convertCsvs((d) => [sheetCsv(d, 'hsn', [hsnRow])], { period: '042025' });
    expect(Object.keys(before.json.hsn)).toEqual(['data']);
    const after = await convertCsvs((d) => [sheetCsv(d, 'hsnb2b', [hsnRow]), sheetCsv(d, 'hsnb2c', [hsnRow])], { period: '052025' });
    expect(Object.keys(after.json.hsn)).toEqual(['hsn_b2b', 'hsn_b2c']);
    expect(after.json.hsn.hsn_b2b[0]).toMatchObject({ hsn_sc: '8471', uqc: 'NOS', qty: 2, rt: 18, txval: 1000, iamt: 180 });
  });

  it('16: Table 13 net_issue is total minus cancelled', async () => {
    const { json } = await convertCsvs((d) => [
      sheetCsv(d, 'docs', [{ 'Nature of Document': 'Invoices for outward supply', 'Sr. No. From': 'INV/1', 'Sr. No. To': 'INV/150', 'Total Number': 150, Cancelled: 3 }]),
    ]);
    expect(json.doc_issue.doc_det[0]).toMatchObject({ doc_num: 1, docs: [{ num: 1, from: 'INV/1', to: 'INV/150', totnum: 150, cancel: 3, net_issue: 147 }] });
  });

  it('17: tax is rounded half-up to the paisa with decimal arithmetic (10.10 at 5 %, 1.005 cases)', async () => {
    const { json } = await convertCsvs((d) => [
      sheetCsv(d, 'b2b', [
        b2bRow({ 'Invoice Number': 'R1', 'Place Of Supply': '29', Rate: 5, 'Taxable Value': '10.10' }),
        b2bRow({ 'Invoice Number': 'R2', 'Place Of Supply': '27', Rate: 5, 'Taxable Value': '10.10' }),
        b2bRow({ 'Invoice Number': 'R3', 'Place Of Supply': '29', Rate: 0.25, 'Taxable Value': '402' }),
      ]),
    ]);
    const det = (i: number) => json.b2b[0].inv[i].itms[0].itm_det;
    expect(det(0).iamt).toBe(0.51); // 0.505 → 0.51 (toFixed gives 0.50)
    expect(det(1)).toMatchObject({ camt: 0.25, samt: 0.25 }); // 0.2525 each
    expect(det(2).iamt).toBe(1.01); // 1.005 → 1.01
  });

  it('19: a POS typed by name finds its code, template spelling "Lakshdweep" included', async () => {
    const { json } = await convertCsvs((d) => [sheetCsv(d, 'b2b', [b2bRow({ 'Place Of Supply': '31-Lakshdweep' }), b2bRow({ 'Invoice Number': 'INV/2', 'Place Of Supply': 'Lakshadweep' })])]);
    expect(json.b2b[0].inv.map((i: any) => i.pos)).toEqual(['31', '31']);
  });

  it('21: supeco uses suppval and spelled-out igst/cgst/sgst/cess', async () => {
    const { json } = await convertCsvs(
      (d) => [
        sheetCsv(d, 'eco', [
          { 'Nature of Supply': 'Liable to collect tax u/s 52(TCS)', 'GSTIN of E-Commerce Operator': '29AAACF1234C1Z7', 'E-Commerce Operator Name': 'Shop', 'Net value of supplies': 1000, 'Integrated tax': 180 },
        ]),
      ],
      { period: '032025' },
    );
    expect(json.supeco.clttx[0]).toEqual({ etin: '29AAACF1234C1Z7', suppval: 1000, igst: 180, cgst: 0, sgst: 0, cess: 0 });
  });

  it('22: no version or hash in a retsave payload, and no gt/cur_gt outside 2017-18', async () => {
    const { json } = await convertCsvs((d) => [sheetCsv(d, 'b2b', [b2bRow()])]);
    expect(json).not.toHaveProperty('version');
    expect(json).not.toHaveProperty('hash');
    expect(json).not.toHaveProperty('gt');
    expect(json.gstin).toBe(SUPPLIER);
    expect(json.fp).toBe('032025');
  });

  it('25: chunks split between whole recipients, each a complete payload', async () => {
    const rows: Record<string, string | number>[] = [];
    for (let r = 0; r < 30; r++) for (let i = 0; i < 5; i++) rows.push(b2bRow({ 'GSTIN/UIN of Recipient': RECIPIENTS[r % RECIPIENTS.length]!, 'Invoice Number': `R${r}-${i}` }));
    const { result } = await convertCsvs((d) => [sheetCsv(d, 'b2b', rows)], { maxBytes: 5000 });
    expect(result.written.length).toBeGreaterThan(2);
    const seen = new Map<string, number>();
    let invoices = 0;
    for (const f of result.written) {
      const p = JSON.parse(readFileSync(f, 'utf8'));
      expect(p.gstin).toBe(SUPPLIER);
      expect(p.fp).toBe('032025');
      expect(Buffer.byteLength(JSON.stringify(p))).toBeLessThanOrEqual(5000);
      for (const g of p.b2b) {
        invoices += g.inv.length;
        seen.set(g.ctin, (seen.get(g.ctin) ?? 0) + 1);
      }
    }
    expect(invoices).toBe(150);
    // a recipient appears in one chunk only (its 25 invoices fit the limit together)
    for (const n of seen.values()) expect(n).toBe(1);
  });

  it('25: a recipient alone over the limit is spread over chunks without losing an invoice', async () => {
    const rows: Record<string, string | number>[] = [];
    for (let i = 0; i < 60; i++) rows.push(b2bRow({ 'Invoice Number': `BIG-${i}` }));
    const { result } = await convertCsvs((d) => [sheetCsv(d, 'b2b', rows)], { maxBytes: 3000 });
    const numbers = result.written.flatMap((f) => JSON.parse(readFileSync(f, 'utf8')).b2b.flatMap((g: any) => g.inv.map((i: any) => i.inum)));
    expect(result.written.length).toBeGreaterThan(2);
    expect(numbers).toEqual(rows.map((r) => r['Invoice Number']));
  });
});

import { writeText } from './helpers/files.js';
function writeCsv(dir: string, name: string, text: string) {
  return writeText(dir, name, text);
}

// six recipients with valid check characters
const RECIPIENTS = ['29AAACR5055K1Z3', '27AAACR5055K1Z7', '07AAACR5055K1Z9', '33AAACR5055K1ZE', '24AAACR5055K1ZD', '19AAACR5055K1Z4'];
