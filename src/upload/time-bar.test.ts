import { describe, expect, it } from 'vitest';
import { OptionError } from '../model/errors.js';
import { refuseTimeBarred } from './time-bar.js';

describe('upload: time bar (issue 16, s.37(5))', () => {
  it('refuses a return more than three years past its (quarterly) due date, naming both dates', () => {
    expect(() => refuseTimeBarred('122022', '2026-01-14')).toThrow(OptionError);
    try {
      refuseTimeBarred('122022', '2026-01-14');
    } catch (e) {
      expect((e as OptionError).params).toEqual({ period: '122022', due: '13-01-2023', bar: '13-01-2026' });
    }
  });

  it('lets it through on the last day, and a malformed period to the period check', () => {
    expect(() => refuseTimeBarred('122022', '2026-01-13')).not.toThrow();
    expect(() => refuseTimeBarred('132022', '2030-01-01')).not.toThrow();
  });
});
