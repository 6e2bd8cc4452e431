/**
 * RET191175: the rate must be one of the GST rates valid for the return period (0, 0.1, 0.25, 1,
 * 1.5, 3, 5, 6, 7.5, 12, 18, 28, and 40 from the September 2025 period; see ratesFor).
 *   pass: 18; fail: 9 (a CGST half-rate), 40 in the 032025 return
 */
import type { RowRule } from '../types.js';
import { RATE_SHEETS } from '../shared.js';

const rule: RowRule = {
  kind: 'row',
  code: 'RET191175',
  severity: 'error',
  sections: RATE_SHEETS,
  source: 'Offline Tool 3.2.4 `rates` (`common/directives1.4.js`, `public/data/rate.json`); portal RET191175',
  description: 'Rate must be a GST rate valid for the return period (the full rate, e.g. 18, not 9).',
  variants: [{ rates: '0, 0.1, 0.25, 1, 1.5, 3, 5, 6, 7.5, 12, 18, 28' }],
  check(row, ctx, report) {
    const rt = row.values.rt;
    if (rt !== undefined && !ctx.rates.has(rt)) report(row, 'rt', { rates: [...ctx.rates].join(', ') });
  },
};
export default rule;
