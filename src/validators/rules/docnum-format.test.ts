import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './docnum-format.js';

describe('rule: DOCNUM_FORMAT', () => {
  it('flags spaces, other signs and more than 16 characters', async () => {
    const f = await runRules(rule, [
      makeRow('b2b', { inum: 'INV/2025-26/0001' }, 5),
      makeRow('b2b', { inum: 'INV 7' }, 6),
      makeRow('b2cl', { inum: 'INV_7' }, 7),
      makeRow('exp', { inum: 'INV/2025-26/00001' }, 8),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'DOCNUM_FORMAT', severity: 'error', row: 6, column: 'Invoice Number', params: { reason: 'characters' } },
      { code: 'DOCNUM_FORMAT', severity: 'error', row: 7, column: 'Invoice Number', params: { reason: 'characters' } },
      { code: 'DOCNUM_FORMAT', severity: 'error', row: 8, column: 'Invoice Number', params: { reason: 'length', length: 17 } },
    ]);
  });

  it('checks original and revised numbers, note numbers and Table 13 serials', async () => {
    const f = await runRules(rule, [
      makeRow('b2ba', { oinum: 'OLD#1', inum: 'NEW/1' }, 5),
      makeRow('cdnra', { ontNum: 'CN/1', ntNum: 'CN 1R' }, 6),
      makeRow('docs', { docFrom: 'A/1', docTo: 'A/100' }, 7),
      makeRow('docs', { docFrom: 'A.1', docTo: 'A/100' }, 8),
    ]);
    expect(f.map((x) => [x.row, x.column])).toEqual([
      [5, 'Original Invoice Number'],
      [6, 'Revised Note Number'],
      [8, 'Sr. No. From'],
    ]);
  });
});
