/**
 * GSTR1A_SECTION: GSTR-1A has no Table 13 (documents issued): GSTN's GSTR-1A API offers every
 * GSTR-1 section but `doc_issue` (its save takes the invoice, note, advance, nil, HSN and
 * e-commerce sections; there is no documents-issued action), so a docs sheet cannot be sent with
 * it. Documents issued stay in the period's GSTR-1. Reported once per sheet, on its first row;
 * only for `--form gstr1a` (which exists from July 2024: GSTR1A_PERIOD).
 *   pass: b2ba in a GSTR-1A; fail: docs in a GSTR-1A
 */
import { formatPeriod } from '../../model/period.js';
import type { PassRule } from '../types.js';

const rule: PassRule = {
  kind: 'pass',
  code: 'GSTR1A_SECTION',
  severity: 'error',
  sections: ['docs'],
  source: 'GSTN GSTR-1A API (R1A actions: no documents-issued section; gsthelp.charteredinfo.com/ucl/gstr_1a_apis.htm); WhiteBooks GSTR-1A endpoints (no /gstr1a doc-issue path)',
  confidence: 'read from the APIs\' section lists: neither offers Table 13 for GSTR-1A; the form notified in Notification 12/2024-CT was not read directly',
  description: 'GSTR-1A has no Table 13 (documents issued): a docs sheet cannot go in a GSTR-1A.',
  variants: [{ period: '082024' }],
  check(ctx, report) {
    const seen = new Set<string>();
    return {
      row(row) {
        if (ctx.form !== 'gstr1a') return;
        const key = `${row.ctx.file}\u0000${row.ctx.sheet}`;
        if (seen.has(key)) return;
        seen.add(key);
        report(row, undefined, { period: formatPeriod(ctx.period) });
      },
    };
  },
};
export default rule;
