import { describe, expect, it } from 'vitest';
import { brief, IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './ecom-doc-type.js';

describe('rule: ECOM_DOC_TYPE', () => {
  it('takes the four Table 15 document types and refuses CBW', async () => {
    const rows = ['R', 'DE', 'SEWP', 'SEWOP', 'CBW'].map((invTyp, i) => makeRow('ecourp2b', { ctin: IDS.recipient, inum: `D${i}`, invTyp }, 5 + i));
    const f = await runRules(rule, rows);
    expect(f.map((x) => brief(x))).toEqual([{ code: 'ECOM_DOC_TYPE', severity: 'error', row: 9, column: 'Document type' }]);
    expect(f[0]!.params).toEqual({ allowed: 'Regular, Deemed Exp, SEZ supplies with payment, SEZ supplies without payment' });
  });
});
