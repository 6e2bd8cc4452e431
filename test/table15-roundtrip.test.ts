/**
 * Table 15 / 15A (supplies on which the e-commerce operator pays tax u/s 9(5)) through to-excel
 * and convert. The template's Table 15 sheets have no tax columns; to-excel adds them as on the
 * other sheets, so the tax amounts a JSON gives come back as given (they were recomputed: CGST
 * 152.50 came back 150, IGST 18.01 came back 18, with no finding), and amounts or supply types that
 * contradict the States are findings at their place, never rewritten.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonRoundTrip } from './helpers/json-round-trip.js';
import { validateFiles } from '../src/api/validate.js';

const root = mkdtempSync(join(tmpdir(), 'gstr1-table15-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// the operator files in Maharashtra (27); the registered supplier is in Karnataka (29)
const OPERATOR = '27AAKCS4821M1ZW';
const STIN = '29AAQFK3318N1ZO';
const RTIN = '33AAPFM6624E1ZA';

/** odd-paise amounts within Rs 10 of value × rate, both supply types in every part */
const GIVEN = {
  gstin: OPERATOR,
  fp: '102025',
  ecom: {
    b2b: [{
      stin: STIN, rtin: RTIN,
      inv: [
        { inum: 'K/1', idt: '08-10-2025', val: 6305, pos: '29', inv_typ: 'R', sply_ty: 'INTRA', itms: [{ num: 1, itm_det: { rt: 5, txval: 6000, camt: 152.5, samt: 152.5, csamt: 0 } }] },
        { inum: 'K/2', idt: '09-10-2025', val: 1050.01, pos: '33', inv_typ: 'R', sply_ty: 'INTER', itms: [{ num: 1, itm_det: { rt: 5, txval: 1000, iamt: 50.01, csamt: 0 } }] },
      ],
    }],
    urp2b: [{
      rtin: RTIN,
      inv: [
        { inum: 'U/1', idt: '12-10-2025', val: 1050.03, pos: '33', inv_typ: 'R', sply_ty: 'INTER', itms: [{ num: 1, itm_det: { rt: 5, txval: 1000, iamt: 50.03, csamt: 0 } }] },
        { inum: 'U/2', idt: '13-10-2025', val: 1050, pos: '27', inv_typ: 'R', sply_ty: 'INTRA', itms: [{ num: 1, itm_det: { rt: 5, txval: 1000, camt: 24.99, samt: 24.99, csamt: 0 } }] },
      ],
    }],
    b2c: [
      { stin: STIN, pos: '29', sply_ty: 'INTRA', rt: 5, txval: 48000.5, camt: 1200.02, samt: 1200.02, csamt: 0 },
      { stin: STIN, pos: '27', sply_ty: 'INTER', rt: 18, txval: 100, iamt: 18.01, csamt: 0 },
    ],
    urp2c: [
      { pos: '29', sply_ty: 'INTER', rt: 18, txval: 100, iamt: 18.01, csamt: 0 },
      { pos: '27', sply_ty: 'INTRA', rt: 18, txval: 100, camt: 9.01, samt: 9.01, csamt: 0 },
    ],
  },
  ecoma: {
    b2ca: [{ pos: '29', posItms: [{ stin: STIN, omon: '092025', sply_ty: 'INTRA', itms: [{ rt: 5, txval: 2000, camt: 50.02, samt: 50.02, csamt: 0 }] }] }],
    urp2ca: [{ pos: '07', omon: '092025', sply_ty: 'INTER', itms: [{ rt: 5, txval: 2000, iamt: 99.99, csamt: 0 }] }],
  },
};

const roundTrip = (body: { gstin: string; fp: string }, name: string) => jsonRoundTrip(root, body, name);

type F = { code: string; severity: string; sheet?: string; row?: number; column?: string; params?: Record<string, unknown> };
const TAX_CODES = new Set(['RET91708', 'RET191150', 'ECOM_SUPPLY_TYPE']);
const taxFindings = (items: readonly F[]) => items.filter((f) => TAX_CODES.has(f.code)).map((f) => [f.code, f.sheet, f.row, f.column, f.params?.reason]);

async function validateJson(body: object, name: string) {
  const file = join(root, `${name}-direct.json`);
  writeFileSync(file, JSON.stringify(body));
  const { result } = await validateFiles([file], { gstin: OPERATOR, period: '102025', today: '2025-11-05' });
  return result.findings.items as readonly F[];
}

describe('Table 15 keeps the tax amounts given', () => {
  it('JSON → to-excel → convert gives the same bytes back, with no tax finding', async () => {
    const { text, again, findings } = await roundTrip(GIVEN, 'given');
    expect(taxFindings(findings)).toEqual([]);
    expect(again).toBe(text);
  });

  it('the JSON itself validates without a tax finding', async () => {
    expect(taxFindings(await validateJson(GIVEN, 'given'))).toEqual([]);
  });

  it('an amount beyond Rs 10 of value × rate is RET91708 at its cell, kept as given', async () => {
    const off = {
      gstin: OPERATOR, fp: '102025',
      ecom: {
        b2c: [{ stin: STIN, pos: '29', sply_ty: 'INTRA', rt: 5, txval: 1000, camt: 12.5, samt: 12.5, csamt: 0 }],
        urp2c: [{ pos: '29', sply_ty: 'INTER', rt: 18, txval: 1000, iamt: 190.01, csamt: 0 }],
      },
    };
    const { findings, again, text } = await roundTrip(off, 'off');
    expect(taxFindings(findings)).toEqual([
      ['RET91708', 'ecob2c', 5, 'Central Tax Amount', undefined],
      ['RET91708', 'ecob2c', 5, 'State/UT Tax Amount', undefined],
      ['RET91708', 'ecourp2c', 5, 'Integrated Tax Amount', undefined],
    ]);
    expect(again).toBe(text);
  });
});

describe('Table 15 supply type against the States', () => {
  /** the tester's return: IGST where supplier and place of supply share a State, and the reverse */
  const FLIPPED = {
    gstin: OPERATOR, fp: '102025',
    ecom: {
      b2c: [{ stin: STIN, pos: '29', sply_ty: 'INTER', rt: 5, txval: 1000, iamt: 50, csamt: 0 }],
      urp2c: [
        { pos: '27', sply_ty: 'INTER', rt: 18, txval: 100, iamt: 18, csamt: 0 },
        { pos: '29', sply_ty: 'INTRA', rt: 18, txval: 100, camt: 9, samt: 9, csamt: 0 },
      ],
    },
  };

  it('tax heads that contradict the States are RET191150 at their cell, in the workbook, not rewritten', async () => {
    const { findings, again } = await roundTrip(FLIPPED, 'flipped');
    expect(taxFindings(findings)).toEqual([
      ['RET191150', 'ecob2c', 5, 'Integrated Tax Amount', 'intra'],
      ['RET191150', 'ecourp2c', 5, 'Integrated Tax Amount', 'intra'],
      ['RET191150', 'ecourp2c', 6, 'Central Tax Amount', 'inter'],
    ]);
    // forced through, the heads are the ones given (the supply type follows the States)
    const back = JSON.parse(again).ecom;
    expect(back.b2c[0]).toMatchObject({ iamt: 50 });
    expect(back.urp2c[1]).toMatchObject({ camt: 9, samt: 9 });
  });

  it('in the JSON, the heads are RET191150 and a supply type alone out of line is ECOM_SUPPLY_TYPE at its path', async () => {
    const onlyType = {
      gstin: OPERATOR, fp: '102025',
      ecom: {
        ...FLIPPED.ecom,
        // heads right for the States, the supply type not
        b2b: [{ stin: STIN, rtin: RTIN, inv: [{ inum: 'K/1', idt: '08-10-2025', val: 6300, pos: '29', inv_typ: 'R', sply_ty: 'INTER', itms: [{ num: 1, itm_det: { rt: 5, txval: 6000, camt: 150, samt: 150, csamt: 0 } }] }] }],
      },
    };
    const findings = await validateJson(onlyType, 'only-type');
    expect(taxFindings(findings)).toEqual(expect.arrayContaining([
      ['RET191150', 'ecob2c', 5, 'Integrated Tax Amount', 'intra'],
      ['RET191150', 'ecourp2c', 5, 'Integrated Tax Amount', 'intra'],
      ['RET191150', 'ecourp2c', 6, 'Central Tax Amount', 'inter'],
    ]));
    const types = findings.filter((f) => f.code === 'ECOM_SUPPLY_TYPE');
    expect(types.map((f) => [f.severity, f.params?.path, f.params?.given, f.params?.state, f.params?.pos])).toEqual([
      ['error', 'ecom.b2b[0].inv[0].sply_ty', 'INTER', '29', '29'],
    ]);
  });
});
