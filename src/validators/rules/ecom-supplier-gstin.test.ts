import { describe, expect, it } from 'vitest';
import { brief, IDS, makeRow, runRules, SUPPLIER } from '../test-helpers.js';
import rule from './ecom-supplier-gstin.js';

describe('rule: ECOM_SUPPLIER_GSTIN', () => {
  it('wants a normal GSTIN with its check character, not TCS, not the operator, not the recipient', async () => {
    const f = await runRules(rule, [
      makeRow('ecob2b', { stin: IDS.recipient, ctin: IDS.recipientSameState }, 5),
      makeRow('ecob2c', { stin: IDS.recipient, pos: '29' }, 6),
      makeRow('ecob2b', { stin: '29AAACR5055K1Z4', ctin: IDS.recipientSameState }, 7),
      makeRow('ecob2c', { stin: IDS.tcs, pos: '27' }, 8),
      makeRow('ecoab2b', { stin: SUPPLIER, ctin: IDS.recipientSameState }, 9),
      makeRow('ecoab2b', { stin: IDS.recipientSameState, ctin: IDS.recipientSameState }, 10),
      makeRow('ecoab2c', { stin: '29AAACR50', pos: '27' }, 11),
    ]);
    expect(f.map((x) => ({ ...brief(x, true) }))).toEqual([
      { code: 'ECOM_SUPPLIER_GSTIN', severity: 'error', row: 7, column: 'Supplier GSTIN/UIN', params: { reason: 'checksum' } },
      { code: 'ECOM_SUPPLIER_GSTIN', severity: 'error', row: 8, column: 'Supplier GSTIN/UIN', params: { reason: 'tcs' } },
      { code: 'ECOM_SUPPLIER_GSTIN', severity: 'error', row: 9, column: 'Supplier GSTIN/UIN', params: { reason: 'operator' } },
      { code: 'ECOM_SUPPLIER_GSTIN', severity: 'error', row: 10, column: 'Supplier GSTIN/UIN', params: { reason: 'recipient' } },
      { code: 'ECOM_SUPPLIER_GSTIN', severity: 'error', row: 11, column: 'Supplier GSTIN/UIN', params: { reason: 'format' } },
    ]);
  });
});
