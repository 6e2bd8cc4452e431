import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './note-date.js';

describe('rule: RET191126', () => {
  it('flags a note dated after the period, before GST or before registration', async () => {
    const f = await runRules(
      rule,
      [
        makeRow('cdnr', { ntNum: 'A', ntDt: '2025-03-10' }, 5),
        makeRow('cdnr', { ntNum: 'B', ntDt: '2025-04-02' }, 6),
        makeRow('cdnur', { ntNum: 'C', ntDt: '2017-01-02' }, 7),
        makeRow('cdnra', { ontNum: 'D', ontDt: '2018-12-31', ntNum: 'D1', ntDt: '2025-03-01' }, 8),
      ],
      { registrationDate: '2019-01-01' },
    );
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RET191126', severity: 'error', row: 6, column: 'Note Date', params: { reason: 'after-period', limit: '31-03-2025' } },
      { code: 'RET191126', severity: 'error', row: 7, column: 'Note Date', params: { reason: 'before-gst', limit: '01-07-2017' } },
      { code: 'RET191126', severity: 'error', row: 8, column: 'Original Note Date', params: { reason: 'before-registration', limit: '01-01-2019' } },
    ]);
  });
});
