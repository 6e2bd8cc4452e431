/**
 * The return's summary drawn as the GST portal shows it, table by table (summaryTables, as
 * `gstr1 file` prints it): the supplies by taxable value and tax heads, Table 8 by its nil-rated,
 * exempted and non-GST amounts, Table 13 by the documents issued, cancelled and net issued. Each
 * table after the first opens with its own header row; each source (the portal's summary, what
 * was uploaded) is a row of its own.
 */
import { SUMMARY_WIDTH, summaryTables, type SummaryColumn } from '../../src/upload/summary-tables.js';
import { count, rupees } from './format.js';

/** A section's figures, as computed here or as the portal gave them. */
export type SectionFigures = { readonly sec_nm: string } & Readonly<Record<string, unknown>>;

export interface SummarySource {
  /** the source's name in the From column; none: a table of one source has no such column */
  readonly label?: string;
  readonly totals: readonly SectionFigures[];
}

const cellOf = (tag: 'td' | 'th', text: string, cls = ''): HTMLTableCellElement => {
  const c = document.createElement(tag);
  c.textContent = text;
  if (cls) c.className = cls;
  if (tag === 'th') c.scope = 'col';
  return c;
};

/** A figure: nothing reported is 0, as the filing check reads it; anything not a number as it was given. */
function figure(column: SummaryColumn, v: unknown): string {
  const n = v === undefined || v === null || v === '' ? 0 : typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) return String(v);
  return column.count ? count(n) : rupees(n);
}

/** Draws `sources` into `table`: its header row is the first table's, its bodies one per table. */
export function drawSummary(table: HTMLTableElement, sources: readonly SummarySource[]): void {
  const names = [...new Set(sources.flatMap((s) => s.totals.map((t) => t.sec_nm)))];
  const from = sources.some((s) => s.label !== undefined);
  const header = (title: string, columns: readonly SummaryColumn[]) => {
    const tr = document.createElement('tr');
    tr.className = 'summary-head';
    tr.append(cellOf('th', title), ...(from ? [cellOf('th', 'From')] : []), ...columns.map((c) => cellOf('th', c.label, 'num')));
    // a table of fewer figures leaves the last columns empty
    for (let i = columns.length; i < SUMMARY_WIDTH; i++) tr.append(cellOf('td', ''));
    return tr;
  };
  const tables = summaryTables(names);
  const head = table.tHead ?? table.createTHead();
  head.replaceChildren(...(tables.length ? [header(tables[0]!.title, tables[0]!.columns)] : []));
  const bodies = tables.map((t, i) => {
    const body = document.createElement('tbody');
    if (i > 0) body.append(header(t.title, t.columns));
    for (const name of t.sections) {
      sources.forEach((s, j) => {
        const figures = s.totals.find((x) => x.sec_nm === name) ?? { sec_nm: name };
        const tr = document.createElement('tr');
        tr.append(cellOf('td', j === 0 ? name : ''), ...(from ? [cellOf('td', s.label ?? '')] : []), ...t.columns.map((c) => cellOf('td', figure(c, figures[c.field]), 'num')));
        for (let k = t.columns.length; k < SUMMARY_WIDTH; k++) tr.append(cellOf('td', ''));
        body.append(tr);
      });
    }
    return body;
  });
  for (const b of [...table.tBodies]) b.remove();
  table.append(...bodies);
}
