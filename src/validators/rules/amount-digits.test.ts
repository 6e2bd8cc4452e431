import { describe, expect, it } from 'vitest';
import { brief, IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './amount-digits.js';

const MAX_AMOUNT = 9_999_999_999_999; // Rs 99,999,999,999.99 in paise

describe('rule: AMOUNT_DIGITS', () => {
  it('issue 16: locates an amount beyond the schema\'s 11 digits on its cell, the limit itself passes', async () => {
    const f = await runRules(rule, [
      makeRow('b2b', { ctin: IDS.recipient, inum: 'A', val: MAX_AMOUNT + 1, rt: 18, txval: MAX_AMOUNT }, 5),
      makeRow('b2b', { ctin: IDS.recipient, inum: 'B', val: 100, rt: 18, txval: MAX_AMOUNT + 1 }, 6),
      makeRow('b2cs', { typ: 'OE', pos: '27', rt: 18, txval: -(MAX_AMOUNT + 1) }, 7),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'AMOUNT_DIGITS', severity: 'error', row: 6, column: 'Taxable Value', params: { digits: 11, max: '99999999999.99' } },
      { code: 'AMOUNT_DIGITS', severity: 'error', row: 7, column: 'Taxable Value', params: { digits: 11, max: '99999999999.99' } },
    ]);
  });

  it('allows 13 digits for invoice and note values', async () => {
    const f = await runRules(rule, [
      makeRow('cdnr', { ctin: IDS.recipient, ntNum: 'C', ntty: 'C', val: 999_999_999_999_999, rt: 18, txval: 100 }, 5),
      makeRow('cdnr', { ctin: IDS.recipient, ntNum: 'D', ntty: 'C', val: 1_000_000_000_000_000, rt: 18, txval: 100 }, 6),
    ]);
    expect(f.map((x) => [x.row, x.column, x.params?.digits])).toEqual([[6, 'Note Value', 13]]);
  });
});
