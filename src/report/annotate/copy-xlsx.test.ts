/** The copy of one workbook written to a sink that fails: the sink's failure, never the input's. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyXlsx } from './copy-xlsx.js';

const XLSX = resolve(import.meta.dirname, '../../../test/fixtures/xlsx/openpyxl-mixed.xlsx');

describe('copyXlsx', () => {
  it('a sink that cannot take the bytes fails with its own error, not FILE_UNREADABLE naming the input', async () => {
    const quota = new Error('QuotaExceededError: the browser has no room left');
    const finding = { code: 'CELL_REQUIRED', severity: 'error' as const, file: XLSX, sheet: 'b2b,sez,de', row: 5, col: 1 };
    const copy = copyXlsx(XLSX, [finding], async () => Promise.reject(quota), 10);
    await expect(copy).rejects.toBe(quota);
  });
});
