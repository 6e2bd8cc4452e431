import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './b2cs-type-e.js';

describe('rule: B2CS_TYPE_E', () => {
  it('flags Type E, not OE', async () => {
    const f = await runRules(rule, [
      makeRow('b2cs', { typ: 'OE', pos: '27', rt: 18, txval: 100 }, 5),
      makeRow('b2cs', { typ: 'E', pos: '27', rt: 18, txval: 100 }, 6),
      makeRow('b2csa', { typ: 'E', pos: '27', rt: 18, txval: 100 }, 7),
    ]);
    expect(f.map((x) => brief(x))).toEqual([
      { code: 'B2CS_TYPE_E', severity: 'error', row: 6, column: 'Type' },
      { code: 'B2CS_TYPE_E', severity: 'error', row: 7, column: 'Type' },
    ]);
  });
});
