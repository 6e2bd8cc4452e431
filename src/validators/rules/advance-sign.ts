/**
 * ADVANCE_SIGN: advances received (at, ata) may be negative (net of refunds) but not zero, and
 * the cess must have the same sign; advances adjusted (atadj, atadja) are never negative.
 *   pass: at 5000 / cess 100, atadj 2000; fail: at 0, at 5000 / cess -100, atadj -2000
 */
import type { RowRule } from '../types.js';

const rule: RowRule = {
  kind: 'row',
  code: 'ADVANCE_SIGN',
  severity: 'error',
  sections: ['at', 'ata', 'atadj', 'atadja'],
  source: 'Offline Tool 3.2.4 import checks for at/atadj (gross advance not zero, cess sign; adjusted not negative)',
  description: 'Advances: received amount not zero, with cess of the same sign; adjusted amount and its cess not negative.',
  variants: [{ reason: 'zero' }, { reason: 'cess-sign' }, { reason: 'negative' }],
  check(row, _ctx, report) {
    const { adAmt, csamt } = row.values;
    if (adAmt === undefined) return;
    const received = row.ctx.spec.id === 'at' || row.ctx.spec.id === 'ata';
    if (received) {
      if (adAmt === 0) report(row, 'adAmt', { reason: 'zero' });
      else if (csamt && Math.sign(csamt) !== Math.sign(adAmt)) report(row, 'csamt', { reason: 'cess-sign' });
    } else {
      if (adAmt < 0) report(row, 'adAmt', { reason: 'negative' });
      if (csamt !== undefined && csamt < 0) report(row, 'csamt', { reason: 'negative' });
    }
  },
};
export default rule;
