import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writePayloadFiles } from './convert.js';
import { serialisePayloads } from '../mappers/payload.js';
import type { SectionOutput } from '../mappers/types.js';
import { parsePeriod } from '../model/period.js';
import type { SectionKey } from '../model/sheets.js';
import type { ProcessResult } from '../engine/pass.js';

const invoice = (i: number) => ({
  inum: `INV-${i}`, idt: '05-10-2025', val: 1180, pos: '29', rchrg: 'N', inv_typ: 'R',
  itms: [{ num: 1, itm_det: { rt: 18, txval: 1000, iamt: 180, csamt: 0 } }],
});
const groups = Array.from({ length: 30 }, (_, k) => ({ ctin: `29AAACR5055K1Z${k % 10}`, inv: [invoice(2 * k), invoice(2 * k + 1)] }));
const hsnParts = { hsn_b2b: [{ num: 1, hsn_sc: '8471', txval: 1000 }], hsn_b2c: [{ num: 1, hsn_sc: '9983', txval: 5 }] };
const outputs = new Map<SectionKey, SectionOutput>([
  ['b2b', { kind: 'array', splitKey: 'inv', items: groups }],
  ['hsn', { kind: 'object', parts: hsnParts }],
]);
const result = { ctx: { gstin: '27AAACR5055K1Z7', period: parsePeriod('102025') }, outputs } as unknown as ProcessResult;
const env = { gstin: '27AAACR5055K1Z7', fp: '102025' };

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('writePayloadFiles: payloads written as they are serialised', () => {
  it('writes chunks -1 … -N, each exactly the payload serialisePayloads gives, and nothing else', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gstr1-write-'));
    const expected = [...serialisePayloads(outputs, env, 2000)];
    expect(expected.length).toBeGreaterThan(2);
    const written = await writePayloadFiles(result, join(dir, 'ret.json'), 2000);
    expect(written).toEqual(expected.map((_, i) => join(dir!, `ret-${i + 1}.json`)));
    expected.forEach((text, i) => expect(readFileSync(written[i]!, 'utf8')).toBe(text));
    // each is what JSON.stringify writes, and together they hold every group and HSN row once, in order
    const parsed = expected.map((t) => JSON.parse(t) as { b2b?: unknown[]; hsn?: Record<string, unknown[]> });
    expected.forEach((t, i) => expect(t).toBe(JSON.stringify(parsed[i])));
    expect(parsed.flatMap((p) => p.b2b ?? [])).toEqual(groups);
    expect(parsed.flatMap((p) => Object.entries(p.hsn ?? {}))).toEqual(Object.entries(hsnParts));
    expect(readdirSync(dir).sort()).toEqual(expected.map((_, i) => `ret-${i + 1}.json`).sort());
  });

  it('writes one payload to the file named, leaving a file named like its first chunk alone', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gstr1-write-'));
    writeFileSync(join(dir, 'ret-1.json'), 'mine');
    const written = await writePayloadFiles(result, join(dir, 'ret.json'), 4_500_000);
    expect(written).toEqual([join(dir, 'ret.json')]);
    expect(readFileSync(join(dir, 'ret.json'), 'utf8')).toBe([...serialisePayloads(outputs, env)][0]);
    expect(readFileSync(join(dir, 'ret-1.json'), 'utf8')).toBe('mine');
    expect(readdirSync(dir).sort()).toEqual(['ret-1.json', 'ret.json']);
  });
});
