import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './diff-percent.js';

describe('rule: DIFF_PERCENT', () => {
  it('allows blank (100) and 65 only, and only blank on export notes', async () => {
    const f = await runRules(rule, [
      makeRow('b2b', { inum: 'A', diffPercent: 100 }, 5),
      makeRow('b2b', { inum: 'B', diffPercent: 65 }, 6),
      makeRow('b2cs', { typ: 'OE', diffPercent: 50 }, 7),
      makeRow('cdnur', { urType: 'EXPWP', diffPercent: 65 }, 8),
      makeRow('cdnur', { urType: 'B2CL', diffPercent: 65 }, 9),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'DIFF_PERCENT', severity: 'error', row: 7, column: 'Applicable % of Tax Rate', params: { reason: 'value' } },
      { code: 'DIFF_PERCENT', severity: 'error', row: 8, column: 'Applicable % of Tax Rate', params: { reason: 'export' } },
    ]);
  });
});
