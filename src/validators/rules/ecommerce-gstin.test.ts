import { describe, expect, it } from 'vitest';
import { brief, IDS, makeRow, runRules, SUPPLIER } from '../test-helpers.js';
import rule from './ecommerce-gstin.js';

const inv = { ctin: IDS.recipient, inum: 'INV/1', idt: '2023-03-05', val: 1180000, pos: '29', invTyp: 'R', rt: 18, txval: 1000000 };

describe('rule: RET191152', () => {
  it('requires E-Commerce GSTIN blank in b2b and b2cl from the January 2024 period', async () => {
    const f = await runRules(rule, [
      makeRow('b2b', inv, 5),
      makeRow('b2b', { ...inv, etin: IDS.tcs }, 6),
      makeRow('b2cl', { inum: 'B/1', etin: IDS.tcs }, 7),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RET191152', severity: 'error', row: 6, column: 'E-Commerce GSTIN', params: { reason: 'not-allowed' } },
      { code: 'RET191152', severity: 'error', row: 7, column: 'E-Commerce GSTIN', params: { reason: 'not-allowed' } },
    ]);
  });

  it('before 2024 wants the operator\'s TCS GSTIN, not the supplier or the recipient', async () => {
    const f = await runRules(
      rule,
      [
        makeRow('b2b', { ...inv, etin: IDS.tcs }, 5),
        makeRow('b2b', { ...inv, etin: IDS.recipientSameState }, 6),
        makeRow('b2b', { ...inv, etin: '27AAACR5055K1CJ' }, 7),
        makeRow('b2b', { ...inv, etin: 'ABC' }, 8),
      ],
      { period: '032023' },
    );
    expect(f.map((x) => [x.row, x.column, x.params?.reason])).toEqual([
      [6, 'E-Commerce GSTIN', 'not-tcs'],
      [7, 'E-Commerce GSTIN', 'checksum'],
      [8, 'E-Commerce GSTIN', 'format'],
    ]);
  });

  it('requires the column blank in b2cs', async () => {
    const f = await runRules(rule, [makeRow('b2cs', { typ: 'OE', pos: '29', rt: 18, txval: 100 }, 5), makeRow('b2cs', { typ: 'OE', etin: IDS.tcs }, 6)]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { code: 'RET191152', severity: 'error', row: 6, column: 'E-Commerce GSTIN', params: { reason: 'b2cs' } },
    ]);
  });

  it('checks Table 14 operators: TCS for u/s 52, not the supplier; ecoa checks the original too', async () => {
    const f = await runRules(rule, [
      makeRow('eco', { ecoNature: 'clttx', etin: IDS.tcs2, suppval: 100 }, 5),
      makeRow('eco', { ecoNature: 'clttx', etin: IDS.recipient, suppval: 100 }, 6),
      makeRow('eco', { ecoNature: 'paytx', etin: IDS.recipient, suppval: 100 }, 7),
      makeRow('eco', { ecoNature: 'paytx', etin: SUPPLIER, suppval: 100 }, 8),
      makeRow('ecoa', { ecoNature: 'paytx', etin: IDS.recipient, oetin: '29AAACR5055K1Z4', suppval: 100 }, 9),
    ]);
    expect(f.map((x) => [x.row, x.column, x.params?.reason])).toEqual([
      [6, 'GSTIN of E-Commerce Operator', 'not-tcs'],
      [8, 'GSTIN of E-Commerce Operator', 'supplier'],
      [9, 'Original GSTIN of E-Commerce Operator', 'checksum'],
    ]);
  });
});
