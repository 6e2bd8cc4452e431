import { describe, expect, it } from 'vitest';
import type { IffDocuments } from '../iff-documents.js';
import { brief, IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './iff-duplicate.js';

// furnished in the April 2025 IFF: invoice INV/1 and note CN/1 to IDS.recipient
const iffDocuments: IffDocuments = {
  periodOf: (kind, ctin, number) => (ctin === IDS.recipient && ((kind === 'invoice' && number.toLowerCase() === 'inv/1') || (kind === 'note' && number === 'CN/1')) ? '042025' : undefined),
};
const rows = [
  makeRow('b2b', { ctin: IDS.recipient, inum: 'INV/1' }, 5),
  makeRow('b2b', { ctin: IDS.recipient, inum: 'INV/2' }, 6),
  makeRow('b2b', { ctin: IDS.recipientSameState, inum: 'INV/1' }, 7),
  makeRow('cdnr', { ctin: IDS.recipient, ntNum: 'CN/1' }, 5),
  makeRow('cdnr', { ctin: IDS.recipient, ntNum: 'INV/1' }, 6),
];

describe('rule: IFF_DUPLICATE', () => {
  it('flags a document of the same kind, recipient and number furnished in an IFF month', async () => {
    const f = await runRules(rule, rows, { period: '062025', quarterly: true, iffDocuments });
    expect(f.map((x) => ({ ...brief(x, true), sheet: x.sheet }))).toEqual([
      { code: 'IFF_DUPLICATE', severity: 'error', row: 5, column: 'Invoice Number', sheet: 'b2b,sez,de', params: { document: 'INV/1', period: '042025' } },
      { code: 'IFF_DUPLICATE', severity: 'error', row: 5, column: 'Note Number', sheet: 'cdnr', params: { document: 'CN/1', period: '042025' } },
    ]);
  });

  it('does nothing without the IFF months\' documents', async () => {
    expect(await runRules(rule, rows, { period: '062025', quarterly: true })).toEqual([]);
  });
});
