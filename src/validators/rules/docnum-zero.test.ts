import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './docnum-zero.js';

describe('rule: DOCNUM_ZERO', () => {
  it('flags numbers without a letter or non-zero digit', async () => {
    const f = await runRules(rule, [
      makeRow('b2b', { inum: 'INV/0001' }, 5),
      makeRow('b2b', { inum: '000' }, 6),
      makeRow('cdnr', { ntNum: '0/0' }, 7),
      makeRow('cdnr', { ntNum: '10' }, 8),
      makeRow('docs', { docFrom: '0', docTo: '100' }, 9),
    ]);
    expect(f.map((x) => brief(x))).toEqual([
      { code: 'DOCNUM_ZERO', severity: 'error', row: 6, column: 'Invoice Number' },
      { code: 'DOCNUM_ZERO', severity: 'error', row: 7, column: 'Note Number' },
      { code: 'DOCNUM_ZERO', severity: 'error', row: 9, column: 'Sr. No. From' },
    ]);
  });
});
