/**
 * DOCS_MISSING (warning): from the May 2025 period Table 13 (documents issued) is mandatory
 * (GSTN's advisory on Tables 12 and 13, Phase III: `TABLE13_MANDATORY`). A return whose input has
 * no docs sheet gets one finding. A warning until the portal's refusal is verified, and because
 * Table 13 may come from another file or be typed on the portal. Not in an IFF month (Table 13
 * is not part of the IFF), nor in a GSTR-1A: it carries only what amends or adds to the period's
 * GSTR-1, and whether the portal asks it for Table 13 is not known.
 *   pass: 052025 with a docs sheet, 042025 without; warn: 052025 without
 */
import { table13Mandatory } from '../../model/dated-rules.js';
import { isIffMonth } from '../../model/period.js';
import { periodParams } from '../shared.js';
import type { PassRule } from '../types.js';

const rule: PassRule = {
  kind: 'pass',
  code: 'DOCS_MISSING',
  severity: 'warning',
  sections: ['docs'],
  source: 'GSTN advisory on Tables 12 and 13 of GSTR-1/1A (Phase III, from the May 2025 period)',
  confidence: 'the advisory as tax sites report it; whether the portal refuses a return without Table 13 is not verified: a warning',
  description: 'Table 13 (documents issued) is mandatory from the May 2025 period; the input has no docs sheet.',
  variants: [{ period: '052025' }],
  check(ctx, report) {
    return {
      finish(result) {
        if (!table13Mandatory(ctx.period) || (ctx.quarterly && isIffMonth(ctx.period)) || ctx.form === 'gstr1a') return;
        if (result.stats.length === 0 || result.stats.some((s) => s.sheetId === 'docs')) return;
        report.raw({ params: periodParams(ctx) });
      },
    };
  },
};
export default rule;
