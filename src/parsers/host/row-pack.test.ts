import { describe, expect, it } from 'vitest';
import type { RawRow } from '../raw.js';
import { packRows, transferList, unpackRows } from './row-pack.js';

describe('packRows / unpackRows', () => {
  it('give back every kind of cell, in place, with gaps, row numbers beyond 32 bits and empty rows', () => {
    const rows: RawRow[] = [
      { row: 4, cells: ['GSTIN', null, 12.5, -0, new Date(Date.UTC(2025, 9, 5)), true, false] },
      { row: 5, cells: [] },
      { row: 99_999_999_999, cells: [null, { error: '#N/A' }, { error: '', uncalculated: true }, '', 'हिंदी 🙂', 1e300, new Date(-1)] },
    ];
    const packed = packRows(rows);
    expect(transferList(packed)).toHaveLength(3);
    const back = unpackRows(structuredClone(packed, { transfer: transferList(packed) }));
    expect(back).toEqual(rows);
    expect(Object.is(back[0]!.cells[3], -0)).toBe(true);
    expect(back[2]!.cells[2]).toStrictEqual({ error: '', uncalculated: true });
    expect(back[2]!.cells[1]).toStrictEqual({ error: '#N/A' });
  });

  it('an empty batch', () => {
    expect(unpackRows(packRows([]))).toEqual([]);
  });
});
