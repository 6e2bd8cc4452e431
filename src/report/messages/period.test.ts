import { describe, expect, it } from 'vitest';
import { periodInWords } from './period.js';

describe('periodInWords', () => {
  it('names the month of an MMYYYY period', () => {
    expect(periodInWords('102025')).toBe('October 2025');
    expect(periodInWords('012024')).toBe('January 2024');
    expect(periodInWords('072017')).toBe('July 2017');
  });

  it('names a quarterly filer\'s quarter by its months and its financial-year quarter', () => {
    expect(periodInWords('062025', true)).toBe('April–June 2025 (Q1 of 2025-26)');
    expect(periodInWords('092025', true)).toBe('July–September 2025 (Q2 of 2025-26)');
    expect(periodInWords('122025', true)).toBe('October–December 2025 (Q3 of 2025-26)');
    expect(periodInWords('032026', true)).toBe('January–March 2026 (Q4 of 2025-26)');
    // an IFF month of a quarterly filer is a month
    expect(periodInWords('052025', true)).toBe('May 2025');
  });

  it('prints anything that is not a period as it came', () => {
    expect(periodInWords('Q2-2025-26')).toBe('Q2-2025-26');
    expect(periodInWords('132025')).toBe('132025');
    expect(periodInWords(undefined)).toBe('');
  });
});
