/**
 * HSN_MANDATORY: an HSN row needs its Rate from the May 2021 period; before it the row carried its
 * Total Value instead and the Rate was optional (`HSN_MANDATORY` in model/dated-rules.ts, the
 * Offline Tool's old and new HSN layouts).
 *   pass: 052021 with Rate 18; 042021 with Total Value 1180 and no Rate
 *   fail: 052021 without Rate; 042021 without Total Value
 */
import { hsnMandatory } from '../../model/dated-rules.js';
import type { RowRule } from '../types.js';
import { HSN_SHEETS } from '../shared.js';

const rule: RowRule = {
  kind: 'row',
  code: 'HSN_MANDATORY',
  severity: 'error',
  sections: HSN_SHEETS,
  source: 'Offline Tool 3.2.4 HSN summary layouts (old: Total Value mandatory; new, from the May 2021 period: Rate mandatory)',
  description: 'HSN summary: Rate is required from the May 2021 period; before it, Total Value is required and Rate optional.',
  variants: [{ field: 'rt' }, { field: 'val' }],
  check(row, ctx, report) {
    const v = row.values;
    if (!v.hsn) return;
    if (hsnMandatory(ctx.period) === 'rt') {
      if (v.rt === undefined) report(row, 'rt', { field: 'rt' });
    } else if (v.totalValue === undefined) report(row, 'totalValue', { field: 'val' });
  },
};
export default rule;
