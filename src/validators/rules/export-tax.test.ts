import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './export-tax.js';

describe('rule: EXP_TYPE_TAX', () => {
  it('flags cess on exports without payment and on EXPWOP notes', async () => {
    const f = await runRules(rule, [
      makeRow('exp', { expTyp: 'WOPAY', inum: 'E1', rt: 18, txval: 100 }, 5),
      makeRow('exp', { expTyp: 'WOPAY', inum: 'E2', rt: 18, txval: 100, csamt: 25000 }, 6),
      makeRow('exp', { expTyp: 'WPAY', inum: 'E3', rt: 18, txval: 100, csamt: 25000 }, 7),
      makeRow('cdnur', { urType: 'EXPWOP', ntNum: 'C1', rt: 0, txval: 100, csamt: 100 }, 8),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'EXP_TYPE_TAX', severity: 'error', row: 6, column: 'Cess Amount', params: { type: 'WOPAY' } },
      { code: 'EXP_TYPE_TAX', severity: 'error', row: 8, column: 'Cess Amount', params: { type: 'EXPWOP' } },
    ]);
  });
});
