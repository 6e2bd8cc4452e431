import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../../model/fields.js';
import { mapRows, roundTrip } from '../test-helpers.js';
import type { SheetRow } from '../types.js';

/** The coerced Nature of Document is its number 1..12. */
const docs = (nature: number, v: Partial<FieldValues>): SheetRow => ({
  sheet: 'docs',
  values: { docNature: nature as unknown as string, docFrom: 'A/1', docTo: 'A/10', totnum: 10, cancel: 0, ...v },
});

describe('doc_issue (sheet docs)', () => {
  it('groups ranges by nature of document, numbers them, and computes net_issue = total − cancelled', () => {
    const { json, findings } = mapRows('doc_issue', [
      docs(5, { docFrom: 'CN/1', docTo: 'CN/6', totnum: 6, cancel: 1 }),
      docs(1, { docFrom: 'INV/001', docTo: 'INV/120', totnum: 120, cancel: 3 }),
      docs(1, { docFrom: 'EXP/1', docTo: 'EXP/9', totnum: 9, cancel: 0 }),
    ]);
    expect(findings.items).toEqual([]);
    expect(json).toEqual({
      doc_det: [
        {
          doc_num: 1, doc_typ: 'Invoices for outward supply',
          docs: [
            { num: 1, from: 'INV/001', to: 'INV/120', totnum: 120, cancel: 3, net_issue: 117 },
            { num: 2, from: 'EXP/1', to: 'EXP/9', totnum: 9, cancel: 0, net_issue: 9 },
          ],
        },
        { doc_num: 5, doc_typ: 'Credit Note', docs: [{ num: 1, from: 'CN/1', to: 'CN/6', totnum: 6, cancel: 1, net_issue: 5 }] },
      ],
    });
  });

  it('writes the nature text of the last nature exactly', () => {
    const { json } = mapRows('doc_issue', [docs(12, { totnum: 2, cancel: 2 })]);
    expect(json).toEqual({
      doc_det: [{
        doc_num: 12,
        doc_typ: 'Delivery Challan in case other than by way of supply (excluding at S no. 9 to 11)',
        docs: [{ num: 1, from: 'A/1', to: 'A/10', totnum: 2, cancel: 2, net_issue: 0 }],
      }],
    });
  });

  it('rejects a row whose nature is not one of the twelve', () => {
    const { accepted, findings } = mapRows('doc_issue', [docs(13, {})]);
    expect(accepted).toEqual([false]);
    expect(findings.items[0]).toMatchObject({ code: 'CELL_INVALID_CHOICE', column: 'Nature of Document', row: 5 });
  });

  it('round-trips through template rows', () => {
    const first = mapRows('doc_issue', [docs(1, {}), docs(4, { docFrom: 'DN/1', docTo: 'DN/2', totnum: 2 }), docs(1, { docFrom: 'B/1', docTo: 'B/5', totnum: 5, cancel: 5 })]);
    const { rows, mapped } = roundTrip('doc_issue', first.json);
    expect(rows[1]).toEqual({ sheet: 'docs', values: { docNature: 1, docFrom: 'B/1', docTo: 'B/5', totnum: 5, cancel: 5 } });
    expect(mapped.json).toEqual(first.json);
  });
});
