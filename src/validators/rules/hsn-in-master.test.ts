import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './hsn-in-master.js';

describe('rule: RET191349', () => {
  it('from May 2025 flags codes that are not in the GSTN master', async () => {
    const rows = [
      makeRow('hsnb2b', { hsn: '84713010' }, 5),
      makeRow('hsnb2b', { hsn: '84719999' }, 6),
      makeRow('hsnb2c', { hsn: '0101' }, 7),
      makeRow('hsnb2c', { hsn: '998314' }, 8),
    ];
    const f = await runRules(rule, rows, { period: '052025' });
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RET191349', severity: 'error', row: 6, column: 'HSN', params: { hsn: '84719999' } },
    ]);
  });

  it('does not apply before May 2025', async () => {
    expect(await runRules(rule, [makeRow('hsn', { hsn: '84719999' })], { period: '042025' })).toEqual([]);
  });
});
