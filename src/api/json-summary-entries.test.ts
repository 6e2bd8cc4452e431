import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../model/period.js';
import { hintOf, messageOf } from '../report/messages/index.js';
import { jsonInputFindings } from './json-check.js';
import type { ReturnJson } from './return-rows.js';

function ret(sections: Record<string, unknown>): ReturnJson {
  const origin = Object.fromEntries(Object.keys(sections).map((k) => [k, 'r.json']));
  return { gstin: '27AAKCS4821M1ZW', fp: '102025', period: parsePeriod('102025')!, sections, origin };
}

/** The repeated entries of a return: [path, first, key params]. */
const repeats = (r: ReturnJson) =>
  jsonInputFindings(r)
    .filter((f) => f.code === 'JSON_DUPLICATE_ENTRY')
    .map((f) => {
      const { section: _s, path, first, ...key } = f.params!;
      return [path, first, key];
    });

const STIN = '29AAQFK3318N1ZO';
const b2c = (extra: Record<string, unknown> = {}) => ({ stin: STIN, pos: '29', sply_ty: 'INTER', rt: 5, txval: 1000, iamt: 50, csamt: 0, ...extra });

describe('json-summary-entries: Table 15 b2c records of one supplier, place of supply and rate', () => {
  it('the second of two is an error at its JSON path, with the key and the first; the portal code is not guessed', () => {
    const r = ret({ ecom: { b2c: [b2c(), b2c({ rt: 18, iamt: 180 }), b2c({ txval: 400, iamt: 20 })] } });
    const findings = jsonInputFindings(r);
    expect(findings.map((f) => [f.code, f.severity, f.file, f.params?.path])).toEqual([['JSON_DUPLICATE_ENTRY', 'error', 'r.json', 'ecom.b2c[2]']]);
    expect(findings[0]!.params).toEqual({ section: 'ecom', path: 'ecom.b2c[2]', first: 'ecom.b2c[0]', supplier: STIN, pos: '29', rate: 5 });
    expect(messageOf(findings[0]!)).toBe(
      `ecom.b2c[2]: the entry for supplier ${STIN}, place of supply 29, rate 5% is given a second time in section ecom (first at ecom.b2c[0]); the portal takes only one such entry`,
    );
    expect(hintOf(findings[0]!)).toMatch(/^Keep one entry: add the amounts of the second .* into the first and remove the second/);
  });

  it('another supplier, place of supply or rate is another entry', () => {
    const r = ret({ ecom: { b2c: [b2c(), b2c({ stin: '33AAQFK3318N1ZM' }), b2c({ pos: '07' }), b2c({ rt: 12, iamt: 120 })] } });
    expect(repeats(r)).toEqual([]);
  });

  it('urp2c: one entry per place of supply and rate', () => {
    const u = { pos: '07', sply_ty: 'INTER', rt: 18, txval: 100, iamt: 18, csamt: 0 };
    expect(repeats(ret({ ecom: { urp2c: [u, { ...u, rt: 5, iamt: 5 }, { ...u, txval: 50, iamt: 9 }] } }))).toEqual([
      ['ecom.urp2c[2]', 'ecom.urp2c[0]', { pos: '07', rate: 18 }],
    ]);
  });

  it('15A: a place of supply twice in b2ca, a supplier and month twice in one place, a rate twice in one month; urp2ca the same', () => {
    const itms = [{ rt: 5, txval: 2000, iamt: 100, csamt: 0 }];
    const month = (extra: Record<string, unknown> = {}) => ({ stin: STIN, omon: '092025', sply_ty: 'INTER', itms, ...extra });
    const r = ret({
      ecoma: {
        b2ca: [
          { pos: '07', posItms: [month(), month({ omon: '082025' }), month(), month({ stin: '33AAQFK3318N1ZM', itms: [...itms, ...itms] })] },
          { pos: '07', posItms: [month()] },
        ],
        urp2ca: [
          { pos: '07', omon: '092025', sply_ty: 'INTER', itms },
          { pos: '07', omon: '082025', sply_ty: 'INTER', itms },
          { pos: '07', omon: '092025', sply_ty: 'INTER', itms },
        ],
      },
    });
    expect(repeats(r)).toEqual([
      ['ecoma.b2ca[0].posItms[2]', 'ecoma.b2ca[0].posItms[0]', { pos: '07', supplier: STIN, month: '092025' }],
      ['ecoma.b2ca[0].posItms[3].itms[1]', 'ecoma.b2ca[0].posItms[3].itms[0]', { pos: '07', supplier: '33AAQFK3318N1ZM', month: '092025', rate: 5 }],
      ['ecoma.b2ca[1]', 'ecoma.b2ca[0]', { pos: '07' }],
      ['ecoma.urp2ca[2]', 'ecoma.urp2ca[0]', { pos: '07', month: '092025' }],
    ]);
    const f = jsonInputFindings(r).find((x) => x.params?.path === 'ecoma.b2ca[0].posItms[2]')!;
    expect(messageOf(f)).toBe(
      `ecoma.b2ca[0].posItms[2]: the entry for original month September 2025, supplier ${STIN}, place of supply 07 is given a second time in section ecoma (first at ecoma.b2ca[0].posItms[0]); the portal takes only one such entry`,
    );
  });
});

describe('json-summary-entries: the other summary sections, keyed as their mappers group rows', () => {
  it('b2cs: type × place of supply × applicable % × operator × rate', () => {
    const rec = { sply_ty: 'INTER', pos: '29', typ: 'OE', rt: 18, txval: 100, iamt: 18, csamt: 0 };
    const r = ret({ b2cs: [rec, { ...rec, diff_percent: 0.65, iamt: 11.7 }, { ...rec, rt: 5, iamt: 5 }, { ...rec, txval: 200, iamt: 36 }, { ...rec, diff_percent: 0.65, iamt: 11.7 }] });
    expect(repeats(r)).toEqual([
      ['b2cs[3]', 'b2cs[0]', { type: 'OE', pos: '29', rate: 18 }],
      ['b2cs[4]', 'b2cs[1]', { type: 'OE', pos: '29', diffPercent: 0.65, rate: 18 }],
    ]);
    expect(messageOf(jsonInputFindings(r)[1]!)).toMatch(/^b2cs\[4\]: the entry for type OE, place of supply 29, 65% of the rate, rate 18% is given a second time/);
  });

  it('b2csa: original month × place of supply × type (a rate once in its items)', () => {
    const rec = { omon: '092025', sply_ty: 'INTER', pos: '29', typ: 'OE', itms: [{ rt: 18, txval: 100, iamt: 18, csamt: 0 }] };
    const r = ret({ b2csa: [rec, { ...rec, omon: '082025' }, { ...rec, itms: [...rec.itms, ...rec.itms] }] });
    expect(repeats(r)).toEqual([
      ['b2csa[2]', 'b2csa[0]', { month: '092025', type: 'OE', pos: '29' }],
      ['b2csa[2].itms[1]', 'b2csa[2].itms[0]', { month: '092025', type: 'OE', pos: '29', rate: 18 }],
    ]);
  });

  it('at and txpd: place of supply × applicable %, each rate once; ata and txpda add the original month', () => {
    const item = (rt: number) => ({ rt, ad_amt: 1000, iamt: rt * 10, csamt: 0 });
    const adv = (extra: Record<string, unknown> = {}) => ({ pos: '29', sply_ty: 'INTER', itms: [item(18)], ...extra });
    const r = ret({
      at: [adv(), adv({ diff_percent: 0.65 }), adv({ itms: [item(5)] })],
      txpd: [adv({ itms: [item(18), item(5), item(18)] })],
      ata: [adv({ omon: '092025' }), adv({ omon: '082025' }), adv({ omon: '092025' })],
      txpda: [adv({ omon: '092025' }), adv({ omon: '092025', pos: '07' })],
    });
    expect(repeats(r)).toEqual([
      ['at[2]', 'at[0]', { pos: '29' }],
      ['txpd[0].itms[2]', 'txpd[0].itms[0]', { pos: '29', rate: 18 }],
      ['ata[2]', 'ata[0]', { month: '092025', pos: '29' }],
    ]);
  });

  it('nil: one line per supply type, named as the template names it', () => {
    const line = { sply_ty: 'INTRAB2C', nil_amt: 100, expt_amt: 0, ngsup_amt: 0 };
    const r = ret({ nil: { inv: [line, { ...line, sply_ty: 'INTRB2C' }, { ...line, nil_amt: 50 }] } });
    expect(repeats(r)).toEqual([['nil.inv[2]', 'nil.inv[0]', { supplyType: 'INTRAB2C' }]]);
    expect(messageOf(jsonInputFindings(r)[0]!)).toBe(
      'nil.inv[2]: the entry for Intra-State supplies to unregistered persons is given a second time in section nil (first at nil.inv[0]); the portal takes only one such entry',
    );
  });

  it('Table 14: one record per operator in each nature; 14A per original month and both operators', () => {
    const op = { etin: '27AAKCS4821M1C1', suppval: 100, igst: 0, cgst: 9, sgst: 9, cess: 0 };
    const opa = { omon: '092025', oetin: '27AAKCS4821M1C1', ...op };
    const r = ret({
      supeco: { clttx: [op, op], paytx: [op] },
      supecoa: { paytxa: [opa, { ...opa, omon: '082025' }, opa] },
    });
    expect(repeats(r)).toEqual([
      ['supeco.clttx[1]', 'supeco.clttx[0]', { operator: '27AAKCS4821M1C1' }],
      ['supecoa.paytxa[2]', 'supecoa.paytxa[0]', { month: '092025', originalOperator: '27AAKCS4821M1C1', operator: '27AAKCS4821M1C1' }],
    ]);
  });

  it('a rate that is not a number is not compared (it is reported as not a number; its row is not read)', () => {
    const r = ret({ ecom: { b2c: [b2c({ rt: '5' }), b2c({ rt: '5' })] } });
    expect(repeats(r)).toEqual([]);
    expect(jsonInputFindings(r).map((f) => f.code)).toEqual(['JSON_NOT_A_NUMBER', 'JSON_NOT_A_NUMBER']);
  });
});
