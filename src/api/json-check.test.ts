import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../model/period.js';
import { hintOf, messageOf } from '../report/messages/index.js';
import { jsonInputFindings, notCarriedFindings } from './json-check.js';
import type { ReturnJson } from './return-rows.js';

const item = (rt: number, txval: unknown = 1000, iamt: unknown = 180) => ({ num: 1, itm_det: { rt, txval, iamt, csamt: 0 } });
const invoice = (inum: string, extra: Record<string, unknown> = {}) => ({
  inum, idt: '03-10-2025', val: 1180, pos: '29', rchrg: 'N', inv_typ: 'R', itms: [item(18)], ...extra,
});

function ret(sections: Record<string, unknown>): ReturnJson {
  const origin = Object.fromEntries(Object.keys(sections).map((k) => [k, 'r.json']));
  return { gstin: '27AAKCS4821M1ZW', fp: '102025', period: parsePeriod('102025')!, sections, origin };
}

const b2b = (...inv: unknown[]) => ret({ b2b: [{ ctin: '29AAQFK3318N1ZO', inv }] });
const seen = (r: ReturnJson) => jsonInputFindings(r).map((f) => [f.code, f.params?.path, f.value]);

describe('json-check: structure the workbook would merge or drop', () => {
  it('a repeated invoice, a repeated rate and an invoice without items are errors naming the path and the portal code', () => {
    const r = b2b(
      invoice('D/1'),
      invoice('d/1'), // numbers compare without case, as on the portal
      invoice('D/2', { val: 2360, itms: [item(18), { num: 2, itm_det: { rt: 18, txval: 1000, iamt: 180, csamt: 0 } }] }),
      invoice('D/3', { val: 0, itms: [] }),
      invoice('D/4', { itms: undefined }),
    );
    const findings = jsonInputFindings(r);
    expect(findings.map((f) => [f.code, f.severity, f.file, f.params?.path])).toEqual([
      ['JSON_DUPLICATE_DOCUMENT', 'error', 'r.json', 'b2b[0].inv[1]'],
      ['JSON_REPEATED_RATE', 'error', 'r.json', 'b2b[0].inv[2].itms[1]'],
      ['JSON_NO_ITEMS', 'error', 'r.json', 'b2b[0].inv[3]'],
      ['JSON_NO_ITEMS', 'error', 'r.json', 'b2b[0].inv[4]'],
    ]);
    expect(messageOf(findings[0]!)).toBe('b2b[0].inv[1]: document d/1 is given a second time in section b2b (first at b2b[0].inv[0]); the portal refuses the return (RET191190)');
    expect(messageOf(findings[1]!)).toBe('b2b[0].inv[2].itms[1]: the rate 18% is given a second time in document D/2 (first at b2b[0].inv[2].itms[0]); the portal refuses it (RET191117)');
    expect(messageOf(findings[2]!)).toBe('b2b[0].inv[3]: document D/3 has no items (no rate and taxable value); the portal refuses it (RET191107)');
    for (const f of findings) expect(hintOf(f)).not.toBe('');
  });

  it('flat items (exp) and ungrouped notes (cdnur) are checked too; the same number in another recipient is still a repeat', () => {
    const r = ret({
      exp: [{ exp_typ: 'WPAY', inv: [{ inum: 'X/1', idt: '09-10-2025', val: 5900, itms: [{ txval: 5000, rt: 18, iamt: 900, csamt: 0 }, { txval: 1, rt: 18, iamt: 0.18, csamt: 0 }] }] }],
      cdnur: [{ typ: 'B2CL', ntty: 'C', nt_num: 'N/1', nt_dt: '05-10-2025', val: 100, pos: '29', itms: [] }],
      b2b: [{ ctin: '29AAQFK3318N1ZO', inv: [invoice('A/1')] }, { ctin: '33AAQFK3318N1ZM', inv: [invoice('A/1')] }],
    });
    expect(seen(r)).toEqual([
      ['JSON_REPEATED_RATE', 'exp[0].inv[0].itms[1]', undefined],
      ['JSON_NO_ITEMS', 'cdnur[0]', undefined],
      ['JSON_DUPLICATE_DOCUMENT', 'b2b[1].inv[0]', undefined],
    ]);
  });

  it('Table 15 documents: one per supplier and number, each with items and each rate once', () => {
    const doc = (inum: string, itms: unknown[] = [item(5)]) => ({ inum, idt: '03-10-2025', val: 105, pos: '29', inv_typ: 'R', sply_ty: 'INTER', itms });
    const r = ret({
      ecom: {
        b2b: [
          { stin: '29AAQFK3318N1ZO', rtin: '29AAKCS4821M1ZX', inv: [doc('K/1'), doc('K/1'), doc('K/2', [item(5), item(5)])] },
          // another supplier may use the same number
          { stin: '33AAQFK3318N1ZM', rtin: '29AAKCS4821M1ZX', inv: [doc('K/1')] },
        ],
        urp2b: [{ rtin: '29AAKCS4821M1ZX', inv: [doc('U/1', [])] }],
      },
    });
    expect(seen(r)).toEqual([
      ['JSON_DUPLICATE_DOCUMENT', 'ecom.b2b[0].inv[1]', undefined],
      ['JSON_REPEATED_RATE', 'ecom.b2b[0].inv[2].itms[1]', undefined],
      ['JSON_NO_ITEMS', 'ecom.urp2b[0].inv[0]', undefined],
    ]);
  });

  it('a return without these has no findings', () => {
    expect(jsonInputFindings(b2b(invoice('A/1'), invoice('A/2', { itms: [item(18), item(5)] })))).toEqual([]);
  });
});

describe('json-check: amounts and rates', () => {
  it('a value in quotes (or any non-number) where a number is due is an error quoting it; not read as 0', () => {
    const r = b2b(invoice('S/1', { val: '1180.50', itms: [item(18, '1000.42', '180.08')] }), invoice('S/2', { itms: [{ num: 1, itm_det: { rt: '18', txval: 1000, iamt: 180, csamt: true } }] }));
    expect(seen(r)).toEqual([
      ['JSON_NOT_A_NUMBER', 'b2b[0].inv[0].val', '"1180.50"'],
      ['JSON_NOT_A_NUMBER', 'b2b[0].inv[0].itms[0].itm_det.txval', '"1000.42"'],
      ['JSON_NOT_A_NUMBER', 'b2b[0].inv[0].itms[0].itm_det.iamt', '"180.08"'],
      ['JSON_NOT_A_NUMBER', 'b2b[0].inv[1].itms[0].itm_det.rt', '"18"'],
      ['JSON_NOT_A_NUMBER', 'b2b[0].inv[1].itms[0].itm_det.csamt', 'true'],
    ]);
    expect(messageOf(jsonInputFindings(r)[0]!)).toBe('b2b[0].inv[0].val is "1180.50", which is not a number');
  });

  it('an amount with more than 2 decimals is an error at each such amount, as written (before any rounding)', () => {
    const r = b2b(invoice('P/1', { val: 1180.005, itms: [item(18, 1000.004, 180.0049)] }), invoice('P/2', { val: 1180.1, itms: [item(18, 1000.1, 180.01)] }));
    expect(seen(r)).toEqual([
      ['JSON_AMOUNT_DECIMALS', 'b2b[0].inv[0].val', '1180.005'],
      ['JSON_AMOUNT_DECIMALS', 'b2b[0].inv[0].itms[0].itm_det.txval', '1000.004'],
      ['JSON_AMOUNT_DECIMALS', 'b2b[0].inv[0].itms[0].itm_det.iamt', '180.0049'],
    ]);
    // other sections' amounts: b2cs records, HSN values, nil amounts, Table 14
    const other = ret({
      b2cs: [{ sply_ty: 'INTER', pos: '29', typ: 'OE', rt: 5, txval: 10.125, iamt: 0.5, csamt: 0 }],
      nil: { inv: [{ sply_ty: 'INTRB2B', nil_amt: 1e-7, expt_amt: 0, ngsup_amt: 0 }] },
      supeco: { clttx: [{ etin: '27AAKCS4821M1C1', suppval: 100, igst: '18', cgst: 0, sgst: 0, cess: 0 }] },
    });
    expect(seen(other)).toEqual([
      ['JSON_AMOUNT_DECIMALS', 'b2cs[0].txval', '10.125'],
      ['JSON_AMOUNT_DECIMALS', 'nil.inv[0].nil_amt', '1e-7'],
      ['JSON_NOT_A_NUMBER', 'supeco.clttx[0].igst', '"18"'],
    ]);
  });

  it('diff_percent is 0.65 or absent: 65, "0.65" or 1 are errors, never the full rate', () => {
    const r = b2b(invoice('R/1', { diff_percent: 0.65 }), invoice('R/2', { diff_percent: 65 }), invoice('R/3', { diff_percent: '0.65' }), invoice('R/4', { diff_percent: 1 }));
    expect(seen(r)).toEqual([
      ['JSON_DIFF_PERCENT', 'b2b[0].inv[1].diff_percent', '65'],
      ['JSON_DIFF_PERCENT', 'b2b[0].inv[2].diff_percent', '"0.65"'],
      ['JSON_DIFF_PERCENT', 'b2b[0].inv[3].diff_percent', '1'],
    ]);
  });
});

describe('json-check: dates', () => {
  it('strict dd-mm-yyyy and a day of the calendar, else an error quoting the text as written', () => {
    const r = ret({
      b2b: [{ ctin: '29AAQFK3318N1ZO', inv: [invoice('I/1', { idt: '31-09-2025' }), invoice('I/2', { idt: '2025-10-03' }), invoice('I/3', { idt: '30-09-2025' })] }],
      exp: [{ exp_typ: 'WPAY', inv: [{ inum: 'X/2', idt: '09-10-2025', val: 5900, sbpcode: 'INNSA1', sbnum: '12345', sbdt: '29-02-2025', itms: [{ txval: 5000, rt: 18, iamt: 900, csamt: 0 }] }] }],
    });
    const findings = jsonInputFindings(r);
    expect(findings.map((f) => [f.code, f.params?.path, f.value, f.params?.reason])).toEqual([
      ['JSON_DATE', 'b2b[0].inv[0].idt', '"31-09-2025"', 'day'],
      ['JSON_DATE', 'b2b[0].inv[1].idt', '"2025-10-03"', 'format'],
      ['JSON_DATE', 'exp[0].inv[0].sbdt', '"29-02-2025"', 'day'],
    ]);
    expect(messageOf(findings[1]!)).toBe('b2b[0].inv[1].idt is "2025-10-03", not a date written dd-mm-yyyy');
    expect(messageOf(findings[2]!)).toBe('exp[0].inv[0].sbdt is "29-02-2025", a day the calendar does not have');
  });
});

describe('json-check: delete flags and what the workbook does not carry', () => {
  it('flag D on an invoice, a b2cs record or a Table 15 record is an error naming the record; a read-back flag is not', () => {
    const r = ret({
      b2b: [{ ctin: '29AAQFK3318N1ZO', inv: [invoice('STL/1', { flag: 'D', chksum: 'abc123' }), invoice('STL/2', { flag: 'U' })] }],
      b2cs: [{ sply_ty: 'INTER', pos: '29', typ: 'OE', rt: 5, txval: 100, iamt: 5, csamt: 0, flag: 'D' }],
      ecom: { b2c: [{ stin: '29AAQFK3318N1ZO', pos: '29', sply_ty: 'INTER', rt: 5, txval: 100, iamt: 5, camt: 0, samt: 0, csamt: 0, flag: 'd' }] },
    });
    const findings = jsonInputFindings(r);
    expect(findings.map((f) => [f.code, f.params?.path, f.params?.number])).toEqual([
      ['JSON_DELETE_FLAG', 'b2b[0].inv[0]', 'STL/1'],
      ['JSON_DELETE_FLAG', 'b2cs[0]', undefined],
      ['JSON_DELETE_FLAG', 'ecom.b2c[0]', undefined],
    ]);
    expect(messageOf(findings[0]!)).toBe('b2b[0].inv[0] (STL/1) is marked for deletion (flag "D"); this tool cannot carry or check a deletion');
  });

  it('cname and a b2cl inv_typ are warnings naming what is not carried (not errors of the JSON)', () => {
    const r = ret({
      b2b: [{ ctin: '29AAQFK3318N1ZO', cname: 'Kiran & Co.', inv: [invoice('A/1')] }],
      b2cl: [{ pos: '29', inv: [{ inum: 'L/1', idt: '07-10-2025', val: 129800, inv_typ: 'CBW', itms: [item(18, 110000, 19800)] }, { inum: 'L/2', idt: '07-10-2025', val: 300000, itms: [item(18, 254237.29, 45762.71)] }] }],
    });
    expect(jsonInputFindings(r)).toEqual([]);
    const warnings = notCarriedFindings(r);
    expect(warnings.map((f) => [f.code, f.severity, f.params?.path, f.value])).toEqual([
      ['JSON_NOT_CARRIED', 'warning', 'b2b[0].cname', '"Kiran & Co."'],
      ['JSON_NOT_CARRIED', 'warning', 'b2cl[0].inv[0].inv_typ', '"CBW"'],
    ]);
    expect(messageOf(warnings[1]!)).toBe('b2cl[0].inv[0].inv_typ (L/1): the invoice type "CBW" is not carried into the workbook; a JSON converted from it will not have it');
  });
});
