/**
 * The rule families on a real workbook in the template layout (headers on row 4, data from
 * row 5): each defect on its own row between clean rows, found on its Excel row and column.
 */
import { describe, expect, it } from 'vitest';
import { validateFiles } from '../src/api/validate.js';
import { templateWorkbook, tempDir } from './helpers/files.js';
import { sheetSpec } from '../src/model/sheets.js';

const SUPPLIER = '27AAACR5055K1Z7';
const KA = '29AAACR5055K1Z3';
const headers = (id: Parameters<typeof sheetSpec>[0]) => sheetSpec(id).columns.map((c) => c.header);

function b2b(inum: string, over: Record<string, unknown> = {}): unknown[] {
  const v: Record<string, unknown> = {
    'GSTIN/UIN of Recipient': KA, 'Invoice Number': inum, 'Invoice date': new Date(Date.UTC(2025, 9, 6)), 'Invoice Value': 1180,
    'Place Of Supply': '29-Karnataka', 'Reverse Charge': 'N', 'Invoice Type': 'Regular B2B', Rate: 18, 'Taxable Value': 1000, ...over,
  };
  return headers('b2b').map((h) => v[h] ?? null);
}

function hsn(over: Record<string, unknown> = {}): unknown[] {
  const v: Record<string, unknown> = {
    HSN: '84713010', UQC: 'NOS-NUMBERS', 'Total Quantity': 1, Rate: 18, 'Taxable Value': 1000, 'Integrated Tax Amount': 180, ...over,
  };
  return headers('hsnb2b').map((h) => v[h] ?? null);
}

describe('validate: defects planted in a template workbook', () => {
  it('finds each defect on its Excel row and column, and nothing on clean rows', async () => {
    const dir = tempDir();
    const file = await templateWorkbook(dir, 'sales.xlsx', {
      'b2b,sez,de': {
        headers: headers('b2b'),
        rows: [
          b2b('INV/1'), // row 5: clean
          b2b('INV/2', { 'GSTIN/UIN of Recipient': '29AAACR5055K1Z5' }), // row 6: check character
          b2b('INV/3'), // row 7: clean
          b2b('INV/4', { 'Invoice date': '05-Nov-2025' }), // row 8: after the period
          b2b('INV/5', { Rate: 17 }), // row 9: not a GST rate
          b2b('INV/6', { 'Place Of Supply': '99' }), // row 10: no such state
          b2b('INV/1'), // row 11: clean continuation line of INV/1 (same rate, summed)
        ],
      },
      'hsn(b2b)': {
        headers: headers('hsnb2b'),
        rows: [hsn(), hsn({ HSN: '84713090', 'Integrated Tax Amount': 100 })], // row 6: below even the 65 % tax (117)
      },
    });
    const { result } = await validateFiles([file], { gstin: SUPPLIER, period: '102025' });
    const errors = result.findings.items.filter((f) => f.severity === 'error');
    const got = errors.map((f) => [f.sheet, f.row, f.column, f.code]);
    expect(got).toEqual(
      expect.arrayContaining([
        ['b2b,sez,de', 6, 'GSTIN/UIN of Recipient', 'RET191113'],
        ['b2b,sez,de', 8, 'Invoice date', 'RET191114'],
        ['b2b,sez,de', 9, 'Rate', 'RET191175'],
        ['b2b,sez,de', 10, 'Place Of Supply', 'RET191112'],
        ['hsn(b2b)', 6, 'Integrated Tax Amount', 'RET91708'],
      ]),
    );
    // clean rows carry no error
    for (const [sheet, row] of [['b2b,sez,de', 5], ['b2b,sez,de', 7], ['b2b,sez,de', 11], ['hsn(b2b)', 5]] as const) {
      expect(errors.filter((f) => f.sheet === sheet && f.row === row)).toEqual([]);
    }
  });
});
