import { describe, expect, it } from 'vitest';
import { diffPercentFromJson, fromPortalDate, isCalendarDay, paise, portalDateToIso } from './convert.js';

describe('convert: values read from a JSON', () => {
  it('a dd-mm-yyyy date of the calendar becomes ISO; anything else is kept as written, never rolled over', () => {
    expect(fromPortalDate('03-10-2025')).toBe('2025-10-03');
    expect(fromPortalDate('29-02-2024')).toBe('2024-02-29');
    // not a day: 31 September, 35 October, 29 February of a common year
    expect(fromPortalDate('31-09-2025')).toBe('31-09-2025');
    expect(fromPortalDate('35-10-2025')).toBe('35-10-2025');
    expect(fromPortalDate('29-02-2025')).toBe('29-02-2025');
    // not the portal's spelling: an ISO date is not sliced into 0-03-5--20
    expect(fromPortalDate('2025-10-03')).toBe('2025-10-03');
    expect(portalDateToIso('2025-10-03')).toBeUndefined();
    expect(portalDateToIso('3-10-2025')).toBeUndefined();
    expect(portalDateToIso(20251003)).toBeUndefined();
  });

  it('isCalendarDay on both sides of a month end', () => {
    expect(isCalendarDay(2025, 9, 30)).toBe(true);
    expect(isCalendarDay(2025, 9, 31)).toBe(false);
    expect(isCalendarDay(2024, 2, 29)).toBe(true);
    expect(isCalendarDay(2025, 2, 29)).toBe(false);
    expect(isCalendarDay(2025, 13, 1)).toBe(false);
    expect(isCalendarDay(2025, 1, 0)).toBe(false);
  });

  it('an amount that is not a number is passed on as written, never 0; an absent one is 0', () => {
    expect(paise(1180.5)).toBe(118050);
    // more than 2 decimals: the text as written, not rounded to 1180.01
    expect(paise(1180.005)).toBe('1180.005');
    expect(paise(-0.125)).toBe('-0.125');
    expect(paise('1180.50')).toBe('1180.50');
    expect(paise(true)).toBe(true);
    expect(paise(undefined)).toBe(0);
    expect(paise(null)).toBe(0);
  });

  it('diff_percent: 0.65 is 65 %, absent the full rate; any other value is kept, not read as the full rate', () => {
    expect(diffPercentFromJson(0.65)).toBe(65);
    expect(diffPercentFromJson(undefined)).toBe(100);
    expect(diffPercentFromJson(65)).toBe(65);
    expect(diffPercentFromJson('0.65')).toBe('0.65');
    expect(diffPercentFromJson(1)).toBe(1);
  });
});
