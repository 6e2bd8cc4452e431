/**
 * layout: gstr1, other spellings. A register recognised as the toolkit's own layout by its labels
 * reads a field whose label is absent from the field's other spellings (fields.ts), as the generic
 * layout does, except spellings that could mean another column there (GSTR1_UNREAD_SPELLINGS):
 * those stay unknown columns with a warning. Recognising the layout is by its labels alone.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readRegister, registerFiles } from './helpers/register.js';
import { REGISTER_FIELD_SPECS, headerKey } from '../src/register/fields.js';
import { AUTO_LAYOUTS, GSTR1_LAYOUT, GSTR1_UNREAD_SPELLINGS } from '../src/register/layouts.js';
import { draftMapping } from '../src/register/mapping.js';
import { bestLayout, headerCells } from '../src/register/match.js';
import { messageOf } from '../src/report/messages/index.js';

const OWN = '27AAACR5055K1Z7'; // the filer, an e-commerce operator paying the tax u/s 9(5) on restaurant services
const SELLER = '27AAKFK5521C1ZK'; // a restaurant selling through the operator
const BUYER = '27AAFCP7263Q1ZM';
const PERIOD = '102025';

const files = registerFiles();
afterAll(files.cleanup);

const run = (file: string) => readRegister(file, OWN, PERIOD);

describe('layout: gstr1, a field\'s other spellings', () => {
  it('"Supplier GSTIN" and "Seller Name" beside the labels (CSV): the lines are Table 15 supplies, not the filer\'s own', async () => {
    const file = files.csv([
      ['Document Type', 'Document Number', 'Document Date', 'Recipient GSTIN/UIN', 'Place Of Supply', 'HSN/SAC', 'Rate', 'Taxable Value', 'Invoice Value', 'Supplier GSTIN', 'Seller Name'],
      ['Invoice', 'KC/101', '08-10-2025', BUYER, '27-Maharashtra', '996331', '5', '4000', '4200', SELLER, 'Konkan Cafe LLP'],
      ['Invoice', 'KC/102', '18-10-2025', '', '27-Maharashtra', '996331', '5', '30000', '31500', SELLER, 'Konkan Cafe LLP'],
    ]);
    const { json, findings, layout } = await run(file);
    expect(layout).toEqual([GSTR1_LAYOUT.name]);
    expect(findings.filter((f) => f.code.startsWith('REGISTER_COLUMN'))).toEqual([]);
    expect(json.b2b).toBeUndefined();
    expect(json.b2cs).toBeUndefined();
    expect(json.ecom.b2b).toEqual([{
      stin: SELLER, rtin: BUYER,
      inv: [{ inum: 'KC/101', idt: '08-10-2025', val: 4200, pos: '27', inv_typ: 'R', sply_ty: 'INTRA', itms: [{ num: 1, itm_det: { rt: 5, txval: 4000, camt: 100, samt: 100, csamt: 0 } }] }],
    }]);
    expect(json.ecom.b2c).toEqual([{ stin: SELLER, pos: '27', sply_ty: 'INTRA', rt: 5, txval: 30000, camt: 750, samt: 750, csamt: 0 }]);
  });

  it('a workbook with "Merchant GSTIN" and "Invoice Amount": the supplier and the invoice value are read', async () => {
    const file = await files.xlsx([
      ['Document Type', 'Document Number', 'Document Date', 'Recipient GSTIN/UIN', 'Place Of Supply', 'HSN/SAC', 'Rate', 'Taxable Value', 'Invoice Amount', 'Merchant GSTIN'],
      ['Invoice', 'KC/201', '09-10-2025', BUYER, '27-Maharashtra', '996331', 5, 1000.4, 1050, SELLER],
    ]);
    const { json, findings, layout } = await run(file);
    expect(layout).toEqual([GSTR1_LAYOUT.name]);
    expect(findings.filter((f) => f.code.startsWith('REGISTER_COLUMN'))).toEqual([]);
    // the value is the column's rounded 1050, not the line's 1000.40 + 50.02 tax
    expect(json.ecom.b2b.map((s: any) => [s.stin, s.inv.map((i: any) => [i.inum, i.val, i.itms[0].itm_det.txval])])).toEqual([[SELLER, [['KC/201', 1050, 1000.4]]]]);
  });

  it('the label wins over another spelling wherever it stands; the other spelling stays unread and is said', async () => {
    const file = files.csv([
      ['Invoice Date', 'Document Type', 'Document Number', 'Document Date', 'Recipient GSTIN/UIN', 'Place Of Supply', 'HSN/SAC', 'Rate', 'Taxable Value', 'Invoice Value'],
      ['01-09-2025', 'Invoice', 'INV/1', '02-10-2025', BUYER, '27-Maharashtra', '8471', '18', '1000', '1180'],
    ]);
    const { json, findings } = await run(file);
    expect(json.b2b[0].inv[0].idt).toBe('02-10-2025');
    expect(findings.filter((f) => f.code.startsWith('REGISTER_COLUMN')).map((f) => [f.code, f.column, f.col])).toEqual([
      ['REGISTER_COLUMN_IGNORED', 'Invoice Date', 1],
    ]);
  });

  it('ambiguous spellings are not read: "IGST" (rate or amount) and "Status" are unknown columns with the fields they are nearest', async () => {
    const file = files.csv([
      ['Document Type', 'Document Number', 'Document Date', 'Recipient GSTIN/UIN', 'Place Of Supply', 'HSN/SAC', 'Rate', 'Taxable Value', 'Invoice Value', 'IGST', 'Status', 'Restaurant GSTIN'],
      ['Invoice', 'KC/301', '10-10-2025', '29AAACR5055K1Z3', '29-Karnataka', '996331', '5', '1000', '1050', '18', 'Paid', SELLER],
    ]);
    const { json, findings } = await run(file);
    const unknown = findings.filter((f) => f.code === 'REGISTER_COLUMN_UNKNOWN');
    expect(unknown.map((f) => [f.column, f.col, f.severity, f.params?.candidates])).toEqual([
      ['IGST', 10, 'warning', 'igstRate ("Integrated Tax Rate"), iamt ("Integrated Tax Amount")'],
      ['Status', 11, 'warning', 'cancelled ("Cancelled")'],
    ]);
    expect(messageOf(unknown[1]!)).toBe('Column "Status" was not read; did you mean cancelled ("Cancelled")?');
    // the alternate beside them is read: the supply is in Table 15; its IGST is 5 % of 1000, not the 18 in "IGST"
    expect(json.ecom.b2b[0].stin).toBe(SELLER);
    expect(json.ecom.b2b[0].inv[0].itms[0].itm_det).toEqual({ rt: 5, txval: 1000, iamt: 50, csamt: 0 });
    expect(json.ecom.b2b[0].inv[0].val).toBe(1050);
  });
});

describe('layout: gstr1, which spellings it reads', () => {
  const alternates = GSTR1_LAYOUT.alternates!;

  it('every other spelling of a field, but the ambiguous ones; each of those is some field\'s spelling', () => {
    const unread = new Set(GSTR1_UNREAD_SPELLINGS.map(headerKey));
    for (const s of REGISTER_FIELD_SPECS) {
      expect(alternates[s.field], s.field).toEqual(s.synonyms.filter((y) => !unread.has(headerKey(y))));
    }
    const synonyms = new Set(REGISTER_FIELD_SPECS.flatMap((s) => s.synonyms).map(headerKey));
    expect(GSTR1_UNREAD_SPELLINGS.filter((y) => !synonyms.has(headerKey(y)))).toEqual([]);
  });

  it('no spelling it reads names two fields, or is another field\'s label or a signature header', () => {
    const owner = new Map<string, Set<string>>();
    for (const s of REGISTER_FIELD_SPECS) for (const y of alternates[s.field] ?? []) owner.set(headerKey(y), (owner.get(headerKey(y)) ?? new Set()).add(s.field));
    expect([...owner].filter(([, fields]) => fields.size > 1)).toEqual([]);
    const labels = new Map(REGISTER_FIELD_SPECS.map((s) => [headerKey(s.label), s.field]));
    expect([...owner].filter(([k, fields]) => labels.has(k) && !fields.has(labels.get(k)!))).toEqual([]);
    expect(GSTR1_LAYOUT.signature.filter((h) => owner.has(headerKey(h)))).toEqual([]);
  });

  it('other spellings take no part in recognising a layout: a row the ERP preset reads best stays the ERP preset\'s', () => {
    // by its labels the gstr1 layout finds 5 fields here and the ERP preset 7; with the other
    // spellings it would find 11 (Customer GSTIN, HSN or SAC, Receiver Name, RCM, Seller Name, Supplier GSTIN)
    const cells = ['Document Type', 'Document Number', 'Document Date', 'Taxable Value', 'CustomerGSTIN', 'HSNorSAC', 'IntegratedTaxAmount',
      'Receiver Name', 'RCM', 'Seller Name', 'Supplier GSTIN'];
    const m = bestLayout(AUTO_LAYOUTS, cells)!;
    expect([m.layout.id, m.matched]).toEqual(['erp', 7]);
  });

  it('gstr1 mapping init drafts the other spelling as the preset reads it: certain, not a guess', () => {
    const draft = draftMapping(headerCells(['Document Type', 'Document Number', 'Document Date', 'Taxable Value', 'Supplier GSTIN', 'Status']));
    expect(draft.preset?.id).toBe('gstr1');
    expect(draft.mapped.filter((m) => m.field === 'stin' || m.field === 'cancelled')).toEqual([{ field: 'stin', header: 'Supplier GSTIN', exact: true }]);
    expect(draft.mapping.columns.cancelled).toBeNull();
  });
});
