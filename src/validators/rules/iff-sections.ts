/**
 * IFF_SECTION: a quarterly (QRMP) filer's months 1 and 2 of a quarter are IFF months, which take
 * only b2b, b2ba, cdnr, cdnra and Table 15's ecob2b / ecourp2b (with their amendments); the
 * offline tool refuses other sections. Reported once per sheet, on its first row. Needs `quarterly`.
 *   pass: cdnr in the 042025 IFF; fail: b2cs in the 042025 IFF
 */
import { isIffMonth, formatPeriod } from '../../model/period.js';
import { SHEET_IDS, type SheetId } from '../../model/sheets.js';
import type { PassRule } from '../types.js';

// and, since Table 15 began, its b2b and urp2b parts and their amendments (spec §3.16)
const IFF_SHEETS: readonly SheetId[] = ['b2b', 'b2ba', 'cdnr', 'cdnra', 'ecob2b', 'ecourp2b', 'ecoab2b', 'ecoaurp2b'];

const rule: PassRule = {
  kind: 'pass',
  code: 'IFF_SECTION',
  severity: 'error',
  sections: SHEET_IDS.filter((s) => !IFF_SHEETS.includes(s)),
  source: 'CGST Rule 59(2) (IFF); Offline Tool 3.2.4 `service/offline2.js` IFF sections',
  description: 'Quarterly filer, IFF month (months 1-2 of a quarter): only b2b, b2ba, cdnr, cdnra and the Table 15 b2b/urp2b parts (and their amendments) may be reported.',
  variants: [{ period: '042025' }],
  check(ctx, report) {
    const active = ctx.quarterly && isIffMonth(ctx.period);
    const seen = new Set<string>();
    return {
      row(row) {
        if (!active) return;
        const key = `${row.ctx.file}\u0000${row.ctx.sheet}`;
        if (seen.has(key)) return;
        seen.add(key);
        report(row, undefined, { period: formatPeriod(ctx.period) });
      },
    };
  },
};
export default rule;
