/**
 * POS_EXPORT_NOT_BLANK: a note on an export (cdnur/cdnura UR Type EXPWP or EXPWOP) has no place
 * of supply; the portal rejects the file when one is sent (india-compliance #3670).
 *   pass: EXPWP with POS blank; fail: EXPWOP with 27-Maharashtra
 */
import type { RowRule } from '../types.js';

const rule: RowRule = {
  kind: 'row',
  code: 'POS_EXPORT_NOT_BLANK',
  severity: 'error',
  sections: ['cdnur', 'cdnura'],
  source: 'Offline Tool 3.2.4 cdnur import (EXPWP/EXPWOP: POS blank)',
  description: 'Place of supply must be blank on notes for exports (UR Type EXPWP/EXPWOP).',
  check(row, _ctx, report) {
    const v = row.values;
    if ((v.urType === 'EXPWP' || v.urType === 'EXPWOP') && v.pos) report(row, 'pos');
  },
};
export default rule;
