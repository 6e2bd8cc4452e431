import { describe, expect, it } from 'vitest';
import { messageOf } from '../../report/messages/index.js';
import { brief, IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './docs-missing.js';

const b2b = makeRow('b2b', { ctin: IDS.recipient, inum: 'A', rt: 18, txval: 1000 }, 5);
const docs = makeRow('docs', { docNature: 'Invoices for outward supply', docFrom: 'A', docTo: 'A', totnum: 1, cancel: 0 }, 5);

describe('rule: DOCS_MISSING', () => {
  it('issue 16 (GSTN Table 12/13 advisory): warns from the May 2025 period when there is no docs sheet', async () => {
    expect((await runRules(rule, [b2b], { period: '052025' })).map((x) => brief(x, true))).toEqual([
      { code: 'DOCS_MISSING', severity: 'warning', params: { period: '052025' } },
    ]);
    expect(await runRules(rule, [b2b, docs], { period: '052025' })).toEqual([]);
  });

  it('not before May 2025, nor in an IFF month', async () => {
    expect(await runRules(rule, [b2b], { period: '042025' })).toEqual([]);
    expect(await runRules(rule, [b2b], { period: '072025', quarterly: true })).toEqual([]);
    expect((await runRules(rule, [b2b], { period: '092025', quarterly: true })).length).toBe(1);
  });

  it('not in a GSTR-1A, which carries only amendments and additions', async () => {
    expect(await runRules(rule, [b2b], { period: '052025', form: 'gstr1a' })).toEqual([]);
  });

  it('names the period in words: a month, or a quarterly filer\'s quarter (the period kept as MMYYYY)', async () => {
    const [month] = await runRules(rule, [b2b], { period: '102025' });
    expect(messageOf(month!)).toBe('Table 13 (documents issued) is mandatory from the May 2025 return; the October 2025 input has no docs sheet');
    const [quarter] = await runRules(rule, [b2b], { period: '092025', quarterly: true });
    expect(quarter!.params).toEqual({ period: '092025', quarterly: true });
    expect(messageOf(quarter!)).toMatch(/; the July–September 2025 \(Q2 of 2025-26\) input has/);
  });
});
