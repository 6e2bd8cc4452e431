/**
 * QA report item 5: ERPNext exports a return (Is Return 1) with negative quantities and amounts.
 * Its preset reads them as the credit note's positive amounts; a return with positive amounts is
 * read as given with a warning, and one whose line mixes signs is refused with an error at the
 * cell. Other layouts (the generic register) keep a note's amounts as given.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertFiles } from '../src/api/convert.js';

const dir = mkdtempSync(join(tmpdir(), 'gstr1-return-sign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER =
  'Invoice,Posting Date,Customer,Billing Address GSTIN,Place of Supply,GST Category,Is Return,Return Against,HSN Code,Stock Qty,Stock UOM,' +
  'Net Total,IGST Rate,IGST Amount,CGST Rate,CGST Amount,SGST Rate,SGST Amount,Grand Total';
const INVOICE = 'SINV-1,2025-09-02,Pune Electronics,27AAGCP5678Q1ZE,27-Maharashtra,Registered Regular,0,,84713010,1,Nos,50000,0,0,9,4500,9,4500,59000';
const ret = (num: string, amounts: string) =>
  `${num},2025-09-10,Pune Electronics,27AAGCP5678Q1ZE,27-Maharashtra,Registered Regular,1,SINV-1,84713010,-1,Nos,${amounts}`;

async function convert(name: string, lines: string[]) {
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, [HEADER, INVOICE, ...lines].join('\n'));
  const out = join(dir, `${name}.json`);
  const { result, written } = await convertFiles([file], { gstin: '27AAACR5055K1Z7', period: '092025', out, force: true, today: '2025-10-05' });
  const json = written.length ? JSON.parse(readFileSync(out, 'utf8')) : undefined;
  return { findings: result.findings.items, json };
}

describe('register: ERPNext returns with negative amounts', () => {
  it('a return\'s negative amounts are the credit note\'s: cdnr with positive amounts, no NOTE_SIGN', async () => {
    const { findings, json } = await convert('negative', [ret('SINV-2', '-10000,0,0,9,-900,9,-900,-11800')]);
    expect(findings.filter((f) => f.severity === 'error' && f.code !== 'DOCNUM_FORMAT')).toEqual([]);
    expect(findings.map((f) => f.code)).not.toContain('NOTE_SIGN');
    const note = json.cdnr[0].nt[0];
    expect(note).toMatchObject({ nt_num: 'SINV-2', ntty: 'C', val: 11800 });
    expect(note.itms[0].itm_det).toMatchObject({ txval: 10000, camt: 900, samt: 900 });
    // the HSN summary takes the note off the invoice's line, quantity included
    expect(json.hsn.hsn_b2b[0]).toMatchObject({ hsn_sc: '84713010', qty: 0, txval: 40000 });
  });

  it('a return with positive amounts is read as given, with a warning once at its taxable value', async () => {
    const { findings, json } = await convert('positive', [ret('SINV-3', '10000,0,0,9,900,9,900,11800')]);
    const warned = findings.filter((f) => f.code === 'REGISTER_RETURN_POSITIVE');
    expect(warned.map((f) => [f.severity, f.row, f.column, f.params?.document])).toEqual([['warning', 3, 'Net Total', 'SINV-3']]);
    expect(json.cdnr[0].nt[0]).toMatchObject({ nt_num: 'SINV-3', val: 11800 });
  });

  it('a return line with both signs is not read: an error at the first cell of the other sign', async () => {
    const { findings, json } = await convert('mixed', [ret('SINV-4', '-10000,0,0,9,-900,9,-900,11800')]);
    const refused = findings.filter((f) => f.code === 'REGISTER_RETURN_SIGNS');
    expect(refused.map((f) => [f.severity, f.row, f.column, f.value, f.params?.first])).toEqual([['error', 3, 'Grand Total', '11800', 'Net Total']]);
    expect(json.cdnr ?? []).toEqual([]);
  });
});
