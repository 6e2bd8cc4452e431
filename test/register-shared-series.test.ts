/**
 * QA report item 1: invoices and credit notes numbered in one series (ERPNext's default: a return
 * is a Sales Invoice with Is Return = 1 in the invoices' series). Table 13 keeps one row per kind;
 * the invoices' total leaves out the numbers the credit notes hold, none of them is cancelled, and
 * the summary says so.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { returnContext } from '../src/engine/options.js';
import { assemblePayload } from '../src/mappers/payload.js';
import { processWithRegister } from '../src/api/register-pass.js';
import { formatRegisterSummary } from '../src/register/summary.js';

const SUPPLIER = '27AAACR5055K1Z7';
const ctx = returnContext({ gstin: SUPPLIER, period: '092025' });
const fixture = (name: string) => join('test/fixtures/register', name);

async function convert(file: string) {
  const { result, run } = await processWithRegister([file], ctx, {});
  const json = assemblePayload(result.outputs, { gstin: SUPPLIER, fp: '092025' }) as unknown as Record<string, any>;
  return { run: run!, json, findings: result.findings.items };
}

const docs = (json: Record<string, any>) =>
  json.doc_issue.doc_det.map((d: any) => [d.doc_num, d.docs.map((x: any) => [x.from, x.to, x.totnum, x.cancel, x.net_issue])]);

describe('Table 13: one number series shared by invoices and credit notes', () => {
  it('Invoice S/001, Credit Note S/002, Invoice S/003: invoices total 2, none cancelled; the credit note 1', async () => {
    const { run, json, findings } = await convert(fixture('shared-series.csv'));
    expect(findings).toEqual([]);
    expect(docs(json)).toEqual([
      [1, [['S/001', 'S/003', 2, 0, 2]]],
      [5, [['S/002', 'S/002', 1, 0, 1]]],
    ]);
    const text = formatRegisterSummary(run.summary);
    expect(text).toMatch(/Invoices for outward supply +S\/001 +S\/003 +2 \(3 numbers less 1 credit note: S\/002\) +0 +2/);
    expect(text).toMatch(/Credit Note +S\/002 +S\/002 +1 +0 +1/);
    expect(text).toContain('A number of a series held by another kind of document (a credit note numbered among the invoices) or by a document not issued is not counted in its total, nor as cancelled.');
    expect(text).not.toMatch(/missing/);
  });

  it('ERPNext: the return ACC-SINV-2025-00003 (Is Return 1) is not a cancelled invoice', async () => {
    const { run, json } = await convert(fixture('erpnext-return-in-invoice-series.csv'));
    expect(docs(json)).toEqual([
      [1, [['ACC-SINV-2025-00001', 'ACC-SINV-2025-00004', 3, 0, 3]]],
      [5, [['ACC-SINV-2025-00003', 'ACC-SINV-2025-00003', 1, 0, 1]]],
    ]);
    expect(run.summary.series[0]).toMatchObject({ gaps: 0, missing: [], leftOut: [{ by: 5, count: 1, numbers: ['ACC-SINV-2025-00003'] }] });
    expect(formatRegisterSummary(run.summary)).toMatch(/3 \(4 numbers less 1 credit note: ACC-SINV-2025-00003\) +0 +3/);
  });
});
