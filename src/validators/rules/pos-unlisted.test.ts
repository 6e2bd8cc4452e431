import { describe, expect, it } from 'vitest';
import { brief, IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './pos-unlisted.js';

describe('rule: POS_UNLISTED', () => {
  it('leaves 28 (old Andhra Pradesh) to RET191112, which refuses it: the JSON schema has no 28', async () => {
    const f = await runRules(rule, [makeRow('b2cs', { typ: 'OE', pos: '37' }, 5), makeRow('b2cs', { typ: 'OE', pos: '28' }, 6)]);
    expect(f.map((x) => brief(x, true))).toEqual([]);
  });

  it('issue 16: warns on 96 outside b2b/b2ba/cdnr/cdnra (the Offline Tool drop-down), not inside', async () => {
    const f = await runRules(rule, [
      makeRow('b2b', { ctin: IDS.recipient, pos: '96' }, 5),
      makeRow('cdnra', { ctin: IDS.recipient, pos: '96' }, 6),
      makeRow('b2cl', { pos: '96' }, 7),
      makeRow('b2cla', { opos: '96' }, 8),
    ]);
    expect(f.map((x) => [x.row, x.column, x.params?.reason])).toEqual([
      [7, 'Place Of Supply', 'foreign-sheet'],
      [8, 'Original Place Of Supply', 'foreign-sheet'],
    ]);
  });
});
