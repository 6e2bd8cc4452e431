/**
 * layout: generic, a tax's rate and its amount. fields.ts spells the IGST rate "IGST %" and the
 * IGST amount "IGST" (likewise CGST and SGST): one `headerKey` once "%" is dropped. A register
 * (many ERP exports) with amount columns headed plain "IGST", "CGST", "SGST" and the rate in
 * "IGST %" or "GST Rate" is read with the amounts as amounts and the rate as the rate, in either
 * column order; a header spelt as neither field's name exactly keeps its reading ("IGST" beside
 * "IGST Amount" is the rate).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readRegister, registerFiles } from './helpers/register.js';
import { REGISTER_FIELD_SPECS, headerKey } from '../src/register/fields.js';
import { AUTO_LAYOUTS } from '../src/register/layouts.js';
import { bestLayout } from '../src/register/match.js';

const OWN = '27AAACR5055K1Z7';
const KA = '29AAACR5055K1Z3'; // inter-State: IGST
const MH = '27AABCU9603R1ZN'; // intra-State: CGST + SGST
const PERIOD = '102025';

const files = registerFiles();
afterAll(files.cleanup);

const run = (file: string) => readRegister(file, OWN, PERIOD);

const HEAD = ['Invoice Number', 'Invoice Date', 'GSTIN of Recipient', 'Place of Supply', 'HSN', 'UQC', 'Quantity', 'Taxable Value'];
const columnsRead = (cells: string[]) => {
  const m = bestLayout(AUTO_LAYOUTS, cells)!;
  return { layout: m.layout.id, columns: Object.fromEntries(Object.entries(m.columns).map(([f, r]) => [f, r!.header])), ignored: m.ignored.map((r) => r.header) };
};

describe('layout: generic, "IGST %" is the rate and "IGST" the amount', () => {
  it.each([
    ['rate first', ['IGST %', 'IGST'], (rt: string, amt: string) => [rt, amt]],
    ['amount first', ['IGST', 'IGST %'], (rt: string, amt: string) => [amt, rt]],
  ])('%s: the item carries the rate and the amount from their own columns', async (_, tax, cells) => {
    const file = files.csv([
      [...HEAD, ...tax, 'Invoice Value'],
      ['INV/1', '02-10-2025', KA, '29-Karnataka', '8471', 'NOS', '1', '1000', ...cells('18', '180'), '1180'],
      // the books' IGST is not 18 % of 5000: said at the "IGST" cell, with the amount it holds
      ['INV/2', '03-10-2025', KA, '29-Karnataka', '8471', 'NOS', '1', '5000', ...cells('18', '950'), '5950'],
    ]);
    const { json, findings, layout } = await run(file);
    expect(layout).toEqual([expect.stringMatching(/usual column names/)]);
    expect(findings.map((f) => [f.code, f.row, f.column, f.params?.given, f.params?.expected])).toEqual([
      ['REGISTER_TAX_MISMATCH', 3, 'IGST', '950.00', '900.00'],
    ]);
    expect(json.b2b[0].inv.map((i: any) => i.itms[0].itm_det)).toEqual([
      { rt: 18, txval: 1000, iamt: 180, csamt: 0 },
      { rt: 18, txval: 5000, iamt: 900, csamt: 0 },
    ]);
  });

  it('"IGST" alone is the amount: the rate is taken from it (180 on 1000 is 18 %), not read as 180 %', async () => {
    const file = files.csv([
      [...HEAD, 'IGST', 'Invoice Value'],
      ['INV/1', '02-10-2025', KA, '29-Karnataka', '8471', 'NOS', '1', '1000', '180', '1180'],
    ]);
    const { json, findings } = await run(file);
    expect(findings).toEqual([]);
    expect(json.b2b[0].inv[0].itms[0].itm_det).toEqual({ rt: 18, txval: 1000, iamt: 180, csamt: 0 });
  });
});

describe('layout: generic, "GST Rate" with "CGST" and "SGST" amounts', () => {
  it('the amounts are read as amounts: a line whose books differ is said at its CGST and SGST cells', async () => {
    const file = files.csv([
      [...HEAD, 'GST Rate', 'CGST', 'SGST', 'Invoice Value'],
      ['INV/1', '02-10-2025', MH, '27-Maharashtra', '8471', 'NOS', '1', '1000', '18', '90', '90', '1180'],
      ['INV/2', '03-10-2025', MH, '27-Maharashtra', '8471', 'NOS', '1', '1000', '18', '95', '95', '1190'],
    ]);
    const { json, findings } = await run(file);
    expect(findings.map((f) => [f.code, f.row, f.column, f.params?.given])).toEqual([
      ['REGISTER_TAX_MISMATCH', 3, 'CGST', '95.00'],
      ['REGISTER_TAX_MISMATCH', 3, 'SGST', '95.00'],
    ]);
    expect(json.b2b[0].inv[0].itms[0].itm_det).toEqual({ rt: 18, txval: 1000, camt: 90, samt: 90, csamt: 0 });
  });

  it('without the rate column the rate is taken from the amounts (no RET191175 for "90 %")', async () => {
    const file = files.csv([
      [...HEAD, 'CGST', 'SGST', 'Invoice Value'],
      ['INV/1', '02-10-2025', MH, '27-Maharashtra', '8471', 'NOS', '1', '1000', '90', '90', '1180'],
    ]);
    const { json, findings } = await run(file);
    expect(findings).toEqual([]);
    expect(json.b2b[0].inv[0].itms[0].itm_det).toEqual({ rt: 18, txval: 1000, camt: 90, samt: 90, csamt: 0 });
  });
});

describe('layout: generic, which header carries which of two fields of one key', () => {
  it('the fields whose spellings share a key are the rate and the amount of IGST, CGST and SGST only', () => {
    const fieldsByKey = new Map<string, Set<string>>();
    for (const s of REGISTER_FIELD_SPECS) {
      for (const y of [s.label, ...s.synonyms]) fieldsByKey.set(headerKey(y), (fieldsByKey.get(headerKey(y)) ?? new Set()).add(s.field));
    }
    expect([...fieldsByKey].filter(([, f]) => f.size > 1).map(([k, f]) => [k, [...f]])).toEqual([
      ['igst', ['igstRate', 'iamt']],
      ['cgst', ['cgstRate', 'camt']],
      ['sgst', ['sgstRate', 'samt']],
    ]);
  });

  it('each tax: "X %" and "X%" are the rate, "X" the amount, "X Rate" the rate, in any order', () => {
    const base = ['Invoice Number', 'Invoice Date', 'Taxable Value'];
    for (const [tax, rate, amount] of [['IGST', 'igstRate', 'iamt'], ['CGST', 'cgstRate', 'camt'], ['SGST', 'sgstRate', 'samt']] as const) {
      for (const pct of [`${tax} %`, `${tax}%`, `${tax} Rate`]) {
        for (const row of [[pct, tax], [tax, pct]]) {
          const r = columnsRead([...base, ...row]);
          expect(r.layout, row.join()).toBe('generic');
          expect(r.columns, row.join()).toMatchObject({ [rate]: pct, [amount]: tax });
        }
      }
    }
  });

  it('"IGST" beside "IGST Amount" is the rate (as before); beside both "IGST Rate" and "IGST Amount" it is not read', () => {
    const base = ['Invoice Number', 'Invoice Date', 'Taxable Value'];
    expect(columnsRead([...base, 'IGST', 'IGST Amount']).columns).toMatchObject({ igstRate: 'IGST', iamt: 'IGST Amount' });
    const both = columnsRead([...base, 'IGST', 'IGST Rate', 'IGST Amount']);
    expect(both.columns).toMatchObject({ igstRate: 'IGST Rate', iamt: 'IGST Amount' });
    expect(both.ignored).toEqual(['IGST']);
    // the same header twice is still one field's two columns
    expect(bestLayout(AUTO_LAYOUTS, [...base, 'IGST', 'IGST'])!.duplicates.map((d) => [d.field, d.first.col, d.second.col])).toEqual([['iamt', 4, 5]]);
  });
});
