import { describe, expect, it } from 'vitest';
import { cellValue } from './render.js';

describe('render: dates', () => {
  it('a day of the calendar is a date cell; one the calendar does not have stays text, never rolled over', () => {
    expect(cellValue('idt', '2025-10-03')).toEqual(new Date(Date.UTC(2025, 9, 3)));
    expect(cellValue('idt', '2024-02-29')).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(cellValue('idt', '2025-09-31')).toBe('2025-09-31');
    expect(cellValue('sbdt', '2025-02-29')).toBe('2025-02-29');
    expect(cellValue('idt', '31-09-2025')).toBe('31-09-2025');
  });

  it('an amount that is not a number is shown as written', () => {
    expect(cellValue('val', 118050)).toBe(1180.5);
    expect(cellValue('val', '1180.50')).toBe('1180.50');
  });
});
