import { describe, expect, it } from 'vitest';
import { IDS, brief, makeRow, runRules } from '../test-helpers.js';
import rule from './with-payment-no-tax.js';

describe('rule: WITH_PAYMENT_NO_TAX', () => {
  it('warns once on an export with payment whose items are all at rate 0 with no IGST, at its Export Type cell', async () => {
    const f = await runRules(rule, [
      // two lines at 0, IGST blank (the template's rows) and 0 (a JSON's)
      makeRow('exp', { expTyp: 'WPAY', inum: 'E1', rt: 0, txval: 100000 }, 5),
      makeRow('exp', { expTyp: 'WPAY', inum: 'E1', rt: 0, txval: 5000, iamt: 0 }, 6),
      // one item at a rate is enough: a 0 % item beside an 18 % one
      makeRow('exp', { expTyp: 'WPAY', inum: 'E2', rt: 0, txval: 100 }, 7),
      makeRow('exp', { expTyp: 'WPAY', inum: 'E2', rt: 18, txval: 100 }, 8),
      // under LUT, or with IGST given: nothing to say
      makeRow('exp', { expTyp: 'WOPAY', inum: 'E3', rt: 0, txval: 100 }, 9),
      makeRow('exp', { expTyp: 'WPAY', inum: 'E4', rt: 0, txval: 100, iamt: 18 }, 10),
      // the taxed line first: a later line at 0 does not make the document untaxed
      makeRow('exp', { expTyp: 'WPAY', inum: 'E5', rt: 18, txval: 100 }, 11),
      makeRow('exp', { expTyp: 'WPAY', inum: 'E5', rt: 0, txval: 100 }, 12),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'WITH_PAYMENT_NO_TAX', severity: 'warning', row: 5, column: 'Export Type', params: { type: 'WPAY' } },
    ]);
  });

  it('warns on an SEZ supply with payment at rate 0 (b2b) and on an export note EXPWP, not on SEWOP', async () => {
    const f = await runRules(rule, [
      makeRow('b2b', { ctin: IDS.recipient, invTyp: 'SEWP', inum: 'S1', rt: 0, txval: 1000 }, 5),
      makeRow('b2b', { ctin: IDS.recipient, invTyp: 'SEWOP', inum: 'S2', rt: 0, txval: 1000 }, 6),
      makeRow('b2b', { ctin: IDS.recipient, invTyp: 'SEWP', inum: 'S3', rt: 18, txval: 1000 }, 7),
      makeRow('cdnur', { urType: 'EXPWP', ntNum: 'N1', ntty: 'C', rt: 0, txval: 100 }, 5),
    ]);
    expect(f.map((x) => [x.code, x.sheet, x.row, x.column, x.params?.type])).toEqual([
      ['WITH_PAYMENT_NO_TAX', 'b2b,sez,de', 5, 'Invoice Type', 'SEWP'],
      ['WITH_PAYMENT_NO_TAX', 'cdnur', 5, 'UR Type', 'EXPWP'],
    ]);
  });
});
