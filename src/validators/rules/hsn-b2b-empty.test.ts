import { describe, expect, it } from 'vitest';
import { IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './hsn-b2b-empty.js';

const b2b = makeRow('b2b', { ctin: IDS.recipient, inum: 'A', rt: 18, txval: 1000 }, 5);
const hsnB2c = makeRow('hsnb2c', { hsn: '8471', uqc: 'NOS', rt: 18, txval: 500 }, 5);
const hsnB2b = makeRow('hsnb2b', { hsn: '8471', uqc: 'NOS', rt: 18, txval: 1000 }, 5);

describe('rule: HSN_B2B_EMPTY', () => {
  it('issue 16 (GSTN Table 12 advisory): an error from May 2025 when B2B supplies exist and the B2B tab is empty', async () => {
    const f = await runRules(rule, [b2b, hsnB2c], { period: '052025' });
    expect(f.map((x) => ({ code: x.code, severity: x.severity, params: x.params }))).toEqual([
      { code: 'HSN_B2B_EMPTY', severity: 'error', params: { documents: 1 } },
    ]);
    expect(await runRules(rule, [b2b, hsnB2c, hsnB2b], { period: '052025' })).toEqual([]);
  });

  it('not before May 2025, nor when the input holds no Table 12 or no B2B supplies', async () => {
    expect(await runRules(rule, [b2b, hsnB2c], { period: '042025' })).toEqual([]);
    expect(await runRules(rule, [b2b], { period: '052025' })).toEqual([]);
    expect(await runRules(rule, [hsnB2c], { period: '052025' })).toEqual([]);
  });

  it('Table 15 supplies to registered recipients (ecom b2b, urp2b) are B2B supplies too; its B2C parts are not', async () => {
    const eco = makeRow('ecob2b', { stin: IDS.recipient, ctin: IDS.recipient, inum: 'K/1', rt: 5, txval: 400 }, 5);
    const urp = makeRow('ecourp2b', { ctin: IDS.recipient, inum: 'H/1', rt: 5, txval: 150 }, 5);
    const f = await runRules(rule, [eco, urp, hsnB2c], { period: '052025' });
    expect(f.map((x) => x.params)).toEqual([{ documents: 2 }]);
    const b2c = makeRow('ecob2c', { stin: IDS.recipient, pos: '27', rt: 5, txval: 100 }, 5);
    expect(await runRules(rule, [b2c, hsnB2c], { period: '052025' })).toEqual([]);
  });
});
