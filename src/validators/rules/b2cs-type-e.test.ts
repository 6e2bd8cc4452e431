import { describe, expect, it } from 'vitest';
import { messageOf } from '../../report/messages/index.js';
import { brief, makeRow, runRules } from '../test-helpers.js';
import ecommerce from './ecommerce-gstin.js';
import rule from './b2cs-type-e.js';

/** an e-commerce operator's TCS GSTIN (14th character C) */
const OPERATOR = '27AAACF2244K1C1';

describe('rule: B2CS_TYPE_E', () => {
  it('flags Type E, not OE, from the January 2024 return', async () => {
    const f = await runRules(rule, [
      makeRow('b2cs', { typ: 'OE', pos: '27', rt: 18, txval: 100 }, 5),
      makeRow('b2cs', { typ: 'E', pos: '27', rt: 18, txval: 100, etin: OPERATOR }, 6),
      makeRow('b2csa', { typ: 'E', pos: '27', rt: 18, txval: 100 }, 7),
    ], { period: '012024' });
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'B2CS_TYPE_E', severity: 'error', row: 6, column: 'Type', params: { reason: 'dated' } },
      { code: 'B2CS_TYPE_E', severity: 'error', row: 7, column: 'Type', params: { reason: 'dated' } },
    ]);
    expect(messageOf(f[0]!)).toMatch(/January 2024/);
  });

  it('before it (December 2023), Type E is valid with its operator and needs one', async () => {
    const f = await runRules(rule, [
      makeRow('b2cs', { typ: 'E', pos: '27', rt: 18, txval: 100, etin: OPERATOR }, 5),
      makeRow('b2cs', { typ: 'E', pos: '27', rt: 18, txval: 100 }, 6),
    ], { period: '122023' });
    expect(f.map((x) => [x.row, x.params?.reason])).toEqual([[6, 'no-operator']]);
  });

  it('an E row is never told about Type OE (issue 11 item 7)', async () => {
    const rows = [makeRow('b2cs', { typ: 'E', pos: '27', rt: 18, txval: 100, etin: OPERATOR }, 5)];
    for (const period of ['122023', '032025']) {
      const f = await runRules([rule, ecommerce], rows, { period });
      for (const x of f) expect(messageOf(x)).not.toMatch(/\bOE\b/);
    }
    // an OE row with an operator GSTIN is still told to clear it
    const oe = await runRules(ecommerce, [makeRow('b2cs', { typ: 'OE', pos: '27', rt: 18, txval: 100, etin: OPERATOR }, 5)], { period: '122023' });
    expect(oe.map((x) => x.params?.reason)).toEqual(['b2cs']);
  });
});
