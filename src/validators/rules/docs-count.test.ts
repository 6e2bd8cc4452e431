import { describe, expect, it } from 'vitest';
import { DOC_NATURES } from '../../model/labels.js';
import type { FieldValues } from '../../model/fields.js';
import { IDS, makeRow, runRules } from '../test-helpers.js';
import rule from './docs-count.js';

// coercion turns the nature's text into its doc_num
const docs = (nature: number, totnum: number, cancel: number, row: number) =>
  makeRow('docs', { docNature: nature as unknown as FieldValues['docNature'], docFrom: 'A1', docTo: 'A9', totnum, cancel }, row);
const invoices = [
  makeRow('b2b', { ctin: IDS.recipient, inum: 'A/1' }, 5),
  makeRow('b2b', { ctin: IDS.recipient, inum: 'A/1' }, 6),
  makeRow('b2cl', { inum: 'A/2' }, 5),
  makeRow('exp', { inum: 'A/3' }, 5),
  makeRow('cdnr', { ctin: IDS.recipient, ntNum: 'C/1', ntty: 'C' }, 5),
];

describe('rule: DOCS_COUNT', () => {
  it('passes when net issued covers the invoices and notes reported', async () => {
    expect(await runRules(rule, [...invoices, docs(1, 10, 7, 5), docs(5, 1, 0, 6)])).toEqual([]);
  });

  it('warns on the nature\'s row when fewer are issued than reported', async () => {
    const f = await runRules(rule, [...invoices, docs(1, 10, 8, 5)]);
    expect(f.map((x) => ({ code: x.code, severity: x.severity, sheet: x.sheet, row: x.row, params: x.params }))).toEqual([
      { code: 'DOCS_COUNT', severity: 'warning', sheet: 'docs', row: 5, params: { nature: DOC_NATURES[0], net: 2, reported: 3 } },
      { code: 'DOCS_COUNT', severity: 'warning', sheet: 'docs', row: undefined, params: { nature: 'Credit Note', net: 0, reported: 1 } },
    ]);
  });

  it('does nothing without a docs sheet', async () => {
    expect(await runRules(rule, invoices)).toEqual([]);
  });
});
