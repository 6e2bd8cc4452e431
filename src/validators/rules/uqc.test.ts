import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './uqc.js';

describe('rule: RET191353', () => {
  it('flags a UQC outside the GST list', async () => {
    const f = await runRules(rule, [makeRow('hsn', { hsn: '8471', uqc: 'NOS' }, 5), makeRow('hsn', { hsn: '8471', uqc: 'PIECE' }, 6)], {
      period: '042025',
    });
    expect(f.map((x) => brief(x, true))).toEqual([{ code: 'RET191353', severity: 'error', row: 6, column: 'UQC', params: { reason: 'unknown' } }]);
  });

  it('from May 2025 wants NA for services and a unit for goods', async () => {
    const rows = [
      makeRow('hsnb2b', { hsn: '998314', uqc: 'NA' }, 5),
      makeRow('hsnb2b', { hsn: '998313', uqc: 'OTH' }, 6),
      makeRow('hsnb2c', { hsn: '8471', uqc: 'NA' }, 7),
      makeRow('hsnb2c', { hsn: '8471', uqc: 'NOS' }, 8),
    ];
    const f = await runRules(rule, rows, { period: '052025' });
    expect(f.map((x) => [x.row, x.column, x.params?.reason])).toEqual([
      [6, 'UQC', 'service'],
      [7, 'UQC', 'goods'],
    ]);
    expect(await runRules(rule, rows, { period: '042025' })).toEqual([]);
  });
});
