import { describe, expect, it } from 'vitest';
import type { ParsedRow } from '../../parsers/rows.js';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule, { hasLetterOrNonZeroDigit } from './docnum-format.js';

describe('rule: DOCNUM_FORMAT', () => {
  it('flags spaces, other signs and more than 16 characters', async () => {
    const f = await runRules(rule, [
      makeRow('b2b', { inum: 'INV/2025-26/0001' }, 5),
      makeRow('b2b', { inum: 'INV 7' }, 6),
      makeRow('b2cl', { inum: 'INV_7' }, 7),
      makeRow('exp', { inum: 'INV/2025-26/00001' }, 8),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'DOCNUM_FORMAT', severity: 'error', row: 6, column: 'Invoice Number', params: { reason: 'characters' } },
      { code: 'DOCNUM_FORMAT', severity: 'error', row: 7, column: 'Invoice Number', params: { reason: 'characters' } },
      { code: 'DOCNUM_FORMAT', severity: 'error', row: 8, column: 'Invoice Number', params: { reason: 'length', length: 17 } },
    ]);
  });

  it('checks original and revised numbers, note numbers and Table 13 serials', async () => {
    const f = await runRules(rule, [
      makeRow('b2ba', { oinum: 'OLD#1', inum: 'NEW/1' }, 5),
      makeRow('cdnra', { ontNum: 'CN/1', ntNum: 'CN 1R' }, 6),
      makeRow('docs', { docFrom: 'A/1', docTo: 'A/100' }, 7),
      makeRow('docs', { docFrom: 'A.1', docTo: 'A/100' }, 8),
    ]);
    expect(f.map((x) => [x.row, x.column])).toEqual([
      [5, 'Original Invoice Number'],
      [6, 'Revised Note Number'],
      [8, 'Sr. No. From'],
    ]);
  });

  it('a Table 13 row derived from a register (no cells) does not repeat a number reported at a document\'s cell', async () => {
    const long = 'INV/2025-26/0000012345';
    const docs = makeRow('docs', { docFrom: long, docTo: 'INV/2025-26/0000012399' }, 1);
    // a derived row: the context of "docs (derived)", with no columns of its own
    const derived: ParsedRow = { ...docs, ctx: { ...docs.ctx, sheet: 'docs (derived)', columns: {} } };
    const f = await runRules(rule, [makeRow('b2b', { inum: long }, 5), makeRow('b2b', { inum: long }, 6), derived]);
    // each line's cell is reported; the derived From is not, its To (a number no cell holds, a cancelled voucher's) is
    expect(f.map((x) => [x.sheet, x.row, x.column, x.params?.length])).toEqual([
      ['b2b,sez,de', 5, 'Invoice Number', 22],
      ['b2b,sez,de', 6, 'Invoice Number', 22],
      ['docs (derived)', 1, undefined, 22],
    ]);
  });

  it('tells a letter or non-zero digit exactly as /[A-Za-z1-9]/ does, for every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const one = String.fromCharCode(c);
      if (hasLetterOrNonZeroDigit(one) !== /[A-Za-z1-9]/.test(one)) differ.push(c);
    }
    expect(differ).toEqual([]);
    expect(['', '0', '0/0-00', '000'].map(hasLetterOrNonZeroDigit)).toEqual([false, false, false, false]);
    expect(['INV/1', '0/0/7', '00a', '\u0011\u0019x'].map(hasLetterOrNonZeroDigit)).toEqual([true, true, true, true]);
  });
});
