/**
 * The page's summary table (WebCheckResult.totals) is added up from each payload element as it is
 * written (TotalsTally), not by parsing the payloads again: it must be what computeTotals makes of
 * the payloads themselves, cut into several or not.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeTotals, TotalsTally } from '../src/upload/totals.js';
import { checkReturn } from '../src/web/check.js';

const ROOT = join(import.meta.dirname, '..');
const SAMPLE = join(ROOT, 'templates/sample/gstr1-sample.xlsx');
const opts = { gstin: '27AAKCS4821M1ZW', period: '102025' };

describe('web: the totals of the check', () => {
  it('are computeTotals of the payloads, whole or cut under a tiny limit (a recipient over several)', async () => {
    const whole = await checkReturn([SAMPLE], opts);
    expect(whole.errors).toBe(0);
    expect(whole.payloads).toHaveLength(1);
    expect(whole.totals).toEqual(computeTotals(whole.payloads));
    // every kind of section the sample has: grouped, flat, HSN, nil, documents issued
    expect(whole.totals.map((t) => t.sec_nm)).toEqual(expect.arrayContaining(['B2B', 'B2CS', 'CDNR', 'EXP', 'HSN', 'NIL', 'DOC_ISSUE']));

    const cut = await checkReturn([SAMPLE], { ...opts, maxBytes: 400 });
    expect(cut.payloads.length).toBeGreaterThan(3);
    const ctins = cut.payloads.flatMap((p) => ((JSON.parse(p) as { b2b?: { ctin: string }[] }).b2b ?? []).map((g) => g.ctin));
    expect(new Set(ctins).size).toBeLessThan(ctins.length);
    expect(cut.totals).toEqual(computeTotals(cut.payloads));
    expect(cut.totals).toEqual(whole.totals);
  });

  it('adds every figure as computeTotals does, each in its own column (distinct amounts in every field)', () => {
    const itm = (k: number) => ({ num: 1, itm_det: { rt: 18, txval: 101.01 * k, iamt: 3.07 * k, camt: 5.11 * k, samt: 7.13 * k, csamt: 11.17 * k } });
    const payload = {
      b2b: [{ ctin: '29AAACR5055K1Z3', inv: [{ inum: 'A-1', idt: '05-10-2025', val: 1234.56, pos: '29', rchrg: 'N', inv_typ: 'R', itms: [itm(1), itm(2)] }] }],
      cdnr: [{ ctin: '29AAACR5055K1Z3', nt: [{ nt_num: 'C-1', nt_dt: '06-10-2025', ntty: 'C', val: 99.5, pos: '29', rchrg: 'N', inv_typ: 'R', itms: [itm(3)] }] }],
      b2cs: [{ sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 5, txval: 17.19, iamt: 0, camt: 0.43, samt: 0.47, csamt: 0.53 }],
      at: [{ pos: '27', sply_ty: 'INTRA', itms: [{ rt: 18, ad_amt: 23.29, iamt: 0, camt: 2.09, samt: 2.11, csamt: 0.31 }] }],
      nil: { inv: [{ sply_ty: 'INTRB2B', nil_amt: 41.43, expt_amt: 47.53, ngsup_amt: 59.61 }] },
      hsn: { hsn_b2b: [{ num: 1, hsn_sc: '1001', uqc: 'KGS', qty: 1, rt: 5, txval: 67.71, iamt: 1.73, camt: 0, samt: 0, csamt: 0.79 }] },
      doc_issue: { doc_det: [{ doc_num: 1, docs: [{ num: 1, from: 'A-1', to: 'A-9', totnum: 9, cancel: 2, net_issue: 7 }] }] },
    };
    const tally = new TotalsTally();
    for (const [key, value] of Object.entries(payload)) {
      if (Array.isArray(value)) for (const el of value) tally.add(key, '', el);
      else for (const [part, list] of Object.entries(value)) for (const el of list) tally.add(key, part, el);
    }
    const expected = computeTotals([payload]);
    expect(expected.map((t) => t.sec_nm)).toEqual(['B2B', 'B2CS', 'CDNR', 'AT', 'NIL', 'HSN', 'DOC_ISSUE']);
    expect(tally.totals()).toEqual(expected);
  });

  it('a document told twice counts once, the later one, as a later save replaces an earlier', () => {
    const inv = (val: number) => ({ ctin: '29AAACR5055K1Z3', inv: [{ inum: 'A-1', idt: '05-10-2025', val, pos: '29', rchrg: 'N', inv_typ: 'R', itms: [{ num: 1, itm_det: { rt: 18, txval: val, iamt: 0 } }] }] });
    const tally = new TotalsTally();
    tally.add('b2b', '', inv(100));
    tally.add('b2b', '', inv(250));
    expect(tally.totals()).toEqual(computeTotals([{ b2b: [inv(100)] }, { b2b: [inv(250)] }]));
    expect(tally.totals()[0]).toMatchObject({ sec_nm: 'B2B', ttl_rec: 1, ttl_tax: 250 });
  });

  it('knows a document again under its recipient in another case, or told without the group\'s GSTIN, after other recipients', () => {
    const doc = (inum: string, val: number) => ({ inum, idt: '05-10-2025', val, pos: '29', rchrg: 'N', inv_typ: 'R', itms: [{ num: 1, itm_det: { rt: 18, txval: val, iamt: 0 } }] });
    const elements = [
      { ctin: '29AAACR5055K1Z3', inv: [doc('A-1', 100), doc('A-2', 7)] },
      { ctin: '07AAACR5055K1Z1', inv: [doc('A-1', 30)] },
      { ctin: '29aaacr5055k1z3', inv: [doc('a-1', 250)] },
      // a hand-made group: its GSTIN on the document, not the group
      { inv: [{ ...doc('A-2', 9), ctin: '29AAACR5055K1Z3' }] },
    ];
    const tally = new TotalsTally();
    for (const e of elements) tally.add('b2b', '', e);
    expect(tally.totals()).toEqual(computeTotals(elements.map((e) => ({ b2b: [e] }))));
    // of the first recipient, the later of each, and A-1 of the second
    expect(tally.totals()[0]).toMatchObject({ sec_nm: 'B2B', ttl_rec: 3, ttl_tax: 250 + 9 + 30 });
  });
});
