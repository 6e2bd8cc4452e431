import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './duplicate-document.js';

describe('rule: RET191190', () => {
  it('lets the lines of one invoice share its number, and flags it in another section (any case)', async () => {
    const f = await runRules(rule, [
      makeRow('b2b', { inum: 'INV/1', rt: 18 }, 5),
      makeRow('b2b', { inum: 'INV/1', rt: 12 }, 6),
      makeRow('b2b', { inum: 'INV/2', rt: 18 }, 7),
      makeRow('b2cl', { inum: 'inv/1' }, 5),
      makeRow('exp', { inum: 'INV/3' }, 5),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      {
        code: 'RET191190', severity: 'error', row: 5, column: 'Invoice Number',
        params: { number: 'inv/1', firstSheet: 'b2b,sez,de', firstFile: 'gstr1.xlsx', firstRow: 5 },
      },
    ]);
    expect(f[0]!.sheet).toBe('b2cl');
  });

  it('flags the same number in the same sheet of another file', async () => {
    const f = await runRules(rule, [
      makeRow('cdnr', { ntNum: 'CN/1' }, 5, 'april.xlsx'),
      makeRow('cdnr', { ntNum: 'CN/2' }, 6, 'april.xlsx'),
      makeRow('cdnr', { ntNum: 'CN/1' }, 5, 'may.xlsx'),
    ]);
    expect(f.map((x) => [x.file, x.row, x.column])).toEqual([['may.xlsx', 5, 'Note Number']]);
  });

  it('keeps invoices, notes and amendments in separate series', async () => {
    const f = await runRules(rule, [
      makeRow('b2b', { inum: 'X/1' }, 5),
      makeRow('cdnr', { ntNum: 'X/1' }, 5),
      makeRow('b2ba', { oinum: 'X/1', inum: 'X/1' }, 5),
      makeRow('cdnura', { ontNum: 'X/1', ntNum: 'X/1' }, 5),
    ]);
    expect(f).toEqual([]);
  });
});
