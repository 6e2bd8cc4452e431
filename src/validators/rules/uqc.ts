/**
 * RET191353: the UQC must be a code of the GSTN list (KGS, NOS, … or NA). From the May 2025
 * period (Phase III) services (SAC codes starting 99) take UQC NA, and goods may not use NA.
 *   pass: NOS for 8471, NA for 998314; fail: PIECE, NOS for 998314, NA for 8471
 */
import { hsnMasterRequired } from '../../model/dated-rules.js';
import { UQCS } from '../../model/labels.js';
import type { RowRule } from '../types.js';
import { HSN_SHEETS, isService } from '../shared.js';

const CODES = new Set(UQCS.map((u) => u.code));

const rule: RowRule = {
  kind: 'row',
  code: 'RET191353',
  severity: 'error',
  sections: HSN_SHEETS,
  source: 'Offline Tool 3.2.4 UQC list; GSTN advisory on Table 12 (Phase III, May 2025 period); portal RET191353',
  description: 'UQC: a code from the GSTN list; services (HSN 99…) use NA and goods may not (from the May 2025 period).',
  variants: [{ reason: 'unknown' }, { reason: 'service' }, { reason: 'goods' }],
  check(row, ctx, report) {
    const { uqc, hsn } = row.values;
    if (!uqc) return;
    if (!CODES.has(uqc)) {
      report(row, 'uqc', { reason: 'unknown' });
      return;
    }
    if (!hsn || !hsnMasterRequired(ctx.period)) return;
    if (isService(hsn) && uqc !== 'NA') report(row, 'uqc', { reason: 'service' });
    else if (!isService(hsn) && uqc === 'NA') report(row, 'uqc', { reason: 'goods' });
  },
};
export default rule;
