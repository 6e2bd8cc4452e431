import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './pos-export-blank.js';

describe('rule: POS_EXPORT_NOT_BLANK', () => {
  it('flags a POS on an export note, not on a B2CL note or a blank one', async () => {
    const f = await runRules(rule, [
      makeRow('cdnur', { urType: 'EXPWP', ntNum: 'C1' }, 5),
      makeRow('cdnur', { urType: 'EXPWOP', ntNum: 'C2', pos: '27' }, 6),
      makeRow('cdnur', { urType: 'B2CL', ntNum: 'C3', pos: '29' }, 7),
      makeRow('cdnura', { urType: 'EXPWP', ntNum: 'C4', pos: '29' }, 8),
    ]);
    expect(f.map((x) => brief(x))).toEqual([
      { code: 'POS_EXPORT_NOT_BLANK', severity: 'error', row: 6, column: 'Place Of Supply' },
      { code: 'POS_EXPORT_NOT_BLANK', severity: 'error', row: 8, column: 'Place Of Supply' },
    ]);
  });
});
