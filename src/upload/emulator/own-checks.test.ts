import { describe, expect, it } from 'vitest';
import { gstinCheckChar } from '../../model/gstin.js';
import type { PortalError } from '../error-report.js';
import { defaultValidatePayload } from './own-checks.js';
import { projectRules } from './rules.js';

type Obj = Record<string, unknown>;

const GSTIN = '27AAKCS4821M1ZW';
const CTIN = `27AAFCP7263Q1Z${gstinCheckChar('27AAFCP7263Q1Z')}`;

/** A return of one HSN row (Table 12, B2B tab) of taxable value Rs 10,000 at 18 %: Rs 1,800 of tax, Rs 900 a head. */
function withHsn(heads: { iamt?: number; camt?: number; samt?: number }, txval = 10000, rt = 18, documents: Obj[] = [], more: Obj = {}): Obj {
  const row = { num: 1, hsn_sc: '19053100', desc: 'SWEET BISCUITS', user_desc: 'Biscuits', uqc: 'KGS', qty: 10, rt, txval, iamt: 0, camt: 0, samt: 0, csamt: 0, ...heads };
  return { gstin: GSTIN, fp: '102025', ...(documents.length ? { b2b: [{ ctin: CTIN, inv: documents }] } : {}), hsn: { hsn_b2b: [row] }, ...more };
}

/** Table 13: `n` invoices issued in the period, none cancelled. */
const issued = (n: number): Obj => ({
  doc_issue: { doc_det: [{ doc_num: 1, docs: [{ num: 1, from: 'INV/1', to: `INV/${n}`, totnum: n, cancel: 0, net_issue: n }] }] },
});

/** One intra-state B2B invoice of Rs 10,000 at 18 % (at 65 % of the rate with `at65`), its tax right. */
function invoice(at65 = false): Obj {
  const tax = at65 ? 585 : 900;
  return {
    inum: 'INV/1', idt: '10-10-2025', val: 10000 + 2 * tax, pos: '27', rchrg: 'N', inv_typ: 'R', ...(at65 ? { diff_percent: 0.65 } : {}),
    itms: [{ num: 1, itm_det: { rt: 18, txval: 10000, camt: tax, samt: tax, csamt: 0 } }],
  };
}

const onHsn = (errors: readonly PortalError[]) => errors.filter((e) => e.key.section === 'hsn').map((e) => e.code);

describe('the emulator\'s own checks (defaultValidatePayload)', () => {
  it('RET91708: exactly Rs 10 off passes, one paisa more fails, counted in paise', () => {
    // Rs 1,000.20 at 5 % is Rs 50.01 of tax; 60.01 - 50.01 is 10.000000000000002 in binary floats
    expect(defaultValidatePayload(withHsn({ iamt: 60.01 }, 1000.2, 5)).map((e) => e.code)).toEqual([]);
    expect(defaultValidatePayload(withHsn({ iamt: 60.02 }, 1000.2, 5)).map((e) => e.code)).toEqual(['RET91708']);
  });

  /**
   * Borderline rows, each judged by the emulator's own set and by the rule catalogue the emulator
   * answers with by default (gstr1 validate's rules): the same verdict, the one given here. An
   * emulator with its own RET91708 (the heads summed against the full tax, Rs 10 flat) refused
   * the rows at 65 % and those rounding explains, and judged Central and State/UT tax on their sum.
   */
  const CASES: readonly [string, Obj, boolean][] = [
    ['IGST Rs 10.00 over the full tax', withHsn({ iamt: 1810 }), true],
    ['IGST Rs 10.01 over the full tax', withHsn({ iamt: 1810.01 }), false],
    // no document of the tab in the save: the row may sum supplies at 65 % of the rate, down to Rs 1,170
    ['IGST Rs 10.00 under the 65 % tax, no documents', withHsn({ iamt: 1160 }), true],
    ['IGST Rs 10.01 under the 65 % tax, no documents', withHsn({ iamt: 1159.99 }), false],
    // Central and State/UT tax each against half the tax, though their sum is the full tax
    ['Central and State/UT tax Rs 10.00 over their halves', withHsn({ camt: 910, samt: 910 }), true],
    ['Central and State/UT tax Rs 10.01 over their halves', withHsn({ camt: 910.01, samt: 910.01 }), false],
    ['Central and State/UT tax Rs 10.00 under their halves of the 65 % tax', withHsn({ camt: 575, samt: 575 }), true],
    ['Central and State/UT tax Rs 10.01 under their halves of the 65 % tax', withHsn({ camt: 574.99, samt: 574.99 }), false],
    // one document in the tab: at 65 % of the rate it lets the row down to the 65 % tax; at the full rate it does not
    ['the 65 % tax with an invoice at 65 %', withHsn({ camt: 585, samt: 585 }, 10000, 18, [invoice(true)]), true],
    ['the 65 % tax with an invoice at the full rate', withHsn({ camt: 585, samt: 585 }, 10000, 18, [invoice()]), false],
    // 40 invoices issued (Table 13): rounding each one's tax explains up to Rs 20
    ['IGST Rs 20.00 over with 40 invoices', withHsn({ iamt: 1820 }, 10000, 18, [], issued(40)), true],
    ['IGST Rs 20.01 over with 40 invoices', withHsn({ iamt: 1820.01 }, 10000, 18, [], issued(40)), false],
  ];

  it.each(CASES)('RET91708 as gstr1 validate judges it: %s', (_name, payload, passes) => {
    const expected = passes ? [] : ['RET91708'];
    expect(onHsn(projectRules()(payload))).toEqual(expected);
    expect(onHsn(defaultValidatePayload(payload))).toEqual(expected);
  });

  it('keeps the portal\'s message and the record\'s key', () => {
    const [e] = defaultValidatePayload(withHsn({ iamt: 1810.01 }));
    expect(e).toMatchObject({ code: 'RET91708', key: { section: 'hsn', part: 'hsn_b2b', hsn: '19053100', uqc: 'KGS', rt: 18 } });
    expect(e!.message).toMatch(/^The reported tax amount differs with the computed value by more than Rs\. 10\/-/);
  });
});

describe('the emulator\'s date window (RET191114 / RET191115)', () => {
  /** The codes the checks give a return of one intra-state invoice (or credit note) dated `date`. */
  const codes = (fp: string, date: string, note = false): string[] => {
    const inv = invoice();
    const doc = note
      ? { nt_num: 'CN/1', nt_dt: date, ntty: 'C', val: inv.val, pos: '27', rchrg: 'N', inv_typ: 'R', itms: inv.itms }
      : { ...inv, idt: date };
    return defaultValidatePayload({ gstin: GSTIN, fp, [note ? 'cdnr' : 'b2b']: [{ ctin: CTIN, [note ? 'nt' : 'inv']: [doc] }] }).map((e) => e.code);
  };

  it('takes a document from the first day of the month 18 months before the period to the period\'s last day', () => {
    expect(codes('102025', '01-04-2024')).toEqual([]);
    expect(codes('102025', '31-03-2024')).toEqual(['RET191114']);
    expect(codes('102025', '31-10-2025')).toEqual([]);
    expect(codes('102025', '01-11-2025')).toEqual(['RET191114']);
    expect(codes('102025', '31-03-2024', true)).toEqual(['RET191115']);
  });

  it('never goes back before GST began (1 July 2017)', () => {
    // 18 months before January 2018 is July 2016
    expect(codes('012018', '01-07-2017')).toEqual([]);
    expect(codes('012018', '30-06-2017')).toEqual(['RET191114']);
  });
});
