/**
 * HSN_TOTALS (warning): Table 12's taxable values should add up to the documents they summarise
 * (GSTN cross-checks this, in warning mode so far):
 * - from the May 2025 period, the hsn(b2b) tab against b2b + cdnr (credit notes less, debit notes
 *   more) + Table 8 to registered persons + Table 15 to registered recipients (ecom b2b, urp2b);
 *   the hsn(b2c) tab against b2cl + b2cs + exp + cdnur + Table 8 to unregistered persons + Table 15
 *   to unregistered recipients (ecom b2c, urp2c);
 * - before it, the single hsn sheet against all of these.
 * Table 8 counts whole, non-GST supplies included: GSTN's advisory on Phase-III of HSN reporting in
 * Table 12 (January 2025) lists "8 (recipient registered)" and "8 (recipient unregistered)" among
 * the tables each tab is validated against, and Table 8 is nil-rated, exempted and non-GST
 * supplies. The same advisory lists "15 (recipient registered)" with the B2B tab and Table 15 to
 * unregistered recipients with the B2C tab: an operator's supplies u/s 9(5) are in its Table 12.
 * Amendments (b2ba, cdnra…, Table 15A) change earlier returns by amounts this return does not
 * show, so they are not counted. A tab is compared only when the input has
 * document rows for it and its HSN sheet (an HSN sheet left out altogether may be filed from
 * another file); an HSN sheet present but empty counts as 0.
 * Tolerance: Rs 1 per HSN row of the tab (at least Rs 1), since document figures are exact and
 * each HSN row may have been rounded.
 *   pass: b2b 10000 + 5000, hsn(b2b) 15000; fail: hsn(b2b) 14000
 */
import { hsnB2bRequired, hsnSplit } from '../../model/dated-rules.js';
import { formatPaise } from '../../model/money.js';
import type { SheetId } from '../../model/sheets.js';
import type { PassRule } from '../types.js';
import { HSN_B2B_TAB_SHEETS, HSN_B2C_TAB_SHEETS, HSN_SHEETS } from '../shared.js';

type Tab = 'b2b' | 'b2c';

const DOC_TAB: Partial<Record<SheetId, Tab>> = Object.fromEntries([
  ...HSN_B2B_TAB_SHEETS.map((id) => [id, 'b2b'] as const),
  ...HSN_B2C_TAB_SHEETS.map((id) => [id, 'b2c'] as const),
]);
const NIL_TAB: Readonly<Record<string, Tab>> = { INTRB2B: 'b2b', INTRAB2B: 'b2b', INTRB2C: 'b2c', INTRAB2C: 'b2c' };

interface Sums {
  docs: number;
  docRows: number;
  hsn: number;
  hsnRows: number;
}

const rule: PassRule = {
  kind: 'pass',
  code: 'HSN_TOTALS',
  severity: 'warning',
  sections: ['b2b', 'cdnr', 'b2cl', 'b2cs', 'exp', 'cdnur', 'exemp', 'ecob2b', 'ecourp2b', 'ecob2c', 'ecourp2c', ...HSN_SHEETS],
  source: 'GSTN advisory on Tables 12 and 13 (Phase III, May 2025 period): the cross-check runs in warning mode',
  confidence: 'secondary: the advisory as tax sites report it',
  description:
    'HSN summary taxable value differs from the documents it summarises (B2B tab vs b2b, cdnr, Table 8 registered, Table 15 b2b/urp2b; B2C tab vs b2cl, b2cs, exp, cdnur, Table 8 unregistered, Table 15 b2c/urp2c) by more than Rs 1 per HSN row.',
  variants: [
    { reason: 'mismatch', tab: 'B2B', hsnTotal: '14000.00', docTotal: '15000.00', difference: '1000.00', tolerance: '1.00' },
    { reason: 'missing', tab: 'B2B', hsnTotal: '0.00', docTotal: '15000.00', difference: '15000.00', tolerance: '1.00' },
  ],
  check(ctx, report) {
    const split = hsnSplit(ctx.period);
    const sums: Record<Tab, Sums> = {
      b2b: { docs: 0, docRows: 0, hsn: 0, hsnRows: 0 },
      b2c: { docs: 0, docRows: 0, hsn: 0, hsnRows: 0 },
    };
    const tabOf = (t: Tab): Tab => (split ? t : 'b2b');
    return {
      row(row) {
        const v = row.values;
        const id = row.ctx.spec.id;
        if (id === 'hsnb2b' || id === 'hsnb2c' || id === 'hsn') {
          if ((id === 'hsn') === split) return; // the wrong kind of HSN sheet for the period
          const s = sums[id === 'hsnb2c' ? 'b2c' : 'b2b'];
          s.hsn += v.txval ?? 0;
          s.hsnRows++;
          return;
        }
        if (id === 'exemp') {
          const t = v.nilDesc ? NIL_TAB[v.nilDesc] : undefined;
          if (!t) return;
          const s = sums[tabOf(t)];
          s.docs += (v.nilAmt ?? 0) + (v.exptAmt ?? 0) + (v.ngsupAmt ?? 0);
          s.docRows++;
          return;
        }
        const t = DOC_TAB[id];
        if (!t) return;
        const s = sums[tabOf(t)];
        let txval = v.txval ?? 0;
        if (id === 'cdnr' || id === 'cdnur') txval = v.ntty === 'C' ? -Math.abs(txval) : Math.abs(txval);
        s.docs += txval;
        s.docRows++;
      },
      finish(result) {
        const tabs: [Tab, SheetId, string][] = split
          ? [['b2b', 'hsnb2b', 'B2B'], ['b2c', 'hsnb2c', 'B2C']]
          : [['b2b', 'hsn', 'all']];
        for (const [t, sheetId, label] of tabs) {
          const s = sums[t];
          const sheet = result.stats.find((st) => st.sheetId === sheetId);
          if (!sheet || s.docRows === 0) continue;
          // an empty B2B tab from May 2025 is HSN_B2B_EMPTY's error
          if (t === 'b2b' && split && s.hsnRows === 0 && hsnB2bRequired(ctx.period)) continue;
          const difference = Math.abs(s.hsn - s.docs);
          const tolerance = 100 * Math.max(1, s.hsnRows);
          if (difference <= tolerance) continue;
          report.raw({
            file: sheet.file,
            sheet: sheet.sheet,
            params: {
              reason: s.hsnRows === 0 ? 'missing' : 'mismatch',
              tab: label,
              hsnTotal: formatPaise(s.hsn),
              docTotal: formatPaise(s.docs),
              difference: formatPaise(difference),
              tolerance: formatPaise(tolerance),
            },
          });
        }
      },
    };
  },
};
export default rule;
