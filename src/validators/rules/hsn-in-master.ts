/**
 * RET191349: from the May 2025 period (GSTN Phase III) the HSN/SAC code must be one of the
 * codes of the GSTN HSN master (data/hsn-master.json); the portal answers "The HSN code entered
 * is not valid", and the offline tool blanks the code.
 *   pass: 84713010; fail: 84719999 (not in the master)
 */
import { hsnMasterRequired } from '../../model/dated-rules.js';
import { isInHsnMaster } from '../hsn-master.js';
import type { RowRule } from '../types.js';
import { HSN_SHEETS } from '../shared.js';

const rule: RowRule = {
  kind: 'row',
  code: 'RET191349',
  severity: 'error',
  sections: HSN_SHEETS,
  source: 'GSTN advisory on Tables 12 and 13 (Phase III, May 2025 period); Offline Tool 3.2.4 `INVALID_HSN_BOOK`; portal RET191349',
  description: 'HSN/SAC code must be in the GSTN HSN master (from the May 2025 period).',
  check(row, ctx, report) {
    const hsn = row.values.hsn;
    if (!hsn || !hsnMasterRequired(ctx.period)) return;
    if (!isInHsnMaster(hsn)) report(row, 'hsn', { hsn });
  },
};
export default rule;
