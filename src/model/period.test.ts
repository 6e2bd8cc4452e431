/** The day in India: a return is filed, and a document dated, by the Indian calendar. */
import { describe, expect, it } from 'vitest';
import { indiaToday } from './period.js';

describe('indiaToday', () => {
  it('is the next day from 00:00 IST (18:30 UTC), while UTC still has the day before', () => {
    expect(indiaToday(Date.parse('2026-12-06T18:29:59Z'))).toBe('2026-12-06');
    expect(indiaToday(Date.parse('2026-12-06T18:30:00Z'))).toBe('2026-12-07');
    expect(indiaToday(Date.parse('2026-12-31T20:00:00Z'))).toBe('2027-01-01');
  });
});
