/**
 * The shortcuts past the schema check (document-shortcut.ts: b2b, cdnr, b2cl, exp) against the check itself:
 * random invoices and notes, valid and invalid in every field, mapped with RET191106's precheck; every
 * document a shortcut passes must be one ajv passes on its JSON, and it must pass most valid ones.
 */
import { describe, expect, it } from 'vitest';
import { FindingList } from '../model/finding.js';
import type { FieldValues } from '../model/fields.js';
import rule from '../validators/rules/retsave-schema.js';
import { validatorAt } from '../validators/schema.js';
import { KeyTable } from '../model/key-table.js';
import { DocumentStore } from './document-store.js';
import { b2bShortcut } from './document-shortcut.js';
import { b2bSpec } from './sections/b2b.js';
import { MAPPERS } from './registry.js';
import { prng as rng } from '../../test/helpers/random.js';
import { parsedRow, returnCtx } from './test-helpers.js';
import type { DocumentCheck, GroupedDocuments } from './types.js';


type Sheet = 'b2b' | 'cdnr' | 'b2cl' | 'exp';
const LIST: Record<Sheet, string> = { b2b: 'inv', cdnr: 'nt', b2cl: 'inv', exp: 'inv' };
const DEFINITION: Record<Sheet, string> = { b2b: '/definitions/b2bInvoice', cdnr: '/definitions/cdnrNote', b2cl: '/definitions/b2clInvoice', exp: '/definitions/expInvoice' };
const real = rule.precheck!('b2b', 'inv')!;

/** Random values of a document-level field: mostly valid, now and then something the schema refuses. */
function generator(sheet: Sheet, seed: number, odd: number) {
  const r = rng(seed);
  const pick = <T>(good: readonly T[], bad: readonly T[]): T => (r() < odd ? bad[Math.floor(r() * bad.length)]! : good[Math.floor(r() * good.length)]!);
  const amount = (): number =>
    pick([Math.round(r() * 1e8), Math.round(r() * 1e4), 0, -Math.round(r() * 1e6)], [1e16, -1e16, 9999999999999, 10000000000000, -9999999999999, Number.NaN, 99999999999999, 1e13 + 1]);
  const number = (i: number) => pick([`INV/${i}`, `inv-${i}`, `A${i}`], [`INV ${i}`, `INVOICE/NUMBER/${i}/X`, `INV_${i}`, '', `${i}é`]);
  const date = () => pick(['2025-03-05', '2025-10-31', '2024-02-29'], ['1999-01-01', '2025-13-01', '2025-10-32', '2100-01-01', '25-10-2025']);
  const etin = () => pick([undefined, undefined, '27AAACR5055K1Z7'] as (string | undefined)[], ['27aaacr5055k1z7', 'X', '']);
  const doc = (i: number): Partial<FieldValues> => ({
    ctin: pick(['27AAACR5055K1Z7', '29AAACR5055K1Z3'], ['27aaacr5055k1z7', '', 'X']),
    ...(sheet === 'b2b' ? { inum: number(i), idt: date(), etin: etin() } : {}),
    ...(sheet === 'cdnr' ? { ntNum: number(i), ntDt: date(), ntty: pick(['C', 'D'], ['X', 'c', '', undefined] as (string | undefined)[]) } : {}),
    ...(sheet === 'b2cl' ? { inum: number(i), idt: date(), etin: etin() } : {}),
    ...(sheet === 'exp'
      ? {
          inum: number(i), idt: date(), expTyp: pick(['WPAY', 'WOPAY'], ['X', undefined] as (string | undefined)[]),
          sbpcode: pick([undefined, 'INBOM4', 'A1'] as (string | undefined)[], ['INBOM44', 'IN-BOM', '']),
          sbnum: pick([undefined, String(1000 + i), '123'] as (string | undefined)[], ['12', '12345678', 'A123', '']),
          sbdt: pick([undefined, '2025-03-05'] as (string | undefined)[], ['1999-01-01', '2025-02-30', '']),
        }
      : {}),
    val: amount(),
    pos: pick(['27', '29', '96', '97'], ['28', '99', '7', '', undefined] as (string | undefined)[]),
    rchrg: pick(['N', 'Y', undefined] as (string | undefined)[], ['X', 'n', '']),
    diffPercent: pick([100, 65, undefined] as (number | undefined)[], [50, 0, 101, -5, 0.65]),
    invTyp: pick(['R', 'SEWP', 'SEWOP', 'DE', 'CBW'], ['X', 'r', '', undefined] as (string | undefined)[]),
  });
  const line = (): Partial<FieldValues> => ({
    rt: pick([0, 0.1, 0.25, 1, 1.5, 3, 5, 6, 7.5, 12, 18, 28, 40], [2, 100, -18, 0.5, 41, 1000]),
    txval: amount(),
    csamt: r() < 0.7 ? 0 : amount(),
    ...(r() < odd / 4 ? (r() < 0.5 ? { iamt: amount() } : { camt: amount(), samt: amount() }) : {}),
  });
  return { r, doc, line };
}

/** Maps `n` random invoices (1-3 lines each) with the rule's precheck; counts the documents it was asked about. */
function mapped(sheet: Sheet, seed: number, n: number, odd: number) {
  const g = generator(sheet, seed, odd);
  const real = rule.precheck!(sheet, LIST[sheet])!;
  let asked = 0;
  const check: DocumentCheck = Object.assign(
    (json: unknown) => {
      asked++;
      return real(json);
    },
    { schema: real.schema! },
  );
  const builder = MAPPERS[sheet].create({ ...returnCtx(), findings: new FindingList(), precheck: (s, l) => (s === sheet && l === LIST[sheet] ? check : undefined) });
  let row = 5;
  for (let i = 0; i < n; i++) {
    const d = g.doc(i);
    const lines = 1 + Math.floor(g.r() * 3);
    for (let k = 0; k < lines; k++) builder.add(parsedRow({ sheet, values: { ...d, ...g.line() } }, row++));
  }
  const out = builder.build();
  if (out?.kind !== 'array' || !out.documents) throw new Error('no documents');
  return { docs: out.documents as GroupedDocuments, asked };
}

describe('shortcuts past the schema check (b2b, cdnr, b2cl, exp)', () => {
  it.each(['b2b', 'cdnr', 'b2cl', 'exp'] as const)('%s: passes only documents ajv passes, on random documents valid and invalid in every field', (sheet) => {
    const docValid = validatorAt(DEFINITION[sheet]);
    let sure = 0;
    let validDue = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { docs, asked } = mapped(sheet, seed, 600, seed % 4 === 0 ? 0.02 : 0.25);
      // each document 256 behind the newest was judged once: by the shortcut, or else by ajv (asked)
      const due = docs.count - 256;
      for (let id = 0; id < docs.count; id++) {
        const valid = docValid(docs.json(id));
        if (docs.passed!(id) && !valid) throw new Error(`seed ${seed}: document ${id} passed, ajv refuses it: ${JSON.stringify(docs.json(id))}`);
        if (id < due && valid && !docs.passed!(id)) throw new Error(`seed ${seed}: document ${id} is valid and was due, yet not passed`);
        if (id < due && valid) validDue++;
      }
      sure += due - asked;
    }
    // most valid documents never reach ajv: the shortcut is live for the schema as shipped
    expect(sure).toBeGreaterThan(validDue * 0.9);
  });

  it('is off when a definition it relies on is not as it was written for', () => {
    const schema = real.schema!;
    const store = new DocumentStore(['ctin', 'idt', 'val', 'pos', 'rchrg', 'diffPercent', 'invTyp', 'etin']);
    const keys = new KeyTable();
    expect(b2bShortcut(store, b2bSpec, keys, schema)).toBeTypeOf('function');
    const item = schema.definitions.item as { properties: Record<string, unknown> };
    const changed = { ...schema, definitions: { ...schema.definitions, item: { ...item, properties: { ...item.properties, num: { type: 'integer', minimum: 2 } } } } };
    expect(b2bShortcut(store, b2bSpec, keys, changed)).toBeUndefined();
    expect(b2bShortcut(store, { ...b2bSpec, docFields: ['ctin', 'idt', 'val'] }, keys, schema)).toBeUndefined();
    expect(b2bShortcut(store, b2bSpec, keys, { ...schema, pointer: '/definitions/cdnrNote' })).toBeUndefined();
  });
});
