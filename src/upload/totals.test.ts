import { describe, expect, it } from 'vitest';
import { compareTotals, type SectionTotal } from './totals.js';
import type { SummarySection } from './types.js';

const saved: SectionTotal = { sec_nm: 'B2B', ttl_rec: 5, ttl_val: 1_180_000, ttl_tax: 1_000_000, ttl_igst: 180_000, ttl_cgst: 0, ttl_sgst: 0, ttl_cess: 0 };
const portal = (s: Record<string, unknown>) => [{ sec_nm: 'B2B', ...s }] as unknown as SummarySection[];
const same = { ttl_rec: 5, ttl_tax: 1_000_000, ttl_igst: 180_000, ttl_cgst: 0, ttl_sgst: 0, ttl_cess: 0 };
const fieldsOf = (p: SummarySection[]) => compareTotals(p, [saved]).map((d) => d.field);

describe('the portal\'s summary beside the uploaded totals: filing goes ahead only on what was read and agrees', () => {
  it('agrees: the same figures (a number, or plain decimal text)', () => {
    expect(compareTotals(portal(same), [saved])).toEqual([]);
    expect(compareTotals(portal({ ...same, ttl_tax: '1000000.00', ttl_igst: '180000' }), [saved])).toEqual([]);
  });

  it('a figure that is not a number differs, with the text the portal gave', () => {
    const d = compareTotals(portal({ ...same, ttl_tax: '10,00,000.00' }), [saved]);
    expect(d).toEqual([{ sec_nm: 'B2B', field: 'ttl_tax', portal: Number.NaN, portalText: '10,00,000.00', saved: 1_000_000 }]);
    expect(fieldsOf(portal({ ...same, ttl_igst: null }))).toEqual(['ttl_igst']);
  });

  it('an amount saved that the portal leaves out of the section differs; a zero one need not be shown', () => {
    expect(fieldsOf(portal({ ttl_rec: 5 }))).toEqual(['ttl_tax', 'ttl_igst']);
    expect(fieldsOf(portal({ ttl_rec: 5, ttl_tax: 1_000_000, ttl_igst: 180_000 }))).toEqual([]);
  });

  it('the number of documents is compared in document sections, exactly', () => {
    expect(compareTotals(portal({ ...same, ttl_rec: 9 }), [saved])).toEqual([{ sec_nm: 'B2B', field: 'ttl_rec', portal: 9, saved: 5 }]);
    expect(compareTotals(portal({ ...same, ttl_rec: 6 }), [saved], 10)).toHaveLength(1);
    // HSN rows: what the portal counts as a record is not documented, so only amounts are compared
    const hsn: SectionTotal = { ...saved, sec_nm: 'HSN', ttl_rec: 3 };
    expect(compareTotals([{ sec_nm: 'HSN', ...same, ttl_rec: 1 }] as unknown as SummarySection[], [hsn])).toEqual([]);
  });

  it('a section saved but missing from the summary differs; one the portal has and we did not save too', () => {
    expect(fieldsOf([])).toEqual(['ttl_rec', 'ttl_tax', 'ttl_igst']);
    expect(compareTotals([...portal(same), { sec_nm: 'CDNR', ttl_rec: 1, ttl_tax: 100 } as unknown as SummarySection], [saved]).map((d) => `${d.sec_nm} ${d.field}`)).toEqual(['CDNR ttl_rec', 'CDNR ttl_tax']);
  });
});
