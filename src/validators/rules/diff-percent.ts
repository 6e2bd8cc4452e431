/**
 * DIFF_PERCENT: "Applicable % of Tax Rate" is blank (100 %) or 65; notes on exports
 * (cdnur/cdnura EXPWP, EXPWOP) must leave it blank.
 *   pass: blank, 65; fail: 50, 65 on an EXPWP note
 */
import type { RowRule } from '../types.js';
import { DIFF_PERCENT_SHEETS } from '../shared.js';

const rule: RowRule = {
  kind: 'row',
  code: 'DIFF_PERCENT',
  severity: 'error',
  sections: DIFF_PERCENT_SHEETS,
  source: 'Offline Tool 3.2.4 import (`Applicable % of Tax Rate`: blank or 65)',
  description: 'Applicable % of Tax Rate: blank or 65 only; blank on notes for exports.',
  variants: [{ reason: 'value' }, { reason: 'export' }],
  check(row, _ctx, report) {
    const v = row.values;
    const p = v.diffPercent;
    if (p === undefined || p === 100) return;
    if (p !== 65) report(row, 'diffPercent', { reason: 'value' });
    else if (v.urType === 'EXPWP' || v.urType === 'EXPWOP') report(row, 'diffPercent', { reason: 'export' });
  },
};
export default rule;
