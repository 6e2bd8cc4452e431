import { describe, expect, it } from 'vitest';
import { brief, IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './eco-sign.js';

describe('rule: ECO_SIGN', () => {
  it('wants the value and taxes of a row all positive or all negative', async () => {
    const f = await runRules(rule, [
      makeRow('eco', { etin: IDS.tcs, suppval: 1000000, iamt: 180000 }, 5),
      makeRow('eco', { etin: IDS.tcs, suppval: -1000000, camt: -90000, samt: -90000 }, 6),
      makeRow('eco', { etin: IDS.tcs, suppval: 1000000, iamt: -180000 }, 7),
    ]);
    expect(f.map((x) => brief(x))).toEqual([{ code: 'ECO_SIGN', severity: 'error', row: 7, column: 'Integrated tax' }]);
  });
});
