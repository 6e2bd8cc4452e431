/**
 * Golden test (issue 13 item 4): a sales register for the October 2025 period that carries every
 * Table 15 and 15A part, amendments of each kind (9A, 9C, 10) and advances received and adjusted
 * (11A, 11B, and their amendments). Its rows are the same supplies as the bundled sample
 * workbook's sheets, so the register must give the same JSON for those sections; the derived HSN
 * summary and documents issued were worked out by hand below.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertFiles } from '../src/api/convert.js';
import { explainLine, type RowExplanation } from '../src/register/index.js';
import { tempDir } from './helpers/files.js';

const REGISTER = 'test/fixtures/register/table15-amendments.csv';
const ID = { gstin: '27AAKCS4821M1ZW', period: '102025' };
const sample = JSON.parse(readFileSync('test/fixtures/sample-expected.json', 'utf8'));

async function convert(period = ID.period) {
  const out = join(tempDir(), 'out.json');
  const explained: RowExplanation[] = [];
  const res = await convertFiles([REGISTER], { ...ID, period, out, register: { onExplain: (e) => explained.push(e) } });
  const json = res.written.length ? JSON.parse(readFileSync(out, 'utf8')) : undefined;
  return { json, findings: res.result.findings.items, explained };
}

const SAME_SUPPLIES = ['b2ba', 'b2cla', 'b2csa', 'cdnra', 'cdnura', 'expa', 'at', 'ata', 'txpd', 'txpda', 'ecom', 'ecoma'];

describe('golden: a register with Table 15/15A, amendments and advances', async () => {
  const { json, findings, explained } = await convert();

  it('converts without a finding, to the sections the sample workbook gives for the same supplies', () => {
    expect(findings).toEqual([]);
    expect(Object.keys(json)).toEqual(['gstin', 'fp', ...SAME_SUPPLIES.slice(0, 10), 'hsn', 'doc_issue', 'ecom', 'ecoma']);
    for (const k of SAME_SUPPLIES) expect(json[k], k).toEqual(sample[k]);
  });

  it('accounts for every register row: 23 rows, each classified, none rejected', () => {
    expect(explained.map((e) => e.row)).toEqual(Array.from({ length: 23 }, (_, i) => i + 2));
    expect(explained.map((e) => e.target)).toEqual([
      'b2ba', 'b2ba', 'b2ba', 'b2cla', 'b2csa', 'cdnra', 'cdnura', 'expa',
      'at', 'at', 'ata', 'atadj', 'atadja',
      'ecob2b', 'ecob2b', 'ecourp2b', 'ecob2c', 'ecob2c', 'ecourp2c',
      'ecoab2b', 'ecoaurp2b', 'ecoab2c', 'ecoaurp2c',
    ]);
  });

  it('derives Table 12 from the Table 15 supplies only (advances and amendments are not this period\'s HSN)', () => {
    // B2B tab: 4000 + 2000 (intra-State, 2.5 % + 2.5 %) + 1500 (unregistered supplier taken in the operator's State 27, POS 07: 5 % IGST)
    // B2C tab: 30000 + 18000.50 intra-State (2.5 % of 48000.50 = 1200.0125 → 1200.01 each) + 12000 to Karnataka (600 IGST)
    const row = { num: 1, hsn_sc: '996331', desc: 'Restaurant service', user_desc: 'Restaurant service', uqc: 'NA', qty: 0, rt: 5, csamt: 0 };
    expect(json.hsn).toEqual({
      hsn_b2b: [{ ...row, txval: 7500, iamt: 75, camt: 150, samt: 150 }],
      hsn_b2c: [{ ...row, txval: 60000.5, iamt: 600, camt: 1200.01, samt: 1200.01 }],
    });
  });

  it('derives Table 13 from the documents issued: Table 15 invoices and receipt vouchers; not amendments, not advances adjusted', () => {
    expect(json.doc_issue).toEqual({
      doc_det: [
        {
          doc_num: 1, doc_typ: 'Invoices for outward supply',
          docs: [
            { num: 1, from: 'KC/101', to: 'KC/103', totnum: 3, cancel: 0, net_issue: 3 },
            { num: 2, from: 'HS/55', to: 'HS/56', totnum: 2, cancel: 0, net_issue: 2 },
          ],
        },
        { doc_num: 6, doc_typ: 'Receipt Voucher', docs: [{ num: 1, from: 'RV/25-26/001', to: 'RV/25-26/002', totnum: 2, cancel: 0, net_issue: 2 }] },
      ],
    });
  });

  it('--explain says which section each row went to and why, at its file and row', () => {
    const line = (row: number) => explainLine(explained.find((e) => e.row === row)!);
    expect(line(3)).toBe(
      `${REGISTER} › table15-amendments › row 3  invoice STL/25-26/1098  → b2ba: original STL/25-26/1093 of 2025-09-09 given → amendment (b2ba) of: ` +
        'registered recipient (GSTIN 07AABCY3392G1Z6), invoice type R; not in Tables 12-14 of this period',
    );
    expect(line(8)).toContain('→ cdnura: original CN/25-26/037 of 2025-09-22 given → amendment (cdnura) of: note to an unregistered recipient, inter-State (POS 24, your state 27), against B2CL invoice STL/25-26/1121');
    expect(line(14)).toContain('advance adjusted STL/25-26/1188  → atadja: original September 2025 given');
    expect(line(17)).toContain('→ ecourp2b: supplied through you by an unregistered supplier to registered recipient 07AABCY3392G1Z6; you pay the tax u/s 9(5) as the operator: Table 15 urp2b');
    expect(line(24)).toContain('→ ecoaurp2c: original August 2025 given');
  });

  it('before Table 15 began (December 2023) each part is a finding at its first register row; from January 2024 only 15A', async () => {
    const before = await convert('122023');
    const ecom = before.findings.filter((f) => f.code === 'ECOM_PERIOD');
    expect(ecom.map((f) => [f.row, f.params?.table])).toEqual([
      [15, '15'], [17, '15'], [18, '15'], [20, '15'], [21, '15A'], [22, '15A'], [23, '15A'], [24, '15A'],
    ]);
    expect(ecom.every((f) => f.file?.endsWith('table15-amendments.csv'))).toBe(true);
    const after = await convert('012024');
    expect(after.findings.filter((f) => f.code === 'ECOM_PERIOD').map((f) => [f.row, f.params?.table])).toEqual([[21, '15A'], [22, '15A'], [23, '15A'], [24, '15A']]);
    expect((await convert('022024')).findings.filter((f) => f.code === 'ECOM_PERIOD')).toEqual([]);
  });
});

describe('register rows the return cannot carry are findings at their cells (issue 13 item 4)', () => {
  it('a note amendment without its date, an amended Table 8 line, a note in Table 15: rejected and located; the rest mapped', async () => {
    const file = join(tempDir(), 'refusals.csv');
    writeFileSync(file, [
      'Document Type,Document Number,Document Date,Recipient GSTIN/UIN,Place Of Supply,HSN/SAC,UQC,Quantity,Rate,Taxable Value,Invoice Value,Supply Category,Original Note Number,Original Document Date,Supplier GSTIN/UIN',
      'Credit Note,CN/9,05-10-2025,29AAQFK3318N1ZO,29,8471,NOS,1,18,1000,1180,,CN/8,,',
      'Invoice,INV/9,06-10-2025,,27,0401,LTR,10,0,500,500,Nil Rated,,01-09-2025,',
      'Credit Note,KC/9,07-10-2025,,27,996331,,,5,100,105,,,,27AAKFK5521C1ZK',
      'Invoice,INV/10,08-10-2025,29AAQFK3318N1ZO,29,8471,NOS,1,18,2000,2360,,,,',
    ].join('\n'));
    const explained: RowExplanation[] = [];
    const res = await convertFiles([file], { ...ID, out: join(tempDir(), 'o.json'), register: { onExplain: (e) => explained.push(e) } });
    const located = res.result.findings.items
      .filter((f) => f.code.startsWith('REGISTER_'))
      .map((f) => [f.code, f.row, f.column, f.params?.section ?? f.params?.reason]);
    expect(located).toEqual([
      ['REGISTER_ORIGINAL_MISSING', 2, 'Original Document Date', 'cdnra'],
      ['REGISTER_AMENDMENT_UNSUPPORTED', 3, 'Supply Category', 'exemp'],
      ['REGISTER_TABLE15_DOCUMENT', 4, 'Document Type', 'note'],
    ]);
    expect(explained.map((e) => [e.row, e.target])).toEqual([[2, 'rejected'], [3, 'rejected'], [4, 'rejected'], [5, 'b2b']]);
  });
});

