import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './gstr1a-sections.js';

const rows = [
  makeRow('docs', { docNature: 'Invoices for outward supply', docFrom: '1', docTo: '10' }, 5),
  makeRow('docs', { docNature: 'Credit Note', docFrom: 'C1', docTo: 'C2' }, 6),
];

describe('rule: GSTR1A_SECTION', () => {
  it('a docs sheet in a GSTR-1A is flagged once, on its first row', async () => {
    const f = await runRules(rule, rows, { period: '082024', form: 'gstr1a' });
    expect(f.map((x) => ({ ...brief(x, true), sheet: x.sheet }))).toEqual([
      { code: 'GSTR1A_SECTION', severity: 'error', row: 5, column: undefined, sheet: 'docs', params: { period: '082024' } },
    ]);
  });

  it('Table 13 stays in the GSTR-1', async () => {
    expect(await runRules(rule, rows, { period: '082024' })).toEqual([]);
  });
});
