import { describe, expect, it } from 'vitest';
import { brief, makeRow, runRules } from '../test-helpers.js';
import rule from './advance-sign.js';

describe('rule: ADVANCE_SIGN', () => {
  it('advances received: not zero, cess of the same sign (negative allowed)', async () => {
    const f = await runRules(rule, [
      makeRow('at', { pos: '27', rt: 18, adAmt: 500000, csamt: 100 }, 5),
      makeRow('at', { pos: '27', rt: 18, adAmt: -500000, csamt: -100 }, 6),
      makeRow('at', { pos: '29', rt: 18, adAmt: 0 }, 7),
      makeRow('ata', { pos: '29', rt: 18, adAmt: 500000, csamt: -100 }, 8),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'ADVANCE_SIGN', severity: 'error', row: 7, column: 'Gross Advance Received', params: { reason: 'zero' } },
      { code: 'ADVANCE_SIGN', severity: 'error', row: 8, column: 'Cess Amount', params: { reason: 'cess-sign' } },
    ]);
  });

  it('advances adjusted: not negative', async () => {
    const f = await runRules(rule, [
      makeRow('atadj', { pos: '27', rt: 18, adAmt: 200000 }, 5),
      makeRow('atadj', { pos: '27', rt: 12, adAmt: -200000 }, 6),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'ADVANCE_SIGN', severity: 'error', row: 6, column: 'Gross Advance Adjusted', params: { reason: 'negative' } },
    ]);
  });
});
