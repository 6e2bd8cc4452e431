import { describe, expect, it } from 'vitest';
import { OptionError } from '../model/errors.js';
import { refuseTimeBarred, refuseTimeBarredRun } from './time-bar.js';
import { messageOf } from '../report/messages/index.js';

describe('upload: time bar (issue 16, s.37(5))', () => {
  it('refuses a return more than three years past its (quarterly) due date, naming both dates', () => {
    expect(() => refuseTimeBarred('122022', 'gstr1', '2026-01-14')).toThrow(OptionError);
    try {
      refuseTimeBarred('122022', 'gstr1', '2026-01-14');
    } catch (e) {
      expect((e as OptionError).params).toEqual({ period: '122022', due: '13-01-2023', bar: '13-01-2026' });
    }
  });

  it('names the GSTR-1A when that is what is being filed', () => {
    try {
      refuseTimeBarred('082024', 'gstr1a', '2027-09-14');
      expect.unreachable();
    } catch (e) {
      expect((e as OptionError).params).toEqual({ period: '082024', due: '13-09-2024', bar: '13-09-2027', form: 'gstr1a' });
      expect(messageOf(e as OptionError)).toMatch(/a GSTR-1A included, cannot be furnished after 13-09-2027/);
    }
  });

  it('counts days by the Indian calendar: 20:00 UTC on the last day is already the next day in India', () => {
    const at = (iso: string) => () => refuseTimeBarredRun({ period: '122022', clock: { now: () => Date.parse(iso) } });
    expect(at('2026-01-13T18:29:00Z')).not.toThrow();
    expect(at('2026-01-13T20:00:00Z')).toThrow(OptionError);
  });

  it('lets it through on the last day, and a malformed period to the period check', () => {
    expect(() => refuseTimeBarred('122022', 'gstr1', '2026-01-13')).not.toThrow();
    expect(() => refuseTimeBarred('132022', 'gstr1', '2030-01-01')).not.toThrow();
  });
});
