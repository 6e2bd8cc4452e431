import { describe, expect, it } from 'vitest';
import { serialisePayloads } from './payload.js';
import type { SectionOutput } from './types.js';
import type { SectionKey } from '../model/sheets.js';

const env = { gstin: '27AAACR5055K1Z7', fp: '102025' };
const invoice = (i: number) => ({
  inum: `BIG-${i}`, idt: '05-10-2025', val: 1180 + i / 100, pos: '29', rchrg: 'N', inv_typ: 'R',
  itms: [{ num: 1, itm_det: { rt: 18, txval: 1000 + i / 100, iamt: 180, csamt: 0 } }],
});
const group = { ctin: '29AAACR5055K1Z3', inv: Array.from({ length: 40 }, (_, i) => invoice(i)) };
const outputs = new Map<SectionKey, SectionOutput>([['b2b', { kind: 'array', items: [group], splitKey: 'inv' }]]);

describe('payload: a recipient over the chunk limit', () => {
  it('is cut into pieces that are the JSON of the recipient with a run of its invoices, in order', () => {
    const chunks = [...serialisePayloads(outputs, env, 2500)];
    expect(chunks.length).toBeGreaterThan(2);
    const pieces = chunks.map((c) => JSON.parse(c) as { gstin: string; fp: string; b2b: (typeof group)[] });
    for (const [i, p] of pieces.entries()) {
      expect(chunks[i]).toBe(JSON.stringify(p)); // exactly what JSON.stringify writes
      expect(p.b2b.map((g) => g.ctin)).toEqual([group.ctin]);
      expect(Buffer.byteLength(chunks[i]!)).toBeLessThanOrEqual(2500);
    }
    expect(pieces.flatMap((p) => p.b2b[0]!.inv)).toEqual(group.inv);
  });

  it('serialises an invoice once, whether its recipient is cut or not', () => {
    let calls = 0;
    // toJSON runs each time JSON.stringify writes the invoice, wherever it is nested
    const counted = { ...group, inv: group.inv.map((inv) => ({ toJSON: () => (calls++, inv) })) };
    const one = new Map<SectionKey, SectionOutput>([['b2b', { kind: 'array', items: [counted], splitKey: 'inv' }]]);
    const chunks = [...serialisePayloads(one, env, 2500)];
    expect(chunks).toEqual([...serialisePayloads(outputs, env, 2500)]);
    expect(calls).toBe(group.inv.length);
    calls = 0;
    // within the limit: one text, exactly JSON.stringify of the recipient
    const whole = [...serialisePayloads(one, env, 1_000_000)];
    expect(whole).toEqual([JSON.stringify({ ...env, b2b: [group] })]);
    expect(calls).toBe(group.inv.length);
  });

  it('cuts at element boundaries whatever the elements hold: quotes, backslashes, commas and brackets in texts', () => {
    const tricky = { ...group, inv: group.inv.map((inv, i) => ({ ...inv, note: i % 3 ? `a "q", [x] {y} \\ ${i}` : '\\"],[{' })) };
    const one = new Map<SectionKey, SectionOutput>([['b2b', { kind: 'array', items: [tricky], splitKey: 'inv' }]]);
    const chunks = [...serialisePayloads(one, env, 3000)];
    expect(chunks.length).toBeGreaterThan(2);
    const pieces = chunks.map((c) => JSON.parse(c) as { b2b: (typeof tricky)[] });
    chunks.forEach((c, i) => expect(c).toBe(JSON.stringify(pieces[i])));
    expect(pieces.flatMap((p) => p.b2b[0]!.inv)).toEqual(tricky.inv);
  });

  it('writes a group whose list is not its last key as JSON.stringify does, cut or not', () => {
    const late = { inv: group.inv, ctin: group.ctin };
    const cut = new Map<SectionKey, SectionOutput>([['b2b', { kind: 'array', items: [late], splitKey: 'inv' }]]);
    const pieces = [...serialisePayloads(cut, env, 2500)].map((c) => JSON.parse(c) as { b2b: (typeof group)[] });
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.flatMap((p) => p.b2b[0]!.inv)).toEqual(group.inv);

    const odd = { inv: group.inv.slice(0, 2), ctin: group.ctin };
    const one = new Map<SectionKey, SectionOutput>([['b2b', { kind: 'array', items: [odd], splitKey: 'inv' }]]);
    expect([...serialisePayloads(one, env, 1_000_000)]).toEqual([JSON.stringify({ ...env, b2b: [odd] })]);
  });
});
