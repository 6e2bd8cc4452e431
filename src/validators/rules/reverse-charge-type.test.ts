import { describe, expect, it } from 'vitest';
import { brief, IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './reverse-charge-type.js';

describe('rule: INVTYPE_RCHRG', () => {
  it('issue 16 (Offline Tool validateNoteSupplyType): an error unless N for deemed exports and Y for intra-State supplies attracting IGST', async () => {
    const f = await runRules(rule, [
      makeRow('b2b', { ctin: IDS.recipient, invTyp: 'DE', rchrg: 'N' }, 5),
      makeRow('b2b', { ctin: IDS.recipient, invTyp: 'DE', rchrg: 'Y' }, 6),
      makeRow('cdnr', { ctin: IDS.recipient, invTyp: 'CBW', rchrg: 'N' }, 7),
      makeRow('cdnr', { ctin: IDS.recipient, invTyp: 'CBW', rchrg: 'Y' }, 8),
      makeRow('b2b', { ctin: IDS.recipient, invTyp: 'R', rchrg: 'Y' }, 9),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'INVTYPE_RCHRG', severity: 'error', row: 6, column: 'Reverse Charge', params: { type: 'DE', expected: 'N' } },
      { code: 'INVTYPE_RCHRG', severity: 'error', row: 7, column: 'Reverse Charge', params: { type: 'CBW', expected: 'Y' } },
    ]);
  });

  it('issue 16: an SEZ supply, with or without payment, under reverse charge is an error; without it passes', async () => {
    const f = await runRules(rule, [
      makeRow('b2b', { ctin: IDS.recipient, invTyp: 'SEWP', rchrg: 'N' }, 5),
      makeRow('b2ba', { ctin: IDS.recipient, invTyp: 'SEWOP', rchrg: 'Y' }, 6),
      makeRow('cdnra', { ctin: IDS.recipient, invTyp: 'SEWP', rchrg: 'Y' }, 7),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'INVTYPE_RCHRG', severity: 'error', row: 6, column: 'Reverse Charge', params: { type: 'SEWOP', expected: 'N' } },
      { code: 'INVTYPE_RCHRG', severity: 'error', row: 7, column: 'Reverse Charge', params: { type: 'SEWP', expected: 'N' } },
    ]);
  });
});
