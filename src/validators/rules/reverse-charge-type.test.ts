import { describe, expect, it } from 'vitest';
import { brief, IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './reverse-charge-type.js';

describe('rule: INVTYPE_RCHRG', () => {
  it('wants N for deemed exports and Y for intra-State supplies attracting IGST', async () => {
    const f = await runRules(rule, [
      makeRow('b2b', { ctin: IDS.recipient, invTyp: 'DE', rchrg: 'N' }, 5),
      makeRow('b2b', { ctin: IDS.recipient, invTyp: 'DE', rchrg: 'Y' }, 6),
      makeRow('cdnr', { ctin: IDS.recipient, invTyp: 'CBW', rchrg: 'N' }, 7),
      makeRow('cdnr', { ctin: IDS.recipient, invTyp: 'CBW', rchrg: 'Y' }, 8),
      makeRow('b2b', { ctin: IDS.recipient, invTyp: 'R', rchrg: 'Y' }, 9),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'INVTYPE_RCHRG', severity: 'warning', row: 6, column: 'Reverse Charge', params: { type: 'DE', expected: 'N' } },
      { code: 'INVTYPE_RCHRG', severity: 'warning', row: 7, column: 'Reverse Charge', params: { type: 'CBW', expected: 'Y' } },
    ]);
  });
});
