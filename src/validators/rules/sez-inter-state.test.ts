import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './sez-inter-state.js';

describe('rule: RET191189', () => {
  it('flags intra-State nil/exempt amounts of an SEZ supplier', async () => {
    const rows = [
      makeRow('exemp', { nilDesc: 'INTRB2B', nilAmt: 500000 }, 5),
      makeRow('exemp', { nilDesc: 'INTRAB2C', nilAmt: 0, exptAmt: 20000 }, 6),
      makeRow('exemp', { nilDesc: 'INTRAB2B', nilAmt: 0 }, 7),
    ];
    const f = await runRules(rule, rows, { sez: true });
    expect(f.map((x) => brief(x))).toEqual([
      { code: 'RET191189', severity: 'error', row: 6, column: 'Exempted(other than nil rated/non GST supply)' },
    ]);
    expect(await runRules(rule, rows)).toEqual([]);
  });
});
