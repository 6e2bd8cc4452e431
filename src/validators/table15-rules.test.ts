/**
 * The identifier, place-of-supply, date, number and sign rules reach the Table 15/15A sheets:
 * one bad row per rule, each found at its cell.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from './rules/index.js';
import { IDS, makeRow, runRules } from './test-helpers.js';

const doc = { stin: IDS.recipient, ctin: IDS.recipientSameState, inum: 'RST/1', idt: '2025-03-05', val: 105000, pos: '27', docTyp: 'R', rt: 5, txval: 100000 };

describe('portal rules on Table 15 sheets', () => {
  it('a clean row of every Table 15/15A sheet passes', async () => {
    const f = await runRules(RULES, [
      makeRow('ecob2b', doc, 5),
      makeRow('ecourp2b', { ...doc, stin: undefined }, 5),
      makeRow('ecob2c', { stin: IDS.recipient, pos: '29', rt: 5, txval: 100000 }, 5),
      makeRow('ecourp2c', { pos: '07', rt: 18, txval: 100000 }, 5),
      makeRow('ecoab2b', { ...doc, oinum: 'RST/0', oidt: '2025-01-10' }, 5),
      makeRow('ecoaurp2b', { ...doc, stin: undefined, oinum: 'RST/0', oidt: '2025-01-10' }, 5),
      makeRow('ecoab2c', { fy: 2024, omonth: 1, stin: IDS.recipient, pos: '29', rt: 5, txval: 100000 }, 5),
      makeRow('ecoaurp2c', { fy: 2024, omonth: 1, pos: '27', rt: 5, txval: 100000 }, 5),
    ], { outputs: new Map() });
    expect(f.filter((x) => x.severity === 'error' && x.code !== 'RETSAVE_SCHEMA' && x.code !== 'DOCS_MISSING')).toEqual([]);
  });

  it('finds bad recipients, POS, dates, numbers, rates, signs and same-period amendments', async () => {
    const f = await runRules(RULES, [
      makeRow('ecob2b', { ...doc, ctin: '27AABCU9603R1ZX' }, 5),
      makeRow('ecourp2b', { ...doc, stin: undefined, pos: '28' }, 6),
      makeRow('ecob2b', { ...doc, inum: 'RST/2', idt: '2025-04-01' }, 7),
      makeRow('ecob2b', { ...doc, inum: 'RST#3' }, 8),
      makeRow('ecourp2c', { pos: '07', rt: 13, txval: 100000 }, 9),
      makeRow('ecob2b', { ...doc, inum: 'RST/4', txval: -100 }, 10),
      makeRow('ecoab2b', { ...doc, oinum: 'RST/0', oidt: '2025-03-02' }, 11),
      makeRow('ecoaurp2c', { fy: 2024, omonth: 3, pos: '27', rt: 5, txval: 100000 }, 12),
    ], { outputs: new Map() });
    const at = f.filter((x) => x.row !== undefined).map((x) => [x.row, x.code, x.column]);
    expect(at).toEqual(expect.arrayContaining([
      [5, 'RET191113', 'Recipient GSTIN/UIN'],
      [6, 'RET191112', 'Place Of Supply'],
      [7, 'RET191114', 'Document Date'],
      [8, 'DOCNUM_FORMAT', 'Document Number'],
      [9, 'RET191175', 'Rate'],
      [10, 'INVOICE_SIGN', 'Taxable Value'],
      [11, 'RET191198', 'Original Document Date'],
      [12, 'RET191198', 'Original Month'],
    ]));
  });

  it('judges tax amounts given on a Table 15 row at the full rate: no 65 % band, as the sheets have no Applicable %', async () => {
    // 5 % of 1000 is 50: IGST 40.01 is within Rs 10; 35 (65 % would be 32.50) is not
    const f = await runRules(RULES, [
      makeRow('ecourp2c', { pos: '07', rt: 5, txval: 100000, iamt: 4001 }, 5),
      makeRow('ecourp2c', { pos: '07', rt: 18, txval: 100000, iamt: 3500 }, 6),
      makeRow('ecob2c', { stin: IDS.recipient, pos: '07', rt: 5, txval: 100000, iamt: 3500 }, 7),
    ], { outputs: new Map() });
    expect(f.filter((x) => x.code === 'RET91708').map((x) => [x.row, x.column, x.params])).toEqual([
      [6, 'Integrated Tax Amount', { head: 'iamt', expected: '180.00', difference: '145.00' }],
      [7, 'Integrated Tax Amount', { head: 'iamt', expected: '50.00', difference: '15.00' }],
    ]);
  });
});
