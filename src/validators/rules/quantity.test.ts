import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './quantity.js';

describe('rule: RET191355', () => {
  it('allows 2 decimals and negatives, not 3 decimals or 14 digits', async () => {
    const f = await runRules(rule, [
      makeRow('hsnb2b', { hsn: '8471', qty: '12.5' }, 5),
      makeRow('hsnb2b', { hsn: '8472', qty: '1.125' }, 6),
      makeRow('hsnb2b', { hsn: '8473', qty: '-3' }, 7),
      makeRow('hsnb2b', { hsn: '8474', qty: '12345678901234' }, 8),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RET191355', severity: 'error', row: 6, column: 'Total Quantity', params: { reason: 'format' } },
      { code: 'RET191355', severity: 'error', row: 8, column: 'Total Quantity', params: { reason: 'format' } },
    ]);
  });

  it('from May 2025 wants quantity 0 for services', async () => {
    const rows = [makeRow('hsnb2c', { hsn: '998314', qty: '0' }, 5), makeRow('hsnb2c', { hsn: '998313', qty: '3' }, 6)];
    expect((await runRules(rule, rows, { period: '052025' })).map((x) => [x.row, x.params?.reason])).toEqual([[6, 'service']]);
    expect(await runRules(rule, rows, { period: '042025' })).toEqual([]);
  });
});
