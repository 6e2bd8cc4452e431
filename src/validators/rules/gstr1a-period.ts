/**
 * GSTR1A_PERIOD: GSTR-1A exists from the July 2024 period (`GSTR1A` in model/dated-rules.ts); a
 * GSTR-1A for an earlier period cannot be filed. One finding for the whole return. `upload`,
 * `file`, `status` and `reset` with `--form gstr1a` refuse such a period before they start.
 *   pass: a GSTR-1A for 072024; fail: for 062024
 */
import { gstr1aExists } from '../../model/dated-rules.js';
import { periodParams } from '../shared.js';
import type { PassRule } from '../types.js';

const rule: PassRule = {
  kind: 'pass',
  code: 'GSTR1A_PERIOD',
  severity: 'error',
  sections: [],
  source: 'CGST Rule 59(1) proviso and 59(4A) (Notification 12/2024-CT, 10-07-2024); GSTN advisory: GSTR-1A from the July 2024 tax period',
  description: 'A GSTR-1A for a period before July 2024, when the form did not exist.',
  variants: [{ period: '062024' }],
  check(ctx, report) {
    return {
      finish() {
        if (ctx.form === 'gstr1a' && !gstr1aExists(ctx.period)) report.raw({ params: periodParams(ctx) });
      },
    };
  },
};
export default rule;
