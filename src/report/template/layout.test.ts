import { describe, expect, it } from 'vitest';
import { MASTER_LISTS } from './layout.js';
import { posLabel } from '../../model/labels.js';

describe('the master sheet lists', () => {
  it('lists the places of supply with Foreign Country (96) in order of their codes', () => {
    const pos96 = MASTER_LISTS.find((l) => l.key === 'pos96')!.values;
    const codes = pos96.map((v) => String(v).slice(0, 2));
    expect(codes[0]).toBe('01');
    expect(codes.slice(-3)).toEqual(['38', '96', '97']);
    expect(codes).toEqual([...codes].sort((a, b) => Number(a) - Number(b)));
    expect(pos96).toContain(posLabel('96'));
    expect(pos96).toHaveLength(MASTER_LISTS.find((l) => l.key === 'pos')!.values.length + 1);
  });
});
