import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './invoice-sign.js';

describe('rule: INVOICE_SIGN', () => {
  it('flags negative invoice amounts', async () => {
    const f = await runRules(rule, [
      makeRow('b2b', { inum: 'A', val: 11800, txval: 10000 }, 5),
      makeRow('b2b', { inum: 'B', val: 11800, txval: -500 }, 6),
      makeRow('exp', { inum: 'C', val: -1, txval: 0, csamt: 0 }, 7),
    ]);
    expect(f.map((x) => brief(x))).toEqual([
      { code: 'INVOICE_SIGN', severity: 'error', row: 6, column: 'Taxable Value' },
      { code: 'INVOICE_SIGN', severity: 'error', row: 7, column: 'Invoice Value' },
    ]);
  });
});
