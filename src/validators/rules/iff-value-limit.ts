/**
 * IFF_VALUE_LIMIT: in an IFF month (months 1-2 of a quarterly filer's quarter) the invoices
 * furnished (b2b and b2ba, each document counted once) may not exceed Rs 50 lakh in value
 * (dated-rules.ts IFF_VALUE_LIMIT, from the January 2021 period when the IFF began). Reported once,
 * on the row of the invoice that takes the month over the limit. Needs `quarterly`.
 *   pass: invoices of Rs 49 lakh in the 042025 IFF; fail: Rs 30 lakh + Rs 25 lakh
 */
import { iffValueLimit } from '../../model/dated-rules.js';
import { formatPaise } from '../../model/money.js';
import { formatPeriod, isIffMonth } from '../../model/period.js';
import type { PassRule } from '../types.js';

const rule: PassRule = {
  kind: 'pass',
  code: 'IFF_VALUE_LIMIT',
  severity: 'error',
  sections: ['b2b', 'b2ba'],
  source: 'CGST Rule 59(2) proviso (Notification 82/2020-CT); GSTN IFF FAQ (value limit Rs 50 lakh per month)',
  description: 'Quarterly filer, IFF month: the invoices furnished (b2b, b2ba) may total at most Rs 50 lakh; report the rest in the next IFF or the quarter\'s return.',
  variants: [{ limit: '5000000.00', total: '5500000.00', period: '042025' }],
  check(ctx, report) {
    const limit = ctx.quarterly && isIffMonth(ctx.period) ? iffValueLimit(ctx.period) : undefined;
    const seen = new Set<string>();
    let total = 0;
    let reported = false;
    return {
      row(row) {
        if (limit === undefined || reported) return;
        const v = row.values;
        const key = `${row.ctx.spec.id}\u0000${v.ctin ?? ''}\u0000${(v.inum ?? '').toLowerCase()}`;
        if (seen.has(key)) return;
        seen.add(key);
        total += v.val ?? 0;
        if (total > limit) {
          reported = true;
          report(row, 'val', { limit: formatPaise(limit), total: formatPaise(total), period: formatPeriod(ctx.period) });
        }
      },
    };
  },
};
export default rule;
