import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './docnum-zero-like.js';

describe('rule: DOCNUM_ZERO_LIKE', () => {
  it('issue 16: warns on "0/0" and "0-0" (the Offline Tool accepts them), not on "000" (an error) or a real number', async () => {
    const f = await runRules(rule, [
      makeRow('cdnr', { ntNum: '0/0' }, 5),
      makeRow('b2b', { inum: '000' }, 6),
      makeRow('b2ba', { oinum: 'INV/0001', inum: '0-0' }, 7),
      makeRow('b2b', { inum: 'INV/10' }, 8),
      makeRow('docs', { docFrom: '0/0', docTo: '100' }, 9),
    ]);
    expect(f.map((x) => brief(x))).toEqual([
      { code: 'DOCNUM_ZERO_LIKE', severity: 'warning', row: 5, column: 'Note Number' },
      { code: 'DOCNUM_ZERO_LIKE', severity: 'warning', row: 7, column: 'Revised Invoice Number' },
    ]);
  });
});
