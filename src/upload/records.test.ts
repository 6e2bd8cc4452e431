/** The upload tables keyed by section: complete by type, document nesting taken from the mappers. */
import { describe, expect, it } from 'vitest';
import { OptionError } from '../model/errors.js';
import { SECTION_KEYS, type SectionKey } from '../model/sheets.js';
import { createProvider } from './providers/index.js';
import type { ProviderName } from './config.js';
import { documentKey, eachGroupedRecord, eachRecordOf, groupedDocumentId, keyId, LAYOUTS, layoutOf, walkRecords, type Layout } from './records.js';

describe('upload: section layouts', () => {
  it('has one layout per section, and a table missing one does not compile', () => {
    expect(Object.keys(LAYOUTS).sort()).toEqual([...SECTION_KEYS].sort());
    // @ts-expect-error a table keyed by SectionKey must name every section
    const partial: Record<SectionKey, Layout> = { b2b: LAYOUTS.b2b };
    expect(Object.keys(partial)).toEqual(['b2b']);
  });

  it('nests documents as their mappers write them', () => {
    expect(LAYOUTS.b2b).toEqual({ kind: 'grouped', groupField: 'ctin', groupKey: 'ctin', listKey: 'inv', number: 'inum' });
    expect(LAYOUTS.b2cla).toEqual({ kind: 'grouped', groupField: 'pos', groupKey: 'pos', listKey: 'inv', number: 'inum' });
    expect(LAYOUTS.exp).toEqual({ kind: 'grouped', groupField: 'exp_typ', groupKey: 'expTyp', listKey: 'inv', number: 'inum' });
    expect(LAYOUTS.cdnra).toEqual({ kind: 'grouped', groupField: 'ctin', groupKey: 'ctin', listKey: 'nt', number: 'nt_num' });
    expect(LAYOUTS.cdnur).toEqual({ kind: 'flat', number: 'nt_num' });
  });

  it('gives a grouped section\'s document the id keyId gives its key, whatever its fields hold', () => {
    const values = [undefined, '', ' ', 'INV-7', 'inv-7 ', 42, 0, '27', 'WPAY', null, { x: 1 }];
    let compared = 0;
    for (const [section, layout] of Object.entries(LAYOUTS)) {
      if (layout.kind !== 'grouped') continue;
      for (const [i, gv] of [undefined, '', '29AAACR5055K1Z3 ', 'Wpay', '07'].entries()) {
        for (const [j, v] of values.entries()) {
          // every field an id may read, from the values in turn
          const w = values[(j + i + 3) % values.length];
          const doc = { ctin: v, rtin: w, inum: w, oinum: v, nt_num: v, ont_num: w, pos: w, exp_typ: v };
          const expected = keyId(documentKey(section, doc, gv === undefined ? {} : { [layout.groupKey]: gv }));
          expect(groupedDocumentId(section, gv, doc), `${section} ${JSON.stringify(gv)} ${JSON.stringify(doc)}`).toBe(expected);
          compared++;
        }
      }
    }
    expect(compared).toBe(8 * 5 * values.length);
    expect(groupedDocumentId('b2cs', undefined, {})).toBeUndefined();
  });

  it('gives an element\'s records with the ids walkRecords gives them in a payload', () => {
    const payload = {
      b2b: [{ ctin: '29AAACR5055K1Z3', inv: [{ inum: 'A-1', val: 1 }, { inum: 'a-1 ', val: 2 }] }, { inv: [{ inum: 'B', rtin: '07AAACR5055K1Z1' }] }],
      exp: [{ exp_typ: 'WPAY', inv: [{ inum: 'E-1' }] }],
      hsn: { hsn_b2b: [{ hsn_sc: '1001', uqc: 'KGS', rt: 5 }], hsn_b2c: [{ hsn_sc: '1001', uqc: 'KGS', rt: 5 }] },
      b2cs: [{ pos: '27', rt: 18, typ: 'OE', sply_ty: 'INTRA' }],
      nil: { inv: [{ sply_ty: 'INTRB2B', nil_amt: 1 }] },
    };
    const walked = [...walkRecords(payload)].map((e) => [e.id, e.record]);
    const told: unknown[] = [];
    for (const [section, value] of Object.entries(payload)) {
      if (Array.isArray(value)) for (const el of value) eachRecordOf(section, '', el, (id, r) => told.push([id, r]));
      else for (const [part, list] of Object.entries(value)) for (const el of list as unknown[]) eachRecordOf(section, part, el, (id, r) => told.push([id, r]));
    }
    expect(told).toEqual(walked);
    expect(walked).toHaveLength(8);
  });

  it('gives a group\'s documents in two parts of the ids eachRecordOf gives, whatever the group and its documents hold', () => {
    const values = [undefined, '', ' ', 'INV-7', 'inv-7 ', 42, 0, '27', 'WPAY', null, { x: 1 }];
    let groups = 0;
    for (const [section, layout] of Object.entries(LAYOUTS)) {
      if (layout.kind !== 'grouped') continue;
      for (const [i, gv] of [undefined, '', '29AAACR5055K1Z3 ', 'Wpay', '07', 7].entries()) {
        // one group of every document of the values, and something that is not a document
        const docs: unknown[] = values.map((v, j) => {
          const w = values[(j + i + 3) % values.length];
          return { ctin: v, rtin: w, inum: w, oinum: v, nt_num: v, ont_num: w, pos: w, exp_typ: v };
        });
        docs.push('not a document');
        const element = gv === undefined ? { [layout.listKey]: docs } : { [layout.groupField]: gv, [layout.listKey]: docs };
        const expected: unknown[] = [];
        eachRecordOf(section, '', element, (id, r) => expected.push([id, r]));
        const given: unknown[] = [];
        expect(eachGroupedRecord(section, '', element, (group, own, r) => given.push([`${group}|${own}`, r])), section).toBe(true);
        expect(given, `${section} ${JSON.stringify(gv)}`).toEqual(expected);
        expect(given).toHaveLength(values.length);
        groups++;
      }
    }
    expect(groups).toBe(8 * 6);
    // anything else is eachRecordOf's alone
    const none = () => { throw new Error('given'); };
    expect(eachGroupedRecord('b2cs', '', { pos: '27', rt: 18 }, none)).toBe(false);
    expect(eachGroupedRecord('hsn', 'hsn_b2b', { hsn_sc: '1001' }, none)).toBe(false);
    expect(eachGroupedRecord('b2b', '', 'not an element', none)).toBe(false);
  });

  it('knows only section keys (not an object\'s inherited names)', () => {
    expect(layoutOf('b2cs')).toEqual({ kind: 'flat' });
    expect(layoutOf('toString')).toBeUndefined();
    expect([...walkRecords({ gstin: 'x', constructor: [{ inum: '1' }], b2cs: [{ pos: '27', rt: 18 }] })].map((e) => e.section)).toEqual(['b2cs']);
  });
});

describe('upload: createProvider', () => {
  it('refuses a name it does not know instead of building another provider', async () => {
    const err = await createProvider('whitebook' as ProviderName, { env: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OptionError);
    expect((err as OptionError).code).toBe('UPLOAD_PROVIDER_NAME');
    expect((err as OptionError).params).toMatchObject({ value: 'whitebook', allowed: 'whitebooks, sandbox' });
  });
});
