/**
 * RET91708: where a row reports tax amounts (the HSN sheets; document rows whose amounts were
 * given, e.g. a JSON through to-excel), each head must be within Rs 10 of
 * the tax the taxable value and rate give (× 0.65 at 65 %): IGST against the full tax, Central
 * and State/UT tax each against half of it. A row holding both IGST and Central/State tax
 * (inter- and intra-State sales of one HSN) is checked on its total. Exactly Rs 10 off passes.
 * An HSN row has no "Applicable %" column and may sum supplies taxed at 65 % of the rate with
 * others: its tax may then lie anywhere from the 65 % tax to the full tax (± Rs 10).
 *   pass: taxable 10000, rate 18, IGST 1810; fail: IGST 1810.01
 */
import type { Field } from '../../model/fields.js';
import { expectedTax, formatPaise } from '../../model/money.js';
import type { RowRule } from '../types.js';
import { GIVEN_TAX_SHEETS, HSN_SHEETS } from '../shared.js';

/** Rs 10, in paise. */
export const TAX_TOLERANCE_PAISE = 1000;

const rule: RowRule = {
  kind: 'row',
  code: 'RET91708',
  severity: 'error',
  // and document rows whose tax amounts were given as they are (a JSON's, through to-excel's tax columns)
  sections: [...HSN_SHEETS, ...GIVEN_TAX_SHEETS],
  description:
    'Tax amounts within Rs 10 of taxable value × rate: IGST against the full tax, Central and State/UT tax each against half. An HSN row may mix supplies at 65 % of the rate, so its tax may lie anywhere from the 65 % tax to the full tax.',
  variants: [{ head: 'iamt', expected: '1800.00', difference: '10.01' }, { head: 'total', expected: '1800.00', difference: '10.01' }],
  check(row, _ctx, report) {
    const v = row.values;
    const base = v.txval ?? v.adAmt;
    if (v.rt === undefined || base === undefined) return;
    if (v.iamt === undefined && v.camt === undefined && v.samt === undefined) return;
    const diff = v.diffPercent ?? 100;
    // no Applicable % column: the row may mix 65 % supplies in
    const lowest = v.diffPercent === undefined ? 65 : diff;
    const iamt = v.iamt ?? 0;
    const camt = v.camt ?? 0;
    const samt = v.samt ?? 0;
    const full = expectedTax(base, v.rt, diff);
    const half = expectedTax(base, v.rt / 2, diff);
    const ratio = lowest / diff;
    const off = (field: Field, actual: number, expected: number, head: string) => {
      // the band from the lowest tax the row may carry up to the full tax, signs kept
      const low = Math.round(expected * ratio);
      const [lo, hi] = low <= expected ? [low, expected] : [expected, low];
      const d = actual < lo ? lo - actual : actual > hi ? actual - hi : 0;
      if (d > TAX_TOLERANCE_PAISE) {
        const shown = lo === hi ? formatPaise(expected) : `${formatPaise(lo)} to ${formatPaise(hi)}`;
        report(row, field, { head, expected: shown, difference: formatPaise(d) });
        return true;
      }
      return false;
    };
    const intra = camt !== 0 || samt !== 0;
    if (iamt !== 0 && intra) {
      off('iamt', iamt + camt + samt, full, 'total');
    } else if (intra) {
      off('camt', camt, half, 'camt');
      off('samt', samt, half, 'samt');
    } else {
      // IGST only, or every head 0: measured against the full tax, on the first head given
      const field: Field = v.iamt !== undefined ? 'iamt' : v.camt !== undefined ? 'camt' : 'samt';
      off(field, iamt, full, field === 'iamt' ? 'iamt' : 'total');
    }
  },
};
export default rule;
