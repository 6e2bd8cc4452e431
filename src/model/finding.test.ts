import { describe, expect, it } from 'vitest';
import { byPlace, type Finding } from './finding.js';

const f = (code: string, at: Partial<Finding> = {}): Finding => ({ code, severity: 'error', ...at });

describe('byPlace: findings in the order a reader works through them', () => {
  it('by file as given, sheet as read, then row; a sheet\'s own first, the return\'s own last, ties as made', () => {
    const sheets = [{ file: 'a.xlsx', sheet: 'b2b' }, { file: 'a.xlsx', sheet: 'cdnr' }, { file: 'b.csv', sheet: 'hsn' }];
    const made = [
      f('RETURN_LEVEL'),
      f('B_ROW_2', { file: 'b.csv', sheet: 'hsn', row: 2 }),
      f('CDNR_ROW_5', { file: 'a.xlsx', sheet: 'cdnr', row: 5 }),
      f('B2B_ROW_9', { file: 'a.xlsx', sheet: 'b2b', row: 9 }),
      f('B2B_ROW_3_RULE', { file: 'a.xlsx', sheet: 'b2b', row: 3 }),
      f('B2B_ROW_3_PASS', { file: 'a.xlsx', sheet: 'b2b', row: 3 }),
      f('B2B_HEADER', { file: 'a.xlsx', sheet: 'b2b' }),
      f('A_FILE', { file: 'a.xlsx' }),
      f('LAST_SHEET_UNREAD', { file: 'a.xlsx', sheet: 'notes', row: 1 }),
    ];
    expect(byPlace(made, ['a.xlsx', 'b.csv'], sheets).map((x) => x.code)).toEqual([
      'A_FILE', 'B2B_HEADER', 'B2B_ROW_3_RULE', 'B2B_ROW_3_PASS', 'B2B_ROW_9', 'CDNR_ROW_5', 'LAST_SHEET_UNREAD', 'B_ROW_2', 'RETURN_LEVEL',
    ]);
  });

  it('gives back the same list when it is in order already (no copy)', () => {
    const made = [f('X', { file: 'a.csv', sheet: 'b2b', row: 2 }), f('Y', { file: 'a.csv', sheet: 'b2b', row: 2 }), f('Z')];
    expect(byPlace(made, ['a.csv'], [{ file: 'a.csv', sheet: 'b2b' }])).toBe(made);
  });
});
