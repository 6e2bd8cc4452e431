/**
 * Dates in messages are dd-mm-yyyy, as the portal and the template show them (QA report item 9):
 * a date cell's value, kept yyyy-mm-dd in the finding, is turned round where the message prints it.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../model/finding.js';
import { columnValue, dateShown } from './date.js';
import { messageOf } from './index.js';

const at = (code: string, value: string | undefined, params: Finding['params']): Finding =>
  ({ code, severity: 'error', ...(value !== undefined ? { value } : {}), params }) as Finding;

describe('dateShown', () => {
  it('turns an ISO date round, and a timestamp into its UTC day and minute', () => {
    expect(dateShown('2025-10-03')).toBe('03-10-2025');
    expect(dateShown('2026-12-06T17:49:02.123Z')).toBe('06-12-2026 17:49 UTC');
  });

  it('prints anything else as it came: a date as typed, a value that is no date', () => {
    for (const v of ['03/10/2025', '03-Oct-2025', '03-10-2025', '2025-10-3', 'INV/1', '']) expect(dateShown(v)).toBe(v);
    expect(dateShown(undefined)).toBe('');
  });

  it('columnValue: only a date column\'s value is turned round', () => {
    expect(columnValue('2025-09-05', 'Document Date')).toBe('05-09-2025');
    expect(columnValue('2025-09-05', 'Invoice date')).toBe('05-09-2025');
    expect(columnValue('2025-09-05', 'Document Number')).toBe('2025-09-05');
    expect(columnValue('2025-09-05', 'Updated')).toBe('2025-09-05');
  });
});

describe('messages that print a date', () => {
  it('RET191114, RET191126: one date style in one sentence', () => {
    expect(messageOf(at('RET191114', '2025-10-03', { reason: 'after-period', limit: '30-09-2025' })))
      .toBe('Invoice date 03-10-2025 is after the return period (last day 30-09-2025)');
    expect(messageOf(at('RET191126', '2017-06-30', { reason: 'before-gst', limit: '01-07-2017' })))
      .toBe('Note date 30-06-2017 is before GST began (01-07-2017)');
    // typed otherwise, quoted as typed
    expect(messageOf(at('RET191114', '03/10/2025', { reason: 'after-period', limit: '30-09-2025' })))
      .toBe('Invoice date 03/10/2025 is after the return period (last day 30-09-2025)');
  });

  it('DATE_TOO_OLD_18M, RET191198, RET191176', () => {
    expect(messageOf(at('DATE_TOO_OLD_18M', '2023-01-15', { limit: '01-03-2024' }))).toBe('Date 15-01-2023 is more than 18 months before the return period (before 01-03-2024)');
    expect(messageOf(at('RET191198', '2025-09-02', { reason: 'date', limit: '01-09-2025' }))).toBe('Original date 02-09-2025 is not before this return period (01-09-2025 onwards)');
    expect(messageOf(at('RET191176', '2025-09-01', { reason: 'before-invoice', limit: '05-09-2025' }))).toBe('Shipping bill date 01-09-2025 is before the invoice date 05-09-2025');
  });

  it('a register\'s second date column, but not a second number column', () => {
    const differs = (field: string, value: string, readValue: string) =>
      messageOf(at('REGISTER_COLUMN_SECOND_DIFFERS', value, { field, read: 'Date', readValue, other: 'Voucher Date' }));
    expect(differs('Document Date', '2025-09-05', '2025-09-02')).toMatch(/^"Voucher Date" says "05-09-2025" where "Date", read as the Document Date, says "02-09-2025";/);
    expect(differs('Document Number', '2025-09-05', '2025-09-02')).toMatch(/says "2025-09-05" where .* says "2025-09-02";/);
    expect(messageOf(at('REGISTER_COLUMN_DUPLICATE', '2025-09-05', { field: 'Document Date', first: 'Date', firstCol: 1, second: 'Date', secondCol: 5, headerRow: 1 })))
      .toMatch(/filled too \(here "05-09-2025"\)$/);
  });

  it('a template\'s second date column', () => {
    const f = at('HEADER_DUPLICATE_COLUMN', '2025-10-03', { found: 'Invoice date', col: 9, first: 'Invoice date', firstCol: 4, expected: 'Invoice date' });
    expect(messageOf(f)).toMatch(/filled too \(here "03-10-2025"\)$/);
  });

  it('UPLOAD_LOCKED: when the other run started', () => {
    const f = at('UPLOAD_LOCKED', undefined, { file: 'x.lock', pid: 7, host: 'ops', since: '2026-12-06T17:49:02.123Z' });
    expect(messageOf(f)).toBe('Another gstr1 run (process 7 on ops, since 06-12-2026 17:49 UTC) is working on this return');
  });
});
