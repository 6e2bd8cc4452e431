import { describe, expect, it } from 'vitest';
import type { SectionKey } from '../../model/sheets.js';
import type { GroupedDocuments, SectionOutput } from '../../mappers/types.js';
import { IDS, runRules } from '../test-helpers.js';
import rule, { MAX_SCHEMA_FINDINGS } from './retsave-schema.js';

const invoice = (inum: string, extra: Record<string, unknown> = {}) => ({
  inum, idt: '05-03-2025', val: 11800, pos: '29', rchrg: 'N', inv_typ: 'R',
  itms: [{ num: 1, itm_det: { rt: 18, txval: 10000, iamt: 1800, csamt: 0 } }],
  ...extra,
});
const outputs = (entries: [SectionKey, SectionOutput][]) => new Map<SectionKey, SectionOutput>(entries);

describe('rule: RET191106', () => {
  it('passes what the mappers write and reports each schema error with its JSON path (a bad invoice number is left to DOCNUM_FORMAT, on its cell)', async () => {
    const f = await runRules(rule, [], {
      outputs: outputs([
        ['b2b', { kind: 'array', items: [
          { ctin: IDS.recipient, inv: [invoice('INV/1'), invoice('INV 2')] },
          { ctin: IDS.recipientSameState, inv: [invoice('INV/3', { itms: [{ num: 1, itm_det: { rt: 18, txval: 100, iamt: 18, camt: 9, samt: 9 } }] })] },
        ] }],
        ['hsn', { kind: 'object', parts: { hsn_b2b: [{ num: 1, hsn_sc: '8471', uqc: 'NOS', qty: 1, rt: 18, txval: 10000, iamt: 1800 }], hsn_b2c: [] } }],
      ]),
    });
    expect(f.map((x) => ({ code: x.code, severity: x.severity, sheet: x.sheet, params: x.params }))).toEqual([
      {
        code: 'RET191106', severity: 'error', sheet: 'b2b,sez,de',
        params: {
          path: '/b2b/1/inv/0/itms/0/itm_det',
          detail: 'must carry either IGST (iamt) or Central and State tax (camt and samt), not both',
          section: 'b2b', group: IDS.recipientSameState, document: 'INV/3',
        },
      },
    ]);
  });

  it('checks a group\'s own keys, then its documents one by one, with the same paths', async () => {
    const f = await runRules(rule, [], {
      outputs: outputs([
        ['cdnr', { kind: 'array', splitKey: 'nt', items: [
          { ctin: 'not-a-gstin', nt: [{ ntty: 'C', nt_num: 'CN/1', nt_dt: '10-03-2025', val: 1180, pos: '29', rchrg: 'N', inv_typ: 'R', itms: [{ num: 1, itm_det: { rt: 18, txval: 1000, iamt: 180 } }] }] },
          { ctin: IDS.recipient, nt: [] },
          { ctin: IDS.recipient, nt: [{ ntty: 'X', nt_num: 'CN/2', nt_dt: '10-03-2025', val: 1180, pos: '29', rchrg: 'N', inv_typ: 'R', itms: [{ num: 1, itm_det: { rt: 18, txval: 1000, iamt: 180 } }] }] },
        ] }],
      ]),
    });
    expect(f.map((x) => [x.params?.path, x.params?.detail, x.params?.group, x.params?.document])).toEqual([
      ['/cdnr/0/ctin', 'must match pattern "^[0-9]{2}[0-9A-Z]{13}$"', 'not-a-gstin', undefined],
      ['/cdnr/1/nt', 'must NOT have fewer than 1 items', IDS.recipient, undefined],
      ['/cdnr/2/nt/0/ntty', 'must be equal to one of the allowed values: C, D', IDS.recipient, 'CN/2'],
    ]);
  });

  it('checks object sections whole: unknown keys and missing required keys', async () => {
    const f = await runRules(rule, [], {
      outputs: outputs([
        ['doc_issue', { kind: 'object', parts: { doc_det: [{ doc_num: 13, docs: [{ num: 1, from: 'A1', to: 'A9', totnum: 9, cancel: 0 }] }] } }],
        ['at', { kind: 'array', items: [{ pos: '27', sply_ty: 'INTRA', itms: [{ rt: 18, ad_amount: 100, camt: 9, samt: 9 }] }] }],
      ]),
    });
    expect(f.map((x) => `${String(x.params?.path)} ${String(x.params?.detail)}`)).toEqual([
      '/at/0/itms/0 must have required property \'ad_amt\'',
      '/at/0/itms/0 must NOT have additional properties (ad_amount)',
      '/doc_issue/doc_det/0/doc_num must be <= 12',
      '/doc_issue/doc_det/0/docs/0 must have required property \'net_issue\'',
    ]);
  });

  it('reads a one-shot generator once and puts the entries back for the writer', async () => {
    function* groups() {
      yield { ctin: IDS.recipient, inv: [invoice('INV/1')] };
    }
    const out = outputs([['b2b', { kind: 'array', items: groups() }]]);
    expect(await runRules(rule, [], { outputs: out })).toEqual([]);
    const b2b = out.get('b2b')!;
    expect(b2b.kind === 'array' && [...b2b.items]).toHaveLength(1);
  });

  it('lists the first 100 errors and counts the rest', async () => {
    // an invoice type off the list is a structural error only the schema reports
    const inv = Array.from({ length: MAX_SCHEMA_FINDINGS + 5 }, (_, i) => invoice(`INV/${i}`, { inv_typ: 'XX' }));
    const f = await runRules(rule, [], { outputs: outputs([['b2b', { kind: 'array', items: [{ ctin: IDS.recipient, inv }] }]]) });
    expect(f).toHaveLength(MAX_SCHEMA_FINDINGS + 1);
    expect(f.at(-1)!.params).toEqual({ reason: 'more', count: 5 });
  });

  it('finds the same errors, in group order, when a section also hands its documents in storage order', async () => {
    // storage order: documents as rows brought them; groups list them by recipient
    const bad = { inv_typ: 'XX' };
    const stored = Array.from({ length: 330 }, (_, id) => invoice(`INV/${id}`, id % 3 === 0 ? bad : {}));
    const groupOf = (id: number) => (id % 2 === 0 ? 1 : 0); // odd ids in the first group
    const members = [0, 1].map((g) => Int32Array.from(stored.keys()).filter((id) => groupOf(id) === g));
    const ctins = [IDS.recipient, 'not-a-gstin'];
    const items = members.map((ids, g) => ({ ctin: ctins[g], inv: Array.from(ids, (id) => stored[id]) }));
    const documents: GroupedDocuments = {
      count: stored.length,
      json: (id) => stored[id],
      headers: () => ctins.map((ctin) => ({ ctin, inv: [] })),
      members: (k) => members[k]!,
    };
    const grouped = await runRules(rule, [], { outputs: outputs([['b2b', { kind: 'array', splitKey: 'inv', items, documents }]]) });
    const plain = await runRules(rule, [], { outputs: outputs([['b2b', { kind: 'array', splitKey: 'inv', items }]]) });
    expect(grouped).toEqual(plain);
    const paths = grouped.map((x) => x.params?.path);
    expect(paths.slice(0, 3)).toEqual(['/b2b/0/inv/1/inv_typ', '/b2b/0/inv/4/inv_typ', '/b2b/0/inv/7/inv_typ']);
    expect(paths).toContain('/b2b/1/ctin');
    // 110 invoices of type XX and one bad GSTIN: the first 100 in group order are listed
    expect(grouped.at(-1)!.params).toEqual({ reason: 'more', count: 111 - MAX_SCHEMA_FINDINGS });
  });

  it('offers its one-document check to the mappers, and does not check again a document that passed it unchanged', async () => {
    const check = rule.precheck!('b2b', 'inv')!;
    expect(check(invoice('INV/1'))).toBe(true);
    expect(check(invoice('INV/2', { inv_typ: 'XX' }))).toBe(false);
    expect(rule.precheck!('b2b', 'nt')).toBeUndefined();
    // the mappers say which documents passed: a document said to have passed is taken at its word
    const stored = [invoice('INV/0', { inv_typ: 'XX' }), invoice('INV/1', { inv_typ: 'XX' }), invoice('INV/2')];
    const documents = (passed?: (id: number) => boolean): GroupedDocuments => ({
      count: stored.length, json: (id) => stored[id], headers: () => [{ ctin: IDS.recipient, inv: [] }], members: () => [0, 1, 2],
      ...(passed ? { passed } : {}),
    });
    const items = [{ ctin: IDS.recipient, inv: stored }];
    const paths = async (docs: GroupedDocuments) =>
      (await runRules(rule, [], { outputs: outputs([['b2b', { kind: 'array', splitKey: 'inv', items, documents: docs }]]) })).map((x) => x.params?.path);
    expect(await paths(documents())).toEqual(['/b2b/0/inv/0/inv_typ', '/b2b/0/inv/1/inv_typ']);
    expect(await paths(documents((id) => id === 0))).toEqual(['/b2b/0/inv/1/inv_typ']);
  });
});
