import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../model/period.js';
import { table15SupplyTypeFindings } from './json-supply-type.js';
import type { ReturnJson } from './return-rows.js';

// the operator files in Maharashtra (27); the registered supplier is in Karnataka (29)
const OPERATOR = '27AAKCS4821M1ZW';
const STIN = '29AAQFK3318N1ZO';
const RTIN = '33AAPFM6624E1ZA';

const ret = (sections: Record<string, unknown>): ReturnJson => ({
  gstin: OPERATOR, fp: '102025', period: parsePeriod('102025')!, sections,
  origin: Object.fromEntries(Object.keys(sections).map((k) => [k, 'r.json'])),
});
const found = (r: ReturnJson) => table15SupplyTypeFindings(r).map((f) => [f.params?.path, f.params?.given, f.params?.expected, f.params?.state ?? f.params?.type, f.params?.whose]);

describe('Table 15 sply_ty against the States', () => {
  it('passes supply types that fit: supplier\'s State, the operator\'s for an unregistered supplier, SEZ always INTER', () => {
    const r = ret({
      ecom: {
        b2b: [{ stin: STIN, rtin: RTIN, inv: [
          { inum: 'K/1', pos: '29', inv_typ: 'R', sply_ty: 'INTRA', itms: [{ num: 1, itm_det: { rt: 5, txval: 100, camt: 2.5, samt: 2.5 } }] },
          { inum: 'K/2', pos: '29', inv_typ: 'SEWP', sply_ty: 'INTER', itms: [{ num: 1, itm_det: { rt: 5, txval: 100, iamt: 5 } }] },
        ] }],
        urp2c: [{ pos: '27', sply_ty: 'INTRA', rt: 5, txval: 100, camt: 2.5, samt: 2.5 }],
      },
      ecoma: { urp2ca: [{ pos: '29', omon: '092025', sply_ty: 'INTER', itms: [{ rt: 5, txval: 100, iamt: 5 }] }] },
    });
    expect(found(r)).toEqual([]);
  });

  it('reports a supply type the States contradict at its path, in every part', () => {
    const r = ret({
      ecom: {
        b2b: [{ stin: STIN, rtin: RTIN, inv: [{ inum: 'K/1', pos: '29', inv_typ: 'R', sply_ty: 'INTER', itms: [{ num: 1, itm_det: { rt: 5, txval: 100, camt: 2.5, samt: 2.5 } }] }] }],
        urp2b: [{ rtin: RTIN, inv: [{ inum: 'U/1', pos: '33', inv_typ: 'SEWOP', sply_ty: 'INTRA', itms: [{ num: 1, itm_det: { rt: 5, txval: 100, iamt: 0 } }] }] }],
        b2c: [{ stin: STIN, pos: '27', sply_ty: 'INTRA', rt: 5, txval: 100, iamt: 5 }],
        urp2c: [{ pos: '27', sply_ty: 'INTER', rt: 5, txval: 100, camt: 2.5, samt: 2.5 }],
      },
      ecoma: {
        b2ca: [{ pos: '29', posItms: [{ stin: STIN, omon: '092025', sply_ty: 'INTER', itms: [{ rt: 5, txval: 100, camt: 2.5, samt: 2.5 }] }] }],
        urp2ca: [{ pos: '07', omon: '092025', sply_ty: 'INTRA', itms: [{ rt: 5, txval: 100, iamt: 5 }] }],
      },
    });
    expect(found(r)).toEqual([
      ['ecom.b2b[0].inv[0].sply_ty', 'INTER', 'INTRA', '29', 'supplier'],
      ['ecom.urp2b[0].inv[0].sply_ty', 'INTRA', 'INTER', 'SEWOP', undefined],
      ['ecom.b2c[0].sply_ty', 'INTRA', 'INTER', '29', 'supplier'],
      ['ecom.urp2c[0].sply_ty', 'INTER', 'INTRA', '27', 'operator'],
      ['ecoma.b2ca[0].posItms[0].sply_ty', 'INTER', 'INTRA', '29', 'supplier'],
      ['ecoma.urp2ca[0].sply_ty', 'INTRA', 'INTER', '27', 'operator'],
    ]);
    expect(table15SupplyTypeFindings(r)[0]).toMatchObject({ code: 'ECOM_SUPPLY_TYPE', severity: 'error', file: 'r.json', value: 'INTER' });
  });

  it('leaves a record whose tax heads contradict the States too to RET191150 (one finding for one mistake)', () => {
    const r = ret({ ecom: { b2c: [{ stin: STIN, pos: '29', sply_ty: 'INTER', rt: 5, txval: 1000, iamt: 50 }] } });
    expect(found(r)).toEqual([]);
  });
});
