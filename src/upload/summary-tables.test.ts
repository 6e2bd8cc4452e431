import { describe, expect, it } from 'vitest';
import { COMPARED_FIELDS, computeTotals, SUMMARY_NAMES } from './totals.js';
import { summaryTables } from './summary-tables.js';

describe('summary tables: every figure the filing check compares is shown', () => {
  it('each compared figure of each section is a column of the table the section is in', () => {
    const names = Object.values(SUMMARY_NAMES);
    const tables = summaryTables(names);
    expect(tables.flatMap((t) => t.sections).sort()).toEqual([...names].sort());
    const columns = new Set(tables.flatMap((t) => t.columns.map((c) => c.field)));
    for (const f of COMPARED_FIELDS) expect(columns.has(f), f).toBe(true);
    for (const t of tables) {
      const shown = t.columns.map((c) => c.field);
      expect(shown).toContain('ttl_rec');
      for (const name of t.sections) {
        // the fields this section's totals carry that the comparison reads
        const fields = name === 'NIL' ? ['ttl_nilsup_amt', 'ttl_expt_amt', 'ttl_ngsup_amt'] : name === 'DOC_ISSUE' ? ['ttl_doc_issued', 'ttl_doc_cancelled'] : ['ttl_tax', 'ttl_igst', 'ttl_cgst', 'ttl_sgst', 'ttl_cess'];
        for (const f of fields) expect(COMPARED_FIELDS as readonly string[]).toContain(f);
        expect(shown, name).toEqual(expect.arrayContaining(fields));
      }
    }
  });

  it("Table 8 and Table 13 in the portal's terms, after the supplies", () => {
    const totals = computeTotals([{
      gstin: '27AAKCS4821M1ZW', fp: '102025',
      b2cs: [{ sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 18, txval: 500, camt: 45, samt: 45 }],
      nil: { inv: [{ sply_ty: 'INTRAB2C', nil_amt: 566500, expt_amt: 38000, ngsup_amt: 0 }] },
      doc_issue: { doc_det: [{ doc_num: 1, docs: [{ num: 1, from: 'A1', to: 'A151', totnum: 151, cancel: 3, net_issue: 148 }] }] },
    }]);
    const tables = summaryTables(totals.map((t) => t.sec_nm));
    expect(tables.map((t) => [t.title, t.sections, t.columns.map((c) => c.label)])).toEqual([
      ['Table', ['B2CS'], ['Records', 'Taxable value', 'IGST', 'CGST', 'SGST', 'Cess']],
      ['Table 8', ['NIL'], ['Records', 'Nil rated', 'Exempted', 'Non-GST']],
      ['Table 13', ['DOC_ISSUE'], ['Records', 'Total', 'Cancelled', 'Net issued']],
    ]);
    const nil = totals.find((t) => t.sec_nm === 'NIL') as unknown as Record<string, number>;
    expect(tables[1]!.columns.map((c) => nil[c.field])).toEqual([1, 566500, 38000, 0]);
    const docs = totals.find((t) => t.sec_nm === 'DOC_ISSUE') as unknown as Record<string, number>;
    expect(tables[2]!.columns.map((c) => docs[c.field])).toEqual([1, 151, 3, 148]);
  });
});
