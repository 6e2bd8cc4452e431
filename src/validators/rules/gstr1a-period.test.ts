import { describe, expect, it } from 'vitest';
import { brief, IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './gstr1a-period.js';

const rows = [makeRow('b2b', { ctin: IDS.recipient, inum: 'A1', idt: '2024-06-05' })];

describe('rule: GSTR1A_PERIOD', () => {
  it('GSTR-1A exists from the July 2024 period: none for June 2024', async () => {
    expect(await runRules(rule, rows, { period: '072024', form: 'gstr1a' })).toEqual([]);
    const f = await runRules(rule, rows, { period: '062024', form: 'gstr1a' });
    expect(f.map((x) => brief(x, true))).toEqual([{ code: 'GSTR1A_PERIOD', severity: 'error', params: { period: '062024' } }]);
  });

  it('says nothing of a GSTR-1 of the same period', async () => {
    expect(await runRules(rule, rows, { period: '062024' })).toEqual([]);
  });
});
