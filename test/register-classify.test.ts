/**
 * Register classification, rule by rule and at each boundary: the B2CL limit before and after
 * the August 2024 period (strictly greater), intra- vs inter-State, UIN recipients, SEZ supplies
 * and SEZ suppliers, notes to registered and unregistered buyers, exports, Table 8, Table 14.
 */
import { describe, expect, it } from 'vitest';
import { returnContext } from '../src/engine/options.js';
import { classify, classifyContext, type Decision } from '../src/register/classify.js';
import type { RegisterLine } from '../src/register/line.js';

const SUPPLIER = '27AAACR5055K1Z7';
const KA = '29AAACR5055K1Z3';
const UIN = '0717UNO12345UNL';
const TCS = '27AAACR5055K1CI';

const ctxFor = (period: string, sez = false) => classifyContext(returnContext({ gstin: SUPPLIER, period, sez }));
const LAKH = 1_00_000_00;

function line(over: Partial<RegisterLine> = {}): RegisterLine {
  return {
    row: 2, kind: 'INV', docNum: 'INV/1', docDate: '2025-09-05', pos: '29', rchrg: 'N', rate: 18, diffPercent: 100,
    txval: 10_000_00, category: 'taxable', cancelled: false, ...over,
  };
}

function target(l: RegisterLine, value: number | undefined, period = '092025', original?: 'b2cl' | 'b2cs', sez = false) {
  const d = classify(l, ctxFor(period, sez), value, original);
  return 'refused' in d ? `refused:${d.code}` : d.target;
}

describe('register classification: the B2CL limit', () => {
  it('from the August 2024 period the limit is Rs 1 lakh, strictly greater', () => {
    expect(target(line(), LAKH + 1, '082024')).toBe('b2cl');
    expect(target(line(), LAKH, '082024')).toBe('b2cs');
    expect(target(line(), LAKH - 1, '082024')).toBe('b2cs');
    expect(target(line(), LAKH + 1, '092025')).toBe('b2cl');
  });

  it('up to the July 2024 period the limit is Rs 2.5 lakh, strictly greater', () => {
    expect(target(line(), 2.5 * LAKH + 1, '072024')).toBe('b2cl');
    expect(target(line(), 2.5 * LAKH, '072024')).toBe('b2cs');
    // Rs 2 lakh: B2CL from August 2024, B2CS before
    expect(target(line(), 2 * LAKH, '072024')).toBe('b2cs');
    expect(target(line(), 2 * LAKH, '082024')).toBe('b2cl');
  });

  it('the reason names the value, the limit and the period', () => {
    const d = classify(line(), ctxFor('092025'), LAKH + 1) as Decision;
    expect(d.reason).toBe('b2cl');
    expect(d.params).toMatchObject({ value: '100000.01', limit: '100000.00', period: '092025', pos: '29', state: '27' });
  });
});

describe('register classification: intra- and inter-State', () => {
  it('an unregistered intra-State invoice is b2cs whatever its value', () => {
    const d = classify(line({ pos: '27' }), ctxFor('092025'), 50 * LAKH) as Decision;
    expect(d.target).toBe('b2cs');
    expect(d.reason).toBe('b2cs-intra');
    expect(d.inter).toBe(false);
  });

  it('an SEZ supplier makes every supply inter-State, its own state included (B2CL possible)', () => {
    expect(target(line({ pos: '27' }), 2 * LAKH, '092025', undefined, true)).toBe('b2cl');
    const d = classify(line({ pos: '27', ctin: '27AABCU9603R1ZN' }), ctxFor('092025', true), 100) as Decision;
    expect(d.inter).toBe(true);
  });
});

describe('register classification: registered recipients', () => {
  it('a GSTIN or a UIN makes the invoice b2b, however large and wherever supplied', () => {
    expect(target(line({ ctin: KA }), 10 * LAKH)).toBe('b2b');
    const d = classify(line({ ctin: UIN, pos: '07' }), ctxFor('092025'), 100) as Decision;
    expect(d.target).toBe('b2b');
    expect(d.params.id).toBe('UIN');
    expect(d.hsnTab).toBe('b2b');
  });

  it('SEZ supplies go to b2b with their type; without payment they carry no tax; same state is still inter-State', () => {
    const wp = classify(line({ ctin: '27AABCU9603R1ZN', pos: '27', invType: 'SEWP' }), ctxFor('092025'), 100) as Decision;
    expect([wp.target, wp.inter, wp.noTax]).toEqual(['b2b', true, false]);
    const wop = classify(line({ ctin: KA, invType: 'SEWOP' }), ctxFor('092025'), 100) as Decision;
    expect([wop.target, wop.noTax]).toEqual(['b2b', true]);
  });

  it('SEZ supplies and deemed exports without a GSTIN are refused', () => {
    expect(target(line({ invType: 'SEWP' }), 100)).toBe('refused:REGISTER_GSTIN_NEEDED');
    expect(target(line({ invType: 'DE' }), 100)).toBe('refused:REGISTER_GSTIN_NEEDED');
  });
});

describe('register classification: credit and debit notes', () => {
  const note = (over: Partial<RegisterLine> = {}) => line({ kind: 'C', docNum: 'CN/1', ...over });

  it('a note to a registered recipient is cdnr', () => {
    expect(target(note({ ctin: KA }), 100)).toBe('cdnr');
    expect(target(note({ ctin: UIN, kind: 'D' }), 100)).toBe('cdnr');
  });

  it('an unregistered inter-State note above the limit is cdnur B2CL; at the limit it is netted in b2cs', () => {
    const big = classify(note(), ctxFor('092025'), LAKH + 1) as Decision;
    expect([big.target, big.urType, big.reason]).toEqual(['cdnur', 'B2CL', 'note-b2cl-value']);
    expect(target(note(), LAKH)).toBe('b2cs');
    // a negative note value (credit shown as minus) is compared by its size
    expect(target(note(), -(LAKH + 1))).toBe('cdnur');
  });

  it('a note follows its original invoice when the register holds it', () => {
    const d = classify(note({ origNum: 'INV/7' }), ctxFor('092025'), 1000, 'b2cl') as Decision;
    expect([d.target, d.urType, d.reason]).toEqual(['cdnur', 'B2CL', 'note-b2cl-invoice']);
    expect(target(note({ origNum: 'INV/8' }), 5 * LAKH, '092025', 'b2cs')).toBe('b2cs');
  });

  it('an unregistered intra-State note is netted in b2cs: a credit note negative, a debit note positive', () => {
    const c = classify(note({ pos: '27' }), ctxFor('092025'), 10 * LAKH) as Decision;
    expect([c.target, c.sign]).toEqual(['b2cs', -1]);
    const d = classify(note({ pos: '27', kind: 'D' }), ctxFor('092025'), 10 * LAKH) as Decision;
    expect([d.target, d.sign]).toEqual(['b2cs', 1]);
  });

  it('a note on an export is cdnur EXPWP / EXPWOP (without payment: no tax)', () => {
    const wp = classify(note({ expType: 'WPAY', pos: undefined }), ctxFor('092025'), 100) as Decision;
    expect([wp.target, wp.urType, wp.hsnTab]).toEqual(['cdnur', 'EXPWP', 'b2c']);
    const wop = classify(note({ expType: 'WOPAY' }), ctxFor('092025'), 100) as Decision;
    expect([wop.target, wop.urType, wop.noTax]).toEqual(['cdnur', 'EXPWOP', true]);
  });
});

describe('register classification: exports, Table 8, Table 14, cancelled', () => {
  it('an export invoice is exp, whatever its value or recipient', () => {
    expect(target(line({ expType: 'WPAY', pos: undefined }), 50 * LAKH)).toBe('exp');
    expect(target(line({ expType: 'WOPAY', ctin: KA }), 100)).toBe('exp');
  });

  it('nil-rated, exempted and non-GST lines go to Table 8 under the four descriptions', () => {
    const nil = (over: Partial<RegisterLine>) => classify(line({ category: 'nil', ...over }), ctxFor('092025'), 100) as Decision;
    expect(nil({ ctin: KA, pos: '29' }).nilType).toBe('INTRB2B');
    expect(nil({ ctin: '27AABCU9603R1ZN', pos: '27' }).nilType).toBe('INTRAB2B');
    expect(nil({ pos: '29' }).nilType).toBe('INTRB2C');
    expect(nil({ pos: '27', category: 'exempt' }).nilType).toBe('INTRAB2C');
    expect(nil({ pos: '27' }).target).toBe('exemp');
    // non-GST supplies are summarised in Table 12 too (issue 11 item 8: HSN_TOTALS counts all of Table 8)
    expect(nil({ category: 'nongst' }).hsnTab).toBe('b2c');
    expect(nil({ category: 'nongst', ctin: KA, pos: '29' }).hsnTab).toBe('b2b');
    expect(nil({ category: 'exempt' }).hsnTab).toBe('b2c');
  });

  it('through an e-commerce operator: u/s 52 stays in its section and adds to Table 14; u/s 9(5) goes to Table 14 only', () => {
    const tcs = classify(line({ pos: '27', etin: TCS }), ctxFor('092025'), 100) as Decision;
    expect([tcs.target, tcs.eco]).toEqual(['b2cs', 'clttx']);
    const pay = classify(line({ pos: '27', etin: TCS, ecoLiability: 'paytx' }), ctxFor('092025'), 100) as Decision;
    expect([pay.target, pay.eco, pay.hsnTab]).toEqual(['eco', 'paytx', undefined]);
    // before Table 14 (January 2024) the operator stays on the document only
    const old = classify(line({ pos: '27', etin: TCS }), ctxFor('122023'), 100) as Decision;
    expect([old.target, old.eco]).toEqual(['b2cs', undefined]);
  });

  it('a cancelled document is reported only in Table 13', () => {
    expect(target(line({ cancelled: true }), undefined)).toBe('cancelled');
  });

  it('without the document value an unregistered inter-State invoice cannot be placed', () => {
    expect(target(line(), undefined)).toBe('refused:CELL_REQUIRED');
  });
});

describe('register classification: amendments (issue 13 item 4)', () => {
  const REG = { ctin: KA, recipientName: 'K' };
  it('an invoice with an original date amends the section its revised details decide', () => {
    const b2ba = classify(line({ ...REG, origDate: '2025-08-10' }), ctxFor('092025'), 100) as Decision;
    expect([b2ba.target, b2ba.reason, b2ba.original, b2ba.hsnTab, b2ba.params.of]).toEqual(['b2ba', 'amendment', { num: 'INV/1', date: '2025-08-10', month: { fy: 2025, month: 8 } }, undefined, 'registered']);
    expect(target(line({ origNum: 'INV/0', origDate: '2025-08-10' }), LAKH + 1)).toBe('b2cla');
    // a B2CS invoice is amended by month: the month of the original date, or the Original Month given
    const b2csa = classify(line({ origMonth: { fy: 2024, month: 3 } }), ctxFor('092025'), LAKH) as Decision;
    expect([b2csa.target, b2csa.original?.month]).toEqual(['b2csa', { fy: 2024, month: 3 }]);
    expect(target(line({ expType: 'WPAY', pos: undefined, origDate: '2025-08-10' }), LAKH)).toBe('expa');
  });

  it('without original columns an invoice amends nothing; a note needs an original note number, not the invoice it is against', () => {
    expect(target(line({ ...REG, origNum: 'INV/0' }), 100)).toBe('b2b');
    expect(target(line({ ...REG, kind: 'C', origNum: 'INV/0', origDate: '2025-08-10' }), 100)).toBe('cdnr');
    expect(target(line({ ...REG, kind: 'C', origNoteNum: 'CN/0', origDate: '2025-08-10' }), 100)).toBe('cdnra');
    // an amended note to an unregistered recipient, against a B2CL invoice
    expect(target(line({ kind: 'C', origNum: 'INV/0', origNoteNum: 'CN/0', origDate: '2025-08-10' }), 100, '092025', 'b2cl')).toBe('cdnura');
  });

  it('refuses what the return cannot carry: a document amendment without its date, Table 8 amendments', () => {
    expect(target(line({ ...REG, kind: 'C', origNoteNum: 'CN/0' }), 100)).toBe('refused:REGISTER_ORIGINAL_MISSING');
    expect(target(line({ ...REG, origMonth: { fy: 2025, month: 8 } }), 100)).toBe('refused:REGISTER_ORIGINAL_MISSING');
    expect(target(line({ category: 'nil', origDate: '2025-08-10' }), 100)).toBe('refused:REGISTER_AMENDMENT_UNSUPPORTED');
  });
});

describe('register classification: advances (issue 13 item 4)', () => {
  it('received → at, adjusted → atadj, by place of supply; with an original month → ata / atadja; never in Table 12', () => {
    const at = classify(line({ kind: 'AR', pos: '27' }), ctxFor('092025'), undefined) as Decision;
    expect([at.target, at.reason, at.inter, at.hsnTab]).toEqual(['at', 'advance-received', false, undefined]);
    expect(target(line({ kind: 'AA' }), undefined)).toBe('atadj');
    expect(target(line({ kind: 'AR', origMonth: { fy: 2025, month: 7 } }), undefined)).toBe('ata');
    expect(target(line({ kind: 'AA', origDate: '2025-07-31' }), undefined)).toBe('atadja');
  });
});

describe('register classification: Table 15, the operator paying tax u/s 9(5) (issue 13 item 4)', () => {
  const RESTAURANT = '29AAKFK5521C1ZK';
  it('by recipient, then supplier, registered or not; tax by the supplier\'s State; in Table 12 by recipient', () => {
    const b2b = classify(line({ ctin: SUPPLIER.replace('R5055', 'X5055'), stin: RESTAURANT }), ctxFor('092025'), 100) as Decision;
    expect([b2b.target, b2b.inter, b2b.hsnTab, b2b.eco]).toEqual(['ecob2b', false, 'b2b', undefined]);
    expect(target(line({ ctin: KA, stin: 'URP' }), 100)).toBe('ecourp2b');
    expect(target(line({ stin: RESTAURANT }), 100)).toBe('ecob2c');
    const urp2c = classify(line({ stin: 'URP' }), ctxFor('092025'), 100) as Decision;
    // an unregistered supplier is taken to be in the operator's State (27): POS 29 is inter-State
    expect([urp2c.target, urp2c.inter, urp2c.hsnTab]).toEqual(['ecourp2c', true, 'b2c']);
  });

  it('the operator named by its own GSTIN with u/s 9(5) is Table 15; another operator is the supplier\'s Table 14', () => {
    expect(target(line({ etin: SUPPLIER, ecoLiability: 'paytx' }), 100)).toBe('ecourp2c');
    expect(target(line({ etin: TCS, ecoLiability: 'paytx' }), 100)).toBe('eco');
    // the filer's own GSTIN as the supplier is its own supply
    expect(target(line({ stin: SUPPLIER }), 100)).toBe('b2cs');
  });

  it('amendments go to Table 15A; notes and untaxed supplies are refused', () => {
    expect(target(line({ ctin: KA, stin: RESTAURANT, origNum: 'K/1', origDate: '2025-08-01' }), 100)).toBe('ecoab2b');
    expect(target(line({ stin: 'URP', origMonth: { fy: 2025, month: 8 } }), 100)).toBe('ecoaurp2c');
    expect(target(line({ stin: RESTAURANT, kind: 'C' }), 100)).toBe('refused:REGISTER_TABLE15_DOCUMENT');
    expect(target(line({ stin: RESTAURANT, category: 'exempt' }), 100)).toBe('refused:REGISTER_TABLE15_DOCUMENT');
  });
});
