import { describe, expect, it } from 'vitest';
import { brief, IDS, makeRow, runRules, SUPPLIER } from '../test-helpers.js';
import rule from './recipient-gstin.js';

const inv = { inum: 'INV/1', idt: '2025-03-05', val: 1180000, pos: '29', rchrg: 'N', invTyp: 'R', rt: 18, txval: 1000000 };
const at = (row: number) => ({ code: 'RET191113', severity: 'error', row, column: 'GSTIN/UIN of Recipient' });

describe('rule: RET191113', () => {
  it('flags a wrong check character, not the valid recipient beside it', async () => {
    const f = await runRules(rule, [
      makeRow('b2b', { ...inv, ctin: IDS.recipient }, 5),
      makeRow('b2b', { ...inv, ctin: '29AAACR5055K1Z4' }, 6),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([{ ...at(6), params: { reason: 'checksum' } }]);
  });

  it('flags the supplier\'s own GSTIN, an OIDAR id and a malformed id', async () => {
    const f = await runRules(rule, [
      makeRow('cdnr', { ctin: SUPPLIER }, 5),
      makeRow('cdnr', { ctin: IDS.oidar }, 6),
      makeRow('b2ba', { ctin: '27AAACR5055K1Z' }, 7),
      makeRow('cdnra', { ctin: IDS.recipientSameState }, 8),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([
      { ...at(5), params: { reason: 'supplier' } },
      { ...at(6), params: { reason: 'oidar' } },
      { ...at(7), params: { reason: 'format' } },
    ]);
  });

  it('accepts UIN and non-resident ids', async () => {
    const f = await runRules(rule, [makeRow('b2b', { ...inv, ctin: IDS.uin }), makeRow('b2b', { ...inv, ctin: IDS.nr }, 6)]);
    expect(f).toEqual([]);
  });

  it('issue 16: a TDS id is a recipient only with D as its 14th character (Offline Tool validateGSTIN)', async () => {
    const f = await runRules(rule, [
      makeRow('b2b', { ...inv, ctin: '27ABCD01234E1DP' }, 5),
      makeRow('b2b', { ...inv, ctin: '27ABCD01234E1KA' }, 6),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([{ ...at(6), params: { reason: 'tds-k' } }]);
  });

  it('issue 16: a state-coded UIN of a UN body stays valid; an OIDAR id does not', async () => {
    const f = await runRules(rule, [
      makeRow('b2b', { ...inv, ctin: '0717UNO00157UNO' }, 5),
      makeRow('b2b', { ...inv, ctin: IDS.oidar }, 6),
    ]);
    expect(f.map((x) => brief(x, true))).toEqual([{ ...at(6), params: { reason: 'oidar' } }]);
  });
});
