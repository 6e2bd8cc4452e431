import { describe, expect, it } from 'vitest';
import { messageOf } from '../../report/messages/index.js';
import { brief, IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './ecom-period.js';

const rows = [
  makeRow('ecob2b', { stin: IDS.recipient, ctin: IDS.recipientSameState, inum: 'A' }, 5),
  makeRow('ecob2b', { stin: IDS.recipient, ctin: IDS.recipientSameState, inum: 'B' }, 6),
  makeRow('ecoab2b', { stin: IDS.recipient, ctin: IDS.recipientSameState, inum: 'C' }, 5),
];
const table14 = [makeRow('eco', { etin: IDS.recipient }, 4), makeRow('eco', { etin: IDS.recipient }, 5), makeRow('ecoa', { etin: IDS.recipient }, 4)];
const found = async (period: string) => (await runRules(rule, rows, { period })).map((x) => ({ ...brief(x, true), sheet: x.sheet }));

describe('rule: ECOM_PERIOD (dated: Table 15 from 012024, 15A from 022024)', () => {
  it('before January 2024 flags each Table 15 and 15A sheet once', async () => {
    expect(await found('122023')).toEqual([
      { code: 'ECOM_PERIOD', severity: 'error', row: 5, column: undefined, sheet: 'ecob2b', params: { table: '15', from: '012024', period: '122023' } },
      { code: 'ECOM_PERIOD', severity: 'error', row: 5, column: undefined, sheet: 'ecoab2b', params: { table: '15A', from: '022024', period: '122023' } },
    ]);
  });

  it('in January 2024 takes Table 15 but not yet 15A; from February 2024 both', async () => {
    expect((await found('012024')).map((f) => f.sheet)).toEqual(['ecoab2b']);
    expect(await found('022024')).toEqual([]);
  });

  it('Table 14 (eco) from January 2024 and 14A (ecoa) from February 2024, on both sides of each date', async () => {
    const t14 = async (period: string) => (await runRules(rule, table14, { period })).map((x) => [x.sheet, x.row, x.params?.table, x.params?.from]);
    expect(await t14('122023')).toEqual([['eco', 4, '14', '012024'], ['ecoa', 4, '14A', '022024']]);
    expect(await t14('012024')).toEqual([['ecoa', 4, '14A', '022024']]);
    expect(await t14('022024')).toEqual([]);
  });

  it('names both periods in words', async () => {
    const [f] = await runRules(rule, rows, { period: '122023' });
    expect(messageOf({ ...f!, sheet: 'ecob2b' })).toBe('Table 15 is reported from the January 2024 period; the December 2023 return has no place for sheet ecob2b');
  });
});
