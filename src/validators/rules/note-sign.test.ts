import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './note-sign.js';

describe('rule: NOTE_SIGN', () => {
  it('wants positive amounts on notes', async () => {
    const f = await runRules(rule, [
      makeRow('cdnr', { ntNum: 'C1', ntty: 'C', val: 118000, txval: 100000 }, 5),
      makeRow('cdnr', { ntNum: 'C2', ntty: 'C', val: -118000, txval: 100000 }, 6),
      makeRow('cdnur', { ntNum: 'C3', ntty: 'C', val: 0, txval: 0 }, 7),
      makeRow('cdnra', { ntNum: 'C4', ntty: 'D', val: 1000, txval: 1000, csamt: -5 }, 8),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'NOTE_SIGN', severity: 'error', row: 6, column: 'Note Value', params: { reason: 'negative' } },
      { code: 'NOTE_SIGN', severity: 'error', row: 7, column: 'Taxable Value', params: { reason: 'not-positive' } },
      { code: 'NOTE_SIGN', severity: 'error', row: 8, column: 'Cess Amount', params: { reason: 'negative' } },
    ]);
  });
});
