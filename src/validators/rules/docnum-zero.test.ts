import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './docnum-zero.js';

describe('rule: DOCNUM_ZERO', () => {
  it('flags numerically zero document numbers and Table 13 serials without a letter or non-zero digit', async () => {
    const f = await runRules(rule, [
      makeRow('b2b', { inum: 'INV/0001' }, 5),
      makeRow('b2b', { inum: '000' }, 6),
      makeRow('cdnr', { ntNum: '10' }, 8),
      makeRow('docs', { docFrom: '0', docTo: '100' }, 9),
      makeRow('docs', { docFrom: '1', docTo: '0/0' }, 10),
    ]);
    expect(f.map((x) => brief(x))).toEqual([
      { code: 'DOCNUM_ZERO', severity: 'error', row: 6, column: 'Invoice Number' },
      { code: 'DOCNUM_ZERO', severity: 'error', row: 9, column: 'Sr. No. From' },
      { code: 'DOCNUM_ZERO', severity: 'error', row: 10, column: 'Sr. No. To' },
    ]);
  });

  it('issue 16: leaves a document number of zeros and separators ("0/0") to the DOCNUM_ZERO_LIKE warning', async () => {
    expect(await runRules(rule, [makeRow('cdnr', { ntNum: '0/0' }, 7), makeRow('b2b', { inum: '0-0' }, 8)])).toEqual([]);
  });
});
