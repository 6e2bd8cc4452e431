import { describe, expect, it } from 'vitest';
import type { SheetStats } from '../../parsers/rows.js';
import { messageOf } from '../../report/messages/index.js';
import { IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './return-empty.js';

const sheet = (sheetId: SheetStats['sheetId'], read = 0, rejected = 0, skipped = 0): SheetStats => ({ file: 'gstr1.xlsx', sheet: sheetId, sheetId, read, rejected, skipped });

describe('rule: RETURN_EMPTY', () => {
  it('warns when every sheet read holds no row (the blank template): the return would be a nil return', async () => {
    const [f, ...more] = await runRules(rule, [], { stats: [sheet('b2b'), sheet('b2cs'), sheet('docs', 0, 0, 1)] });
    expect(more).toEqual([]);
    expect(f).toMatchObject({ code: 'RETURN_EMPTY', severity: 'warning', params: { sheets: 3 } });
    expect(messageOf(f!)).toBe('No row of the 3 sheet(s) read holds a supply, a document or a Table 13 line: the return would be empty (a nil return)');
  });

  it('is quiet when a row was read, or refused (its own finding says why), or nothing was read at all', async () => {
    const b2b = makeRow('b2b', { ctin: IDS.recipient, inum: 'A', rt: 18, txval: 1000 }, 5);
    expect(await runRules(rule, [b2b], { stats: [sheet('b2b', 1), sheet('b2cs')] })).toEqual([]);
    expect(await runRules(rule, [], { stats: [sheet('b2b', 0, 1), sheet('b2cs')] })).toEqual([]);
    expect(await runRules(rule, [], { stats: [sheet('docs', 1)] })).toEqual([]);
    expect(await runRules(rule, [], { stats: [] })).toEqual([]);
  });
});
