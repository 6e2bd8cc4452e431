import { describe, expect, it } from 'vitest';
import { brief, IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './iff-sections.js';

const rows = [
  makeRow('b2b', { ctin: IDS.recipient, inum: 'A' }, 5),
  makeRow('b2cs', { typ: 'OE', pos: '27' }, 5),
  makeRow('b2cs', { typ: 'OE', pos: '29' }, 6),
  makeRow('cdnr', { ctin: IDS.recipient, ntNum: 'C' }, 5),
  makeRow('hsnb2b', { hsn: '8471' }, 5),
  makeRow('ecob2b', { stin: IDS.recipient, ctin: IDS.recipientSameState, inum: 'E' }, 5),
  makeRow('ecob2c', { stin: IDS.recipient, pos: '29' }, 5),
];

describe('rule: IFF_SECTION', () => {
  it('in an IFF month of a quarterly filer, flags each other sheet once on its first row', async () => {
    const f = await runRules(rule, rows, { period: '042025', quarterly: true });
    expect(f.map((x) => ({ ...brief(x, true), sheet: x.sheet }))).toEqual([
      { code: 'IFF_SECTION', severity: 'error', row: 5, column: undefined, sheet: 'b2cs', params: { period: '042025' } },
      { code: 'IFF_SECTION', severity: 'error', row: 5, column: undefined, sheet: 'hsn(b2b)', params: { period: '042025' } },
      { code: 'IFF_SECTION', severity: 'error', row: 5, column: undefined, sheet: 'ecob2c', params: { period: '042025' } },
    ]);
  });

  it('does nothing for monthly filers or the quarter\'s last month', async () => {
    expect(await runRules(rule, rows, { period: '042025' })).toEqual([]);
    expect(await runRules(rule, rows, { period: '062025', quarterly: true })).toEqual([]);
  });
});
