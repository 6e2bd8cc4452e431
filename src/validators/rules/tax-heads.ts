/**
 * RET191150: tax heads must fit the supply.
 * - Where a sheet reports tax columns (hsn sheets, eco, ecoa): Central Tax and State/UT Tax are
 *   always equal halves, and an SEZ supplier reports no Central/State tax (all its supplies are
 *   inter-State, IGST).
 * - SEZ supplies without payment (SEWOP) carry no tax at all, cess included.
 *   pass: CGST 900 / SGST 900; fail: CGST 900 / SGST 800, SEWOP with cess 50
 */
import type { RowRule } from '../types.js';

const rule: RowRule = {
  kind: 'row',
  code: 'RET191150',
  severity: 'error',
  sections: ['b2b', 'b2ba', 'cdnr', 'cdnra', 'hsn', 'hsnb2b', 'hsnb2c', 'eco', 'ecoa'],
  source: 'Offline Tool 3.2.4 `getItm` (b2b), `generateTotal`; portal RET191150',
  description:
    'Tax heads: Central and State/UT tax equal; no Central/State tax for an SEZ supplier; no tax or cess on SEZ supplies without payment.',
  variants: [{ reason: 'halves' }, { reason: 'sez' }, { reason: 'sewop' }],
  check(row, ctx, report) {
    const v = row.values;
    const sheet = row.ctx.spec.id;
    if (sheet === 'b2b' || sheet === 'b2ba' || sheet === 'cdnr' || sheet === 'cdnra') {
      if (v.invTyp === 'SEWOP' && v.csamt) report(row, 'csamt', { reason: 'sewop' });
      return;
    }
    const camt = v.camt ?? 0;
    const samt = v.samt ?? 0;
    if (ctx.sez && (camt !== 0 || samt !== 0)) {
      report(row, camt !== 0 ? 'camt' : 'samt', { reason: 'sez' });
    } else if (camt !== samt) {
      report(row, 'samt', { reason: 'halves' });
    }
  },
};
export default rule;
