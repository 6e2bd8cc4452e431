import { describe, expect, it } from 'vitest';
import { brief, IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './pos-code.js';

describe('rule: RET191112', () => {
  it('flags a code outside the list (99) and the old Andhra Pradesh 28 (not in the JSON schema), not a listed one', async () => {
    const f = await runRules(rule, [
      makeRow('b2cs', { typ: 'OE', pos: '27' }, 5),
      makeRow('b2cs', { typ: 'OE', pos: '28' }, 6),
      makeRow('at', { pos: '99', rt: 18, adAmt: 100 }, 7),
      makeRow('at', { pos: '97', rt: 18, adAmt: 100 }, 8),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RET191112', severity: 'error', row: 6, column: 'Place Of Supply', params: { reason: 'old-ap' } },
      { code: 'RET191112', severity: 'error', row: 7, column: 'Place Of Supply', params: { reason: 'unknown' } },
    ]);
  });

  it('refuses 96 for a UIN recipient; 96 in another sheet is left to POS_UNLISTED', async () => {
    const f = await runRules(rule, [
      makeRow('b2b', { ctin: IDS.recipient, pos: '96' }, 5),
      makeRow('b2b', { ctin: IDS.uin, pos: '96' }, 6),
      makeRow('b2cl', { pos: '96' }, 7),
      makeRow('cdnra', { ctin: IDS.recipient, pos: '96' }, 8),
    ]);
    expect(f.map((x) => [x.row, x.params?.reason])).toEqual([
      [6, 'foreign-uin'],
    ]);
  });

  it('checks the original POS of b2cla and requires POS on B2CL notes', async () => {
    const f = await runRules(rule, [
      makeRow('b2cla', { opos: '00' }, 5),
      makeRow('b2cla', { opos: '29' }, 6),
      makeRow('cdnur', { urType: 'B2CL', ntNum: 'C1' }, 7),
      makeRow('cdnur', { urType: 'EXPWP', ntNum: 'C2' }, 8),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RET191112', severity: 'error', row: 5, column: 'Original Place Of Supply', params: { reason: 'unknown' } },
      { code: 'RET191112', severity: 'error', row: 7, column: 'Place Of Supply', params: { reason: 'required' } },
    ]);
  });
});
