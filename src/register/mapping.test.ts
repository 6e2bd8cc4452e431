/**
 * `gstr1 mapping init` drafts: headers a preset knows are drafted as the preset reads them (the
 * bundled Tally sample converts the same with the draft as without it); other headers are matched
 * by name, and a field another header fits as well is a guess.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { processWithRegister } from '../api/register-pass.js';
import { returnContext } from '../engine/options.js';
import { assemblePayload } from '../mappers/payload.js';
import { cli } from '../../test/helpers/cli.js';
import { headerCells } from './match.js';
import { draftMapping, mappingText } from './mapping.js';

const TALLY_SAMPLE = join(import.meta.dirname, '../../templates/sample/tally-sales-register.xlsx');
const SUPPLIER = '27AAACR5055K1Z7';
const KA = '29AAACR5055K1Z3';
const ctx = returnContext({ gstin: SUPPLIER, period: '092025' });

const root = mkdtempSync(join(tmpdir(), 'gstr1-mapping-draft-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function convertSample(opts: { mapping?: string }) {
  const { result } = await processWithRegister([TALLY_SAMPLE], ctx, opts);
  return { json: assemblePayload(result.outputs, { gstin: SUPPLIER, fp: '092025' }), findings: result.findings.items.map((f) => [f.code, f.row, f.column]) };
}

describe('mapping init on headers a preset knows', () => {
  it('drafts the bundled Tally sample as the tally preset reads it, and the draft converts it as convert does without one', async () => {
    const out = join(root, 'tally.mapping.json');
    const r = await cli('mapping', 'init', TALLY_SAMPLE, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/match the built-in preset "tally" \(TallyPrime/);
    // Tally's "Rate" is the item price: the GST rate is "GST Rate", and nothing in the draft is a guess
    expect(r.stdout).toMatch(/rate +← "GST Rate"\n/);
    expect(r.stdout).not.toContain('guess');
    const drafted = JSON.parse(readFileSync(out, 'utf8'));
    expect(drafted.columns).toMatchObject({ rate: 'GST Rate', igstRate: null, txval: 'Taxable Value', docNum: 'Voucher No.' });
    expect(drafted.ignore).toEqual(['Rate']);

    const without = await convertSample({});
    const withDraft = await convertSample({ mapping: out });
    expect(without.findings).toEqual([]);
    expect(withDraft.findings).toEqual(without.findings);
    expect(withDraft.json).toEqual(without.json);
  });

  it("carries the preset's value translations, so ERPNext's Is Return still makes a credit note", async () => {
    const head = ['Invoice', 'Posting Date', 'Customer', 'Billing Address GSTIN', 'Place of Supply', 'Is Return', 'HSN Code', 'Net Total', 'IGST Rate', 'IGST Amount', 'Grand Total', 'Rate'];
    const d = draftMapping(headerCells(head));
    expect(d.preset?.id).toBe('erpnext');
    expect(d.mapping.columns).toMatchObject({ docNum: 'Invoice', docType: 'Is Return', txval: 'Net Total', rate: null });
    expect(d.mapping.ignore).toEqual(['Rate']);
    expect(d.unusedHeaders).toEqual([{ header: 'Rate', near: [] }]);
    const register = join(root, 'erpnext.csv');
    writeFileSync(register, Papa.unparse([head, ['SINV-RET-1', '2025-09-05', 'Rao', KA, '29-Karnataka', 'Yes', '996331', '-1000', '18', '-180', '-1180', '250']]));
    const mapping = join(root, 'erpnext.mapping.json');
    writeFileSync(mapping, mappingText(d.mapping));
    const { result } = await processWithRegister([register], ctx, { mapping });
    expect(result.findings.items).toEqual([]);
    const json = assemblePayload(result.outputs, { gstin: SUPPLIER, fp: '092025' }) as unknown as Record<string, any>;
    expect(json.cdnr[0].nt[0]).toMatchObject({ nt_num: 'SINV-RET-1', ntty: 'C', val: 1180 });
  });
});

describe('mapping init on headers no preset knows', () => {
  it('marks a field a guess when another header fits it as well', () => {
    const d = draftMapping(headerCells(['Bill No', 'Bill Date', 'Rate', 'GST Rate', 'Net Amt']));
    expect(d.preset).toBeUndefined();
    expect(d.mapped.find((m) => m.field === 'rate')).toEqual({ field: 'rate', header: 'Rate', exact: false });
    // alone, "Rate" is the field's own name
    const alone = draftMapping(headerCells(['Bill No', 'Bill Date', 'Rate', 'Net Amt']));
    expect(alone.mapped.find((m) => m.field === 'rate')).toEqual({ field: 'rate', header: 'Rate', exact: true });
  });
});

describe('mapping init on a tax\'s rate and amount ("IGST %" and "IGST" are one header once "%" is dropped)', () => {
  const head = ['Invoice Number', 'Invoice Date', 'GSTIN of Recipient', 'Place of Supply', 'HSN', 'UQC', 'Quantity', 'Taxable Value', 'IGST %', 'IGST', 'Invoice Value'];

  it('drafts iamt ← "IGST" and igstRate ← "IGST %", in either order, neither a guess', () => {
    for (const h of [head, [...head.slice(0, 8), 'IGST', 'IGST %', 'Invoice Value']]) {
      const d = draftMapping(headerCells(h));
      expect(d.preset).toBeUndefined();
      expect(d.mapped.filter((m) => m.field === 'igstRate' || m.field === 'iamt')).toEqual([
        { field: 'igstRate', header: 'IGST %', exact: true },
        { field: 'iamt', header: 'IGST', exact: true },
      ]);
    }
    // alone, "IGST" is the amount; beside "GST Rate", "CGST" and "SGST" are the amounts
    expect(draftMapping(headerCells(['Bill No', 'Bill Date', 'Taxable Value', 'IGST'])).mapping.columns).toMatchObject({ igstRate: null, iamt: 'IGST' });
    expect(draftMapping(headerCells(['Bill No', 'Bill Date', 'Taxable Value', 'GST Rate', 'CGST', 'SGST'])).mapping.columns)
      .toMatchObject({ rate: 'GST Rate', cgstRate: null, sgstRate: null, camt: 'CGST', samt: 'SGST' });
    // as the generic layout reads them: "IGST" beside "IGST Amount" is the rate; beside "IGST Rate" too, a second name of both
    expect(draftMapping(headerCells(['Bill No', 'Bill Date', 'Taxable Value', 'IGST', 'IGST Amount'])).mapped.filter((m) => m.header.startsWith('IGST'))).toEqual([
      { field: 'igstRate', header: 'IGST', exact: true },
      { field: 'iamt', header: 'IGST Amount', exact: true },
    ]);
    const three = draftMapping(headerCells(['Bill No', 'Bill Date', 'Taxable Value', 'IGST', 'IGST Rate', 'IGST Amount']));
    expect(three.mapping.columns).toMatchObject({ rate: null, igstRate: 'IGST Rate', iamt: 'IGST Amount' });
    expect(three.unusedHeaders.map((u) => u.header)).toEqual(['IGST']);
  });

  it('gstr1 mapping init writes it so, and the draft converts the register as convert does without one', async () => {
    const register = join(root, 'igst.csv');
    writeFileSync(register, Papa.unparse([head, ['INV/1', '05-09-2025', KA, '29-Karnataka', '8471', 'NOS', '1', '1000', '18', '180', '1180']]));
    const out = join(root, 'igst.mapping.json');
    const r = await cli('mapping', 'init', register, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/igstRate +← "IGST %"\n/);
    expect(r.stdout).toMatch(/iamt +← "IGST"\n/);
    expect(r.stdout).not.toContain('guess');
    expect(JSON.parse(readFileSync(out, 'utf8')).columns).toMatchObject({ igstRate: 'IGST %', iamt: 'IGST' });

    const convert = async (opts: { mapping?: string }) => {
      const { result } = await processWithRegister([register], ctx, opts);
      return { json: assemblePayload(result.outputs, { gstin: SUPPLIER, fp: '092025' }) as unknown as Record<string, any>, findings: result.findings.items };
    };
    const withDraft = await convert({ mapping: out });
    expect(withDraft.findings).toEqual([]);
    expect(withDraft.json.b2b[0].inv[0].itms[0].itm_det).toEqual({ rt: 18, txval: 1000, iamt: 180, csamt: 0 });
    expect(withDraft).toEqual(await convert({}));
  });
});
