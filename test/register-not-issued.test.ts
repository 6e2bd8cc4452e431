/**
 * QA report item 2: documents a register lists but that were never issued (Zoho Books' Draft,
 * Pending Approval, Approved; ERPNext's Draft; "Draft" in any register's Cancelled column) are in
 * no table of the return, each row is accounted for by a warning, and their numbers are not
 * counted (nor cancelled) in Table 13. A status word the export does not have is an error whose
 * hint lists the export's own words.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { returnContext } from '../src/engine/options.js';
import { assemblePayload } from '../src/mappers/payload.js';
import { processWithRegister } from '../src/api/register-pass.js';
import { draftMapping } from '../src/register/mapping.js';
import { headerCells } from '../src/register/match.js';
import { explainLine, formatRegisterSummary, type RowExplanation } from '../src/register/summary.js';
import { hintOf, messageOf } from '../src/report/messages/index.js';

const SUPPLIER = '27AAACR5055K1Z7';
const ctx = returnContext({ gstin: SUPPLIER, period: '092025' });
const fixture = (name: string) => join('test/fixtures/register', name);
const root = mkdtempSync(join(tmpdir(), 'gstr1-not-issued-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function convert(file: string, mapping?: string) {
  const explained: RowExplanation[] = [];
  const { result, run } = await processWithRegister([file], ctx, { onExplain: (e) => explained.push(e), ...(mapping ? { mapping } : {}) });
  const json = assemblePayload(result.outputs, { gstin: SUPPLIER, fp: '092025' }) as unknown as Record<string, any>;
  return { run: run!, json, findings: result.findings.items, explained };
}

function write(name: string, lines: string[]): string {
  const file = join(root, name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

const docs = (json: Record<string, any>) =>
  json.doc_issue.doc_det.map((d: any) => [d.doc_num, d.docs.map((x: any) => [x.from, x.to, x.totnum, x.cancel, x.net_issue])]);
const invoices = (json: Record<string, any>, section: string) => (json[section] ?? []).flatMap((g: any) => g.inv.map((i: any) => i.inum));

describe('Zoho Books invoice statuses', () => {
  it('a Draft invoice is left out with a warning at its status cell, and is no cancelled number in Table 13', async () => {
    const { run, json, findings, explained } = await convert(fixture('zoho-draft.csv'));
    expect(findings.map((f) => [f.severity, f.code, f.row, f.column, f.value, f.params])).toEqual([
      ['warning', 'REGISTER_NOT_ISSUED', 3, 'Invoice Status', 'Draft', { document: 'INV-002', status: 'Draft' }],
    ]);
    expect(messageOf(findings[0]!)).toBe(
      'Document INV-002 has the status "Draft", so it was not issued: it is left out of the return, and its number is not counted in Table 13',
    );
    expect(invoices(json, 'b2b')).toEqual(['INV-001']);
    expect(json.hsn.hsn_b2b.map((h: any) => h.hsn_sc)).toEqual(['84713010']);
    // INV-001 … INV-004: INV-002 not issued, INV-003 void
    expect(docs(json)).toEqual([[1, [['INV-001', 'INV-004', 3, 1, 2]]]]);
    expect(run.summary.notIssued).toEqual({ rows: 1, documents: 1 });
    const text = formatRegisterSummary(run.summary);
    expect(text).toMatch(/not issued \(left out, warnings\) +1 +1/);
    expect(text).toMatch(/INV-001 +INV-004 +3 \(4 numbers less 1 not issued: INV-002\) +1 \(1 marked\) +3/);
    expect(explainLine(explained.find((e) => e.row === 3)!)).toBe(
      'test/fixtures/register/zoho-draft.csv › zoho-draft › row 3  invoice INV-002  → left out: not issued (status "Draft"), in no table of the return; its number is not counted in Table 13',
    );
  });

  it('Unpaid is issued; Pending Approval and Approved (not yet sent) are not issued', async () => {
    const { json, findings } = await convert(fixture('zoho-approval-statuses.csv'));
    expect(findings.map((f) => [f.code, f.row, f.params?.status])).toEqual([
      ['REGISTER_NOT_ISSUED', 2, 'Pending Approval'],
      ['REGISTER_NOT_ISSUED', 4, 'Approved'],
    ]);
    expect(invoices(json, 'b2b')).toEqual(['INV-012']);
    expect(docs(json)).toEqual([[1, [['INV-012', 'INV-012', 1, 0, 1]]]]);
  });

  it('a status Zoho does not have is an error whose hint lists Zoho\'s statuses, not Y / N', async () => {
    const text = readFileSync(fixture('zoho-draft.csv'), 'utf8').replace(',Draft,', ',Sending,');
    const { findings } = await convert(write('zoho-unknown-status.csv', [text]));
    expect(findings.map((f) => [f.code, f.row, f.column, f.value])).toEqual([['CELL_INVALID_CHOICE', 3, 'Invoice Status', 'Sending']]);
    expect(hintOf(findings[0]!)).toBe(
      'Use one of: Sent, Viewed, Unpaid, Overdue, Partially Paid, Paid, Written Off, Open, Closed (issued); Void (cancelled); Draft, Pending Approval, Approved, Rejected (not issued).',
    );
  });

  it('a mapping drafted from the export (gstr1 mapping init) reads the statuses as the preset does', async () => {
    const file = fixture('zoho-approval-statuses.csv');
    const header = readFileSync(file, 'utf8').split('\n')[0]!.split(',');
    const mapping = join(root, 'zoho.mapping.json');
    writeFileSync(mapping, JSON.stringify(draftMapping(headerCells(header)).mapping));
    const { json, findings } = await convert(file, mapping);
    expect(findings.map((f) => [f.code, f.row])).toEqual([['REGISTER_NOT_ISSUED', 2], ['REGISTER_NOT_ISSUED', 4]]);
    expect(invoices(json, 'b2b')).toEqual(['INV-012']);
  });
});

describe('other registers: a draft is treated alike', () => {
  it('the gstr1 register: "Draft" in Cancelled, on every line of the document (a line below it inherits it)', async () => {
    const file = write('drafts.csv', [
      'Document Type,Document Number,Document Date,Recipient GSTIN/UIN,Place Of Supply,HSN/SAC,UQC,Quantity,Rate,Taxable Value,Supply Category,Cancelled',
      'Invoice,S/001,01-09-2025,27AAGCP5678Q1ZE,27,84713010,NOS,1,18,1000,Taxable,N',
      'Invoice,S/002,02-09-2025,27AAGCP5678Q1ZE,27,84713010,NOS,1,18,1000,Taxable,Draft',
      ',,,,,84713010,NOS,1,18,500,Taxable,',
      'Invoice,S/003,03-09-2025,27AAGCP5678Q1ZE,27,84713010,NOS,1,18,1000,Taxable,',
    ]);
    const { json, findings } = await convert(file);
    expect(findings.map((f) => [f.code, f.row, f.value ?? null, f.params?.status])).toEqual([
      ['REGISTER_NOT_ISSUED', 3, 'Draft', 'Draft'],
      ['REGISTER_NOT_ISSUED', 4, null, 'Draft'],
    ]);
    expect(invoices(json, 'b2b')).toEqual(['S/001', 'S/003']);
    expect(docs(json)).toEqual([[1, [['S/001', 'S/003', 2, 0, 2]]]]);
  });

  it('ERPNext exported with its Status column: Draft left out, Cancelled counted as cancelled', async () => {
    const file = write('erpnext-status.csv', [
      'Invoice,Posting Date,Customer,Billing Address GSTIN,Place of Supply,GST Category,Is Return,HSN Code,Stock UOM,Net Total,CGST Rate,CGST Amount,SGST Rate,SGST Amount,Grand Total,Status',
      'SINV-0001,2025-09-02,Pune,27AAGCP5678Q1ZE,27-Maharashtra,Registered Regular,0,84713010,Nos,1000,9,90,9,90,1180,Paid',
      'SINV-0002,2025-09-03,Pune,27AAGCP5678Q1ZE,27-Maharashtra,Registered Regular,0,84713010,Nos,1000,9,90,9,90,1180,Draft',
      'SINV-0003,2025-09-04,Pune,27AAGCP5678Q1ZE,27-Maharashtra,Registered Regular,0,84713010,Nos,1000,9,90,9,90,1180,Cancelled',
      'SINV-0004,2025-09-05,Pune,27AAGCP5678Q1ZE,27-Maharashtra,Registered Regular,0,84713010,Nos,1000,9,90,9,90,1180,Unpaid',
    ]);
    const { run, json, findings } = await convert(file);
    expect(run.summary.sheets[0]!.layout).toMatch(/^ERPNext/);
    expect(findings.map((f) => [f.code, f.row, f.value])).toEqual([['REGISTER_NOT_ISSUED', 3, 'Draft']]);
    expect(invoices(json, 'b2b')).toEqual(['SINV-0001', 'SINV-0004']);
    expect(docs(json)).toEqual([[1, [['SINV-0001', 'SINV-0004', 3, 1, 2]]]]);
  });
});
