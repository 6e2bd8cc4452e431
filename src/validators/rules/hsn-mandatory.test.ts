import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './hsn-mandatory.js';

const row = { hsn: '8471', uqc: 'NOS', qty: '1', txval: 1000 };

describe('rule: HSN_MANDATORY', () => {
  it('issue 16: from the May 2021 period the Rate is required, Total Value not', async () => {
    const f = await runRules(rule, [makeRow('hsn', { ...row, rt: 18 }, 5), makeRow('hsn', { ...row, totalValue: 1180 }, 6)], { period: '052021' });
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'HSN_MANDATORY', severity: 'error', row: 6, column: 'Rate', params: { field: 'rt' } },
    ]);
  });

  it('issue 16: up to the April 2021 period Total Value is required and the Rate optional', async () => {
    const f = await runRules(rule, [makeRow('hsn', { ...row, totalValue: 1180 }, 5), makeRow('hsn', { ...row, rt: 18 }, 6)], { period: '042021' });
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'HSN_MANDATORY', severity: 'error', row: 6, column: 'Total Value', params: { field: 'val' } },
    ]);
  });
});
