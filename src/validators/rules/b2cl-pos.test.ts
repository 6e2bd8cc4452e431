import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './b2cl-pos.js';

describe('rule: RET191160', () => {
  it('flags a B2CL invoice or B2CL note in the supplier\'s own state', async () => {
    const f = await runRules(rule, [
      makeRow('b2cl', { inum: 'B1', pos: '29' }, 5),
      makeRow('b2cl', { inum: 'B2', pos: '27' }, 6),
      makeRow('b2cla', { inum: 'B3', opos: '27' }, 7),
      makeRow('cdnur', { urType: 'B2CL', pos: '27' }, 8),
      makeRow('cdnur', { urType: 'B2CL', pos: '24' }, 9),
    ]);
    expect(f.map((x) => brief(x))).toEqual([
      { code: 'RET191160', severity: 'error', row: 6, column: 'Place Of Supply' },
      { code: 'RET191160', severity: 'error', row: 7, column: 'Original Place Of Supply' },
      { code: 'RET191160', severity: 'error', row: 8, column: 'Place Of Supply' },
    ]);
  });

  it('lets an SEZ supplier sell B2CL in its own state', async () => {
    expect(await runRules(rule, [makeRow('b2cl', { inum: 'B2', pos: '27' })], { sez: true })).toEqual([]);
  });
});
