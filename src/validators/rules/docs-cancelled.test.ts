import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './docs-cancelled.js';

describe('rule: DOCS_CANCELLED', () => {
  it('flags cancelled above the total and negative counts', async () => {
    const f = await runRules(rule, [
      makeRow('docs', { docFrom: 'A1', docTo: 'A120', totnum: 120, cancel: 3 }, 5),
      makeRow('docs', { docFrom: 'B1', docTo: 'B3', totnum: 3, cancel: 5 }, 6),
      makeRow('docs', { docFrom: 'C1', docTo: 'C3', totnum: -3, cancel: 0 }, 7),
      makeRow('docs', { docFrom: 'D1', docTo: 'D3', totnum: 3, cancel: -1 }, 8),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'DOCS_CANCELLED', severity: 'error', row: 6, column: 'Cancelled', params: { reason: 'more-than-total' } },
      { code: 'DOCS_CANCELLED', severity: 'error', row: 7, column: 'Total Number', params: { reason: 'negative' } },
      { code: 'DOCS_CANCELLED', severity: 'error', row: 8, column: 'Cancelled', params: { reason: 'negative' } },
    ]);
  });
});
