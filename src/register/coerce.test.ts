/** The register's own vocabularies for the issue 13 columns: advances as document types, original months, suppliers. */
import { describe, expect, it } from 'vitest';
import { coerceRegisterCell, parseDocType, parseMonth } from './coerce.js';

describe('register coercion: advances, original months, Table 15 suppliers', () => {
  it('reads advances received and adjusted as document types, before invoices and notes', () => {
    expect(['Advance Received', 'Receipt Voucher', 'Receipt', 'Advance'].map(parseDocType)).toEqual(['AR', 'AR', 'AR', 'AR']);
    expect(['Advance Adjusted', 'Adjustment of Advance', 'Advances adjusted'].map(parseDocType)).toEqual(['AA', 'AA', 'AA']);
    expect(['Tax Invoice', 'Credit Note', 'Journal'].map(parseDocType)).toEqual(['INV', 'C', undefined]);
  });

  it('reads an original month in the usual spellings, as financial year and month', () => {
    const sep = { fy: 2025, month: 9 };
    for (const t of ['September 2025', 'Sep-25', 'SEP 2025', '09-2025', '9/2025', '2025-09', '092025', '15-09-2025']) expect(parseMonth(t), t).toEqual(sep);
    // January to March belong to the financial year that began the April before
    expect(parseMonth('March 2025')).toEqual({ fy: 2024, month: 3 });
    expect(parseMonth(new Date(Date.UTC(2024, 3, 1)))).toEqual({ fy: 2024, month: 4 });
    for (const t of ['Sept', '13-2025', 'Smarch 2025', '2025']) expect(parseMonth(t), t).toBeUndefined();
    expect(coerceRegisterCell('origMonth', 'Q2')).toMatchObject({ ok: false, code: 'REGISTER_MONTH' });
  });

  it('keeps an unregistered supplier apart from a blank cell: URP', () => {
    expect(coerceRegisterCell('stin', ' 27aakfk5521c1zk ')).toEqual({ ok: true, value: '27AAKFK5521C1ZK' });
    expect(coerceRegisterCell('stin', 'Unregistered')).toEqual({ ok: true, value: 'URP' });
    expect(coerceRegisterCell('stin', 'URP')).toEqual({ ok: true, value: 'URP' });
  });
});

describe('register coercion: quantities', () => {
  it('reads a number cell as Excel shows it, without binary float noise', () => {
    // =4949.9+0.1 is cached as 4950.000000000001; Excel shows 4950
    expect(coerceRegisterCell('qty', 4950.000000000001)).toEqual({ ok: true, value: { qty: '4950' } });
    expect(coerceRegisterCell('qty', 0.1 + 0.2)).toEqual({ ok: true, value: { qty: '0.3' } });
    expect(coerceRegisterCell('qty', 12.345)).toEqual({ ok: true, value: { qty: '12.345' } });
  });
});
