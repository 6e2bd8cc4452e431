/**
 * Issue 11, items 2 and 3: registers shaped by other people's tools. A plain register with the
 * usual column names is read as a register (not as the template's b2cl sheet); ERPNext, Zoho Books
 * and Busy exports are read by their presets; totals lines in any quoting are skipped and listed;
 * `mapping init` never puts an amount on a rate, or a GSTIN on an amount.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { returnContext } from '../src/engine/options.js';
import { assemblePayload } from '../src/mappers/payload.js';
import { processReturn } from '../src/api/process.js';
import { processWithRegister } from '../src/api/register-pass.js';
import { draftMapping } from '../src/register/mapping.js';
import { canCarry, headerCells } from '../src/register/match.js';
import { formatRegisterSummary } from '../src/register/summary.js';

const SUPPLIER = '27AAACR5055K1Z7';
const ctx = returnContext({ gstin: SUPPLIER, period: '092025' });
const corpus = (name: string) => join('test/fixtures/corpus', name);

async function convert(file: string, layout?: string) {
  const { result, run } = await processWithRegister([file], ctx, layout ? { layout } : {});
  const json = assemblePayload(result.outputs, { gstin: SUPPLIER, fp: '092025' }) as unknown as Record<string, any>;
  return { result, run, json, findings: result.findings.items };
}

describe('issue 11 item 2: a plain sales register is not a template sheet', () => {
  const file = corpus('plain-register.csv');

  it('auto: read as a register, the B2B invoice goes to b2b with its recipient', async () => {
    const { run, json, findings } = await convert(file);
    expect(run!.summary.sheets[0]!.layout).toMatch(/usual column names/);
    expect(findings.map((f) => f.code)).toEqual(['REGISTER_NO_HSN']);
    expect(json.b2b).toEqual([{ ctin: '29AAACR5055K1Z3', inv: [expect.objectContaining({ inum: 'PR/001', val: 11800 })] }]);
    expect(json.b2cl.map((x: any) => x.inv[0].inum)).toEqual(['PR/003']);
    expect(json.b2cs).toHaveLength(1);
  });

  it('--layout register: usable without a hand-written mapping', async () => {
    const { json, findings } = await convert(file, 'register');
    expect(findings.map((f) => f.code)).toEqual(['REGISTER_NO_HSN']);
    expect(json.b2b[0].ctin).toBe('29AAACR5055K1Z3');
  });

  it('--layout template: the GSTIN column b2cl cannot hold is an error on its header cell, and every ignored column is named', async () => {
    const result = await processReturn([file], ctx);
    const ignored = result.findings.items.filter((f) => f.code === 'HEADER_COLUMN_IGNORED' || f.code === 'HEADER_UNKNOWN_COLUMN');
    expect(ignored.map((f) => [f.code, f.severity, f.row, f.column, f.col])).toEqual([
      ['HEADER_COLUMN_IGNORED', 'error', 1, 'GSTIN of Recipient', 4],
      ['HEADER_UNKNOWN_COLUMN', 'warning', 1, 'IGST Amount', 8],
      ['HEADER_UNKNOWN_COLUMN', 'warning', 1, 'CGST Amount', 9],
      ['HEADER_UNKNOWN_COLUMN', 'warning', 1, 'SGST Amount', 10],
    ]);
    expect(ignored[0]!.params).toMatchObject({ other: 'b2b,sez,de' });
  });
});

describe('issue 11 item 3: ERP registers', () => {
  it('ERPNext Item-wise Sales Register: filter lines above the header, the quoted totals line skipped and listed', async () => {
    const { run, json, findings } = await convert(corpus('erpnext-item-wise-sales-register.csv'));
    expect(findings).toEqual([]);
    const sum = run!.summary;
    expect(sum.sheets[0]).toMatchObject({ headerRow: 4, layout: expect.stringMatching(/^ERPNext/) });
    expect(sum.totalsSkipped).toEqual([expect.objectContaining({ row: 8, label: "'Total'" })]);
    expect(sum.rows).toBe(3);
    expect(formatRegisterSummary(sum)).toMatch(/Skipped the totals line .* row 8 \("'Total'"\)/);
    expect(json.b2b[0].inv[0]).toMatchObject({ inum: 'SINV-25-00011', val: 14040 });
  });

  it('ERPNext Sales Register: Billing Address GSTIN is the recipient, Net Total the taxable value, CGST/SGST Amount the tax', async () => {
    const { run, json, findings } = await convert(corpus('erpnext-sales-register.csv'));
    expect(findings.map((f) => f.code)).toEqual(['REGISTER_NO_HSN']);
    expect(run!.summary.totalsSkipped.map((t) => t.label)).toEqual(["'Total'"]);
    expect(json.b2b.map((g: any) => g.ctin)).toEqual(['29AAACR5055K1Z3', '27AAACS1429N1Z6']);
    expect(json.b2b[1].inv[0].itms[0].itm_det).toEqual({ rt: 18, txval: 5000, camt: 450, samt: 450, csamt: 0 });
  });

  it('Zoho Books invoice export: GST Treatment, two-letter place of supply, Void invoices counted as cancelled', async () => {
    const { run, json, findings } = await convert(corpus('zoho-books-invoices.csv'));
    expect(findings).toEqual([]);
    expect(run!.summary.sheets[0]!.layout).toMatch(/^Zoho Books/);
    expect(json.b2b[0].inv[0]).toMatchObject({ inum: 'INV-000041', pos: '29' });
    expect(json.doc_issue.doc_det[0].docs[0]).toMatchObject({ totnum: 3, cancel: 1 });
  });

  it('Busy sales register: its own column names, totals line skipped', async () => {
    const { run, json, findings } = await convert(corpus('busy-sales-register.csv'));
    expect(findings).toEqual([]);
    expect(run!.summary.sheets[0]!.layout).toMatch(/^Busy/);
    expect(run!.summary.totalsSkipped.map((t) => t.row)).toEqual([4]);
    expect(json.b2cs[0]).toMatchObject({ pos: '27', txval: 3000, camt: 270 });
  });

  it('mapping init: an amount never maps to a rate, a GSTIN header only to a GSTIN field, Net Total / Assessable Value is the taxable value', () => {
    const d = draftMapping(headerCells([
      'Bill No', 'Bill Date', 'Billing GSTIN No', 'Assessable Value', 'CGST %', 'CGST Amt', 'SGST %', 'SGST Amt', 'IGST %', 'IGST Amt', 'Bill Amount',
    ]));
    expect(d.mapping.columns).toMatchObject({
      docNum: 'Bill No', docDate: 'Bill Date', ctin: 'Billing GSTIN No', txval: 'Assessable Value',
      cgstRate: 'CGST %', sgstRate: 'SGST %', igstRate: 'IGST %', camt: 'CGST Amt', samt: 'SGST Amt', iamt: 'IGST Amt',
    });
    const e = draftMapping(headerCells(['Invoice', 'Posting Date', 'Billing Address GSTIN', 'Net Total', 'CGST Rate', 'CGST Amount', 'SGST Rate', 'SGST Amount']));
    expect(e.mapping.columns).toMatchObject({ ctin: 'Billing Address GSTIN', txval: 'Net Total', cgstRate: 'CGST Rate', camt: 'CGST Amount', samt: 'SGST Amount' });
    expect(canCarry('Billing Address GSTIN', 'camt')).toBe(false);
    expect(canCarry('CGST Amount', 'cgstRate')).toBe(false);
    expect(canCarry('CGST Rate', 'camt')).toBe(false);
  });
});
