/**
 * DOCS_COUNT (warning): Table 13 should account for at least the documents the return reports:
 * net issued (total − cancelled) of "Invoices for outward supply" ≥ distinct invoices in b2b,
 * b2cl and exp (b2cs invoices are not itemised, so more is fine); "Credit Note" ≥ credit notes
 * and "Debit Note" ≥ debit notes in cdnr and cdnur. Checked only when the input has a docs sheet.
 *   pass: 3 invoices, docs net 120; fail: 3 invoices, docs net 2
 * State: the distinct counts of the run's shared document index (ctx.documents), and 12 counters.
 */
import { DOC_NATURES } from '../../model/labels.js';
import type { Location } from '../../model/finding.js';
import type { SheetId } from '../../model/sheets.js';
import type { PassRule } from '../types.js';

/** doc_num of the natures compared. */
const INVOICES = 1;
const DEBIT_NOTES = 4;
const CREDIT_NOTES = 5;

const rule: PassRule = {
  kind: 'pass',
  code: 'DOCS_COUNT',
  severity: 'warning',
  sections: ['b2b', 'b2cl', 'exp', 'cdnr', 'cdnur', 'docs'],
  source: 'GSTN advisory on Tables 12 and 13 (Phase III, from the May 2025 period)',
  confidence: "secondary: the portal's cross-check is reported by tax sites, not in the advisory text; a warning",
  description:
    'Documents issued (Table 13): net issued invoices, credit notes and debit notes fewer than those reported in the return.',
  variants: [{ nature: 'Invoices for outward supply', net: 2, reported: 3 }],
  check(ctx, report) {
    const docs = ctx.documents;
    const net = new Map<number, number>();
    const where = new Map<number, Location>();
    return {
      row(row) {
        const v = row.values;
        const id: SheetId = row.ctx.spec.id;
        if (id === 'docs') {
          const raw = v.docNature as unknown;
          const n = typeof raw === 'number' ? raw : DOC_NATURES.indexOf(String(raw)) + 1;
          if (n <= 0) return;
          net.set(n, (net.get(n) ?? 0) + (v.totnum ?? 0) - (v.cancel ?? 0));
          if (!where.has(n)) where.set(n, { file: row.ctx.file, sheet: row.ctx.sheet, row: row.row });
          return;
        }
        docs.see(row);
      },
      finish(result) {
        const sheet = result.stats.find((s) => s.sheetId === 'docs');
        if (!sheet) return;
        const reported: [number, number][] = [[INVOICES, docs.invoices], [CREDIT_NOTES, docs.creditNotes], [DEBIT_NOTES, docs.debitNotes]];
        for (const [n, count] of reported) {
          const issued = net.get(n) ?? 0;
          if (count === 0 || issued >= count) continue;
          report.raw({
            ...(where.get(n) ?? { file: sheet.file, sheet: sheet.sheet }),
            params: { nature: DOC_NATURES[n - 1]!, net: issued, reported: count },
          });
        }
      },
    };
  },
};
export default rule;
