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

  it('a document told twice counts once, the later one, as a later save replaces an earlier', () => {
    const inv = (val: number) => ({ ctin: '29AAACR5055K1Z3', inv: [{ inum: 'A-1', idt: '05-10-2025', val, pos: '29', rchrg: 'N', inv_typ: 'R', itms: [{ num: 1, itm_det: { rt: 18, txval: val, iamt: 0 } }] }] });
    const tally = new TotalsTally();
    tally.add('b2b', '', inv(100));
    tally.add('b2b', '', inv(250));
    expect(tally.totals()).toEqual(computeTotals([{ b2b: [inv(100)] }, { b2b: [inv(250)] }]));
    expect(tally.totals()[0]).toMatchObject({ sec_nm: 'B2B', ttl_rec: 1, ttl_tax: 250 });
  });
});
