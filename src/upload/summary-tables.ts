/**
 * The return's summary as the GST portal shows it, table by table: the one definition of which
 * figures each section is shown with, for the page's "Summary of the return", its filing
 * confirmation and `gstr1 file`'s table. Documents and supplies show their taxable value and
 * tax heads; Table 8 (NIL) its nil-rated, exempted and non-GST amounts; Table 13 (DOC_ISSUE) the
 * documents issued, cancelled and net issued. Every figure the filing check compares is shown
 * (summary-tables.test.ts): the user never approves a figure they cannot see.
 */
export interface SummaryColumn {
  /** the summary's field: `ttl_tax`, `ttl_nilsup_amt`... */
  readonly field: string;
  readonly label: string;
  /** a number of records or documents, not rupees */
  readonly count?: true;
}

export interface SummaryTable {
  /** heads the column of section names: "Table", or the portal's table number for NIL and DOC_ISSUE */
  readonly title: string;
  readonly columns: readonly SummaryColumn[];
  /** its sections' `sec_nm`, in the order given */
  readonly sections: readonly string[];
}

const RECORDS: SummaryColumn = { field: 'ttl_rec', label: 'Records', count: true };

const SUPPLIES: readonly SummaryColumn[] = [
  RECORDS,
  { field: 'ttl_tax', label: 'Taxable value' },
  { field: 'ttl_igst', label: 'IGST' },
  { field: 'ttl_cgst', label: 'CGST' },
  { field: 'ttl_sgst', label: 'SGST' },
  { field: 'ttl_cess', label: 'Cess' },
];

/** Sections shown with figures of their own, by the portal's table. */
const OWN: readonly { readonly sec_nm: string; readonly title: string; readonly columns: readonly SummaryColumn[] }[] = [
  {
    sec_nm: 'NIL',
    title: 'Table 8',
    columns: [RECORDS, { field: 'ttl_nilsup_amt', label: 'Nil rated' }, { field: 'ttl_expt_amt', label: 'Exempted' }, { field: 'ttl_ngsup_amt', label: 'Non-GST' }],
  },
  {
    sec_nm: 'DOC_ISSUE',
    title: 'Table 13',
    columns: [RECORDS, { field: 'ttl_doc_issued', label: 'Total', count: true }, { field: 'ttl_doc_cancelled', label: 'Cancelled', count: true }, { field: 'net_doc_issued', label: 'Net issued', count: true }],
  },
];

/** The tables `sections` (summary names, in order, each once) are shown in: supplies first, then Tables 8 and 13; none empty. */
export function summaryTables(sections: readonly string[]): SummaryTable[] {
  const own = (name: string) => OWN.find((o) => o.sec_nm === name.toUpperCase());
  const supplies = sections.filter((n) => !own(n));
  const tables: SummaryTable[] = supplies.length ? [{ title: 'Table', columns: SUPPLIES, sections: supplies }] : [];
  for (const o of OWN) {
    const names = sections.filter((n) => own(n) === o);
    if (names.length) tables.push({ title: o.title, columns: o.columns, sections: names });
  }
  return tables;
}

/** The widest table's number of figure columns: a table drawn in one grid pads the others. */
export const SUMMARY_WIDTH = Math.max(SUPPLIES.length, ...OWN.map((o) => o.columns.length));
