/**
 * QA report item 3: an export or SEZ supply whose register does not say with or without payment
 * of tax (ERPNext's GST Category "Overseas" / "SEZ", Zoho's overseas / business_sez, a supply type
 * of just "Export") is decided by its document's tax: none → WOPAY / SEWOP at the items' rate (0,
 * with a warning, when the register gives none); tax → WPAY / SEWP as before. A register that says
 * "with payment" is kept at its word (the WITH_PAYMENT_NO_TAX rule warns when it carries no tax).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertFiles } from '../src/api/convert.js';
import type { RowExplanation } from '../src/register/summary.js';
import { explainLine } from '../src/register/summary.js';

const dir = mkdtempSync(join(tmpdir(), 'gstr1-export-payment-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function convert(name: string, text: string) {
  const file = join(dir, name);
  writeFileSync(file, text);
  const out = join(dir, `${name}.json`);
  const explained: RowExplanation[] = [];
  const { result } = await convertFiles([file], {
    gstin: '27AAACR5055K1Z7', period: '092025', out, force: true, today: '2025-10-05', register: { onExplain: (e) => explained.push(e) },
  });
  return { findings: result.findings.items, json: JSON.parse(readFileSync(out, 'utf8')), explain: explained.map(explainLine) };
}

const ERPNEXT = 'Invoice,Posting Date,Customer,Billing Address GSTIN,Place of Supply,GST Category,Is Return,HSN Code,Stock Qty,Stock UOM,Net Total,IGST Rate,IGST Amount,CGST Rate,CGST Amount,SGST Rate,SGST Amount,Grand Total';

describe('register: exports and SEZ supplies that do not say with or without payment', () => {
  it('ERPNext "Overseas" and "SEZ" with no tax: WOPAY and SEWOP; no rate given → rate 0 and a warning at the tax cell', async () => {
    const { findings, json, explain } = await convert('erpnext.csv', [
      ERPNEXT,
      'SINV-1,2025-09-03,Acme,,96-Other Countries,Overseas,0,84713010,2,Nos,100000,,,,,,,100000',
      'SINV-2,2025-09-03,SEZ Co,24AAFCS8888J1ZM,24-Gujarat,SEZ,0,84713010,2,Nos,100000,,,,,,,100000',
    ].join('\n'));
    expect(json.exp).toEqual([{ exp_typ: 'WOPAY', inv: [expect.objectContaining({ inum: 'SINV-1', itms: [{ txval: 100000, rt: 0, iamt: 0, csamt: 0 }] })] }]);
    expect(json.b2b[0].inv[0]).toMatchObject({ inum: 'SINV-2', inv_typ: 'SEWOP', itms: [{ itm_det: { rt: 0, iamt: 0 } }] });
    const rate = findings.filter((f) => f.code === 'REGISTER_NO_TAX_RATE');
    expect(rate.map((f) => [f.severity, f.row, f.column, f.params?.type, f.params?.basis])).toEqual([
      ['warning', 2, 'IGST Amount', 'WOPAY', 'blank'],
      ['warning', 3, 'IGST Amount', 'SEWOP', 'blank'],
    ]);
    expect(findings.map((f) => f.code)).not.toContain('WITH_PAYMENT_NO_TAX');
    expect(explain[0]).toMatch(/→ exp: export \(without payment, under bond\/LUT\); the register does not say with or without payment of tax, and the document carries none/);
  });

  it('ERPNext "Overseas" with the IGST rate given and no IGST: WOPAY at the items\' rate, no warning', async () => {
    const { findings, json } = await convert('erpnext-rate.csv', [
      ERPNEXT,
      'SINV-3,2025-09-03,Acme,,96-Other Countries,Overseas,0,84713010,2,Nos,100000,18,0,,,,,100000',
    ].join('\n'));
    expect(json.exp[0]).toMatchObject({ exp_typ: 'WOPAY', inv: [{ itms: [{ rt: 18, iamt: 0 }] }] });
    expect(findings.filter((f) => f.code === 'REGISTER_NO_TAX_RATE')).toEqual([]);
  });

  it('ERPNext "Overseas" and "SEZ" with IGST charged: WPAY and SEWP, said in --explain', async () => {
    const { json, explain } = await convert('erpnext-paid.csv', [
      ERPNEXT,
      'SINV-4,2025-09-03,Acme,,96-Other Countries,Overseas,0,84713010,2,Nos,100000,18,18000,,,,,118000',
      'SINV-5,2025-09-03,SEZ Co,24AAFCS8888J1ZM,24-Gujarat,SEZ,0,84713010,2,Nos,100000,18,18000,,,,,118000',
    ].join('\n'));
    expect(json.exp[0]).toMatchObject({ exp_typ: 'WPAY', inv: [{ itms: [{ rt: 18, iamt: 18000 }] }] });
    expect(json.b2b[0].inv[0]).toMatchObject({ inv_typ: 'SEWP', itms: [{ itm_det: { rt: 18, iamt: 18000 } }] });
    expect(explain[0]).toMatch(/export \(with payment of IGST\); the register does not say with or without payment of tax, and the document carries tax/);
  });

  it('a document is judged on all its lines: one line with IGST keeps the whole export with payment', async () => {
    const { json } = await convert('erpnext-lines.csv', [
      ERPNEXT,
      'SINV-6,2025-09-03,Acme,,96-Other Countries,Overseas,0,84713010,1,Nos,1000,0,0,,,,,2180',
      'SINV-6,2025-09-03,Acme,,96-Other Countries,Overseas,0,84714900,1,Nos,1000,18,180,,,,,2180',
    ].join('\n'));
    expect(json.exp).toEqual([expect.objectContaining({ exp_typ: 'WPAY' })]);
  });

  it('Zoho Books "overseas" with no tax: WOPAY', async () => {
    const { json } = await convert('zoho.csv', [
      'Invoice Date,Invoice Number,Invoice Status,Customer Name,GST Treatment,GST Identification Number (GSTIN),Place of Supply,Item Name,Quantity,Usage unit,Item Total,Total,HSN/SAC,IGST Rate %,IGST',
      '2025-09-05,INV-9,Sent,Acme Inc,overseas,,,Laptop,1,pcs,50000,50000,84713010,,',
    ].join('\n'));
    expect(json.exp[0]).toMatchObject({ exp_typ: 'WOPAY', inv: [{ inum: 'INV-9' }] });
  });

  it('without an invoice-value column the document\'s value is its lines\' without tax once it goes without payment', async () => {
    const { json } = await convert('generic.csv', [
      'Invoice Number,Invoice Date,GSTIN of Recipient,Invoice Type,HSN,IGST Rate,Taxable Value,IGST Amount',
      'G/1,03-09-2025,,Export,84713010,18,1000,',
    ].join('\n'));
    expect(json.exp[0]).toMatchObject({ exp_typ: 'WOPAY', inv: [{ inum: 'G/1', val: 1000, itms: [{ rt: 18, iamt: 0 }] }] });
  });

  it('a register that says "Export with payment" is kept at its word; the rule warns that it carries no tax', async () => {
    const { findings, json } = await convert('stated.csv', [
      'Invoice Number,Invoice Date,GSTIN of Recipient,Invoice Type,HSN,Taxable Value,IGST Amount,Invoice Value',
      'W/1,03-09-2025,,Export with payment,84713010,1000,,1000',
    ].join('\n'));
    expect(json.exp[0]).toMatchObject({ exp_typ: 'WPAY' });
    expect(findings.filter((f) => f.code === 'WITH_PAYMENT_NO_TAX').map((f) => [f.row, f.column])).toEqual([[2, 'Invoice Type']]);
  });
});
