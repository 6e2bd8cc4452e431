/**
 * doc_issue (Table 13), sheet `docs`: documents issued, grouped by nature of document (`doc_num`
 * 1..12, the position in the template's list; the coerced Nature of Document holds it), one
 * `docs` entry per row. `net_issue` = total − cancelled (the sheet has no column for it).
 *   sheet row: Invoices for outward supply | INV/001 | INV/120 | 120 | 3
 *   JSON:      {doc_det:[{doc_num:1, doc_typ:"Invoices for outward supply",
 *               docs:[{num:1, from:"INV/001", to:"INV/120", totnum:120, cancel:3, net_issue:117}]}]}
 */
import { DOC_NATURES } from '../../model/labels.js';
import { at } from '../../parsers/rows.js';
import type { SectionMapper, SheetRow } from '../types.js';

interface Range {
  from: string;
  to: string;
  totnum: number;
  cancel: number;
}

/** `doc_num` of a coerced Nature of Document: its number, or (defensively) its text. */
function docNumOf(nature: unknown): number | undefined {
  const n = typeof nature === 'number' ? nature : /^\d{1,2}$/.test(String(nature)) ? Number(nature) : DOC_NATURES.indexOf(String(nature)) + 1;
  return Number.isInteger(n) && n >= 1 && n <= DOC_NATURES.length ? n : undefined;
}

const mapper: SectionMapper = {
  key: 'doc_issue',
  sheets: ['docs'],
  create: (ctx) => {
    const byNum = new Map<number, Range[]>();
    return {
      add(row) {
        const v = row.values;
        const n = docNumOf(v.docNature);
        if (n === undefined) {
          ctx.findings.push({
            code: 'CELL_INVALID_CHOICE', severity: 'error', ...at(row, 'docNature'),
            params: { allowed: 'one of the 12 natures of document' },
          });
          return false;
        }
        let list = byNum.get(n);
        if (!list) byNum.set(n, (list = []));
        list.push({ from: v.docFrom ?? '', to: v.docTo ?? '', totnum: v.totnum ?? 0, cancel: v.cancel ?? 0 });
        return true;
      },
      build() {
        if (byNum.size === 0) return undefined;
        const doc_det = [...byNum]
          .sort(([a], [b]) => a - b)
          .map(([doc_num, ranges]) => ({
            doc_num,
            doc_typ: DOC_NATURES[doc_num - 1],
            docs: ranges.map((r, i) => ({ num: i + 1, ...r, net_issue: r.totnum - r.cancel })),
          }));
        return { kind: 'object', parts: { doc_det } };
      },
    };
  },
  *toRows(json): Generator<SheetRow> {
    const det = (json as { doc_det?: Record<string, unknown>[] } | undefined)?.doc_det;
    if (!Array.isArray(det)) return;
    for (const d of det) {
      for (const r of (d.docs as Record<string, unknown>[]) ?? []) {
        yield {
          sheet: 'docs',
          values: {
            // the coerced Nature of Document is its number (see parsers/coerce.ts)
            docNature: d.doc_num as unknown as string,
            docFrom: String(r.from ?? ''),
            docTo: String(r.to ?? ''),
            totnum: r.totnum as number,
            cancel: r.cancel as number,
          },
        };
      }
    }
  },
};

export default mapper;
