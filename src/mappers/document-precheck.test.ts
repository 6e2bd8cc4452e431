/**
 * Documents checked while rows stream (MapContext.precheck): a document is checked once it is a
 * few hundred documents behind the newest, and a check stops holding when a line is added to it
 * later, so what `passed` says is what checking every document at the end would say.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processReturn } from '../api/process.js';
import { returnContext } from '../engine/options.js';
import { FindingList } from '../model/finding.js';
import { defaultCheckers } from '../validators/index.js';
import { MAPPERS } from './registry.js';
import { p, parsedRow, returnCtx } from './test-helpers.js';
import type { DocumentPrecheck, GroupedDocuments } from './types.js';

const line = (inum: string, rt = 18) => ({
  sheet: 'b2b' as const,
  values: { ctin: '27AAACR5055K1Z7', inum, idt: '2025-03-05', val: p('11800'), pos: '27', invTyp: 'R', rt, txval: p('10000') },
});

/** Maps the lines with a precheck that passes one-item documents only, and records what it was asked. */
function mapped(lines: ReturnType<typeof line>[]) {
  const asked: string[] = [];
  const precheck: DocumentPrecheck = (section, listKey) =>
    section === 'b2b' && listKey === 'inv'
      ? (json) => {
          const doc = json as { inum: string; itms: unknown[] };
          asked.push(doc.inum);
          return doc.itms.length === 1;
        }
      : undefined;
  const builder = MAPPERS.b2b.create({ ...returnCtx(), findings: new FindingList(), precheck });
  lines.forEach((l, i) => builder.add(parsedRow(l, 5 + i)));
  const out = builder.build();
  if (out?.kind !== 'array' || !out.documents) throw new Error('no documents');
  return { docs: out.documents as GroupedDocuments, asked };
}

describe('documents checked while rows stream', () => {
  it('checks a document 256 documents behind the newest, once, with all its lines', () => {
    const lines = [];
    for (let i = 0; i < 600; i++) lines.push(line(`I/${i}`), line(`I/${i}`));
    const { docs, asked } = mapped(lines);
    // documents 0 … 343 were due before the last row; the last 256 are left for the end
    expect(asked).toEqual(Array.from({ length: 600 - 256 }, (_, i) => `I/${i}`));
    expect(docs.passed!(0)).toBe(true);
    expect(docs.passed!(343)).toBe(true);
    expect(docs.passed!(344)).toBe(false);
  });

  it('forgets a check when a line comes to the document after it, and leaves a failed one for the end', () => {
    const lines = [];
    for (let i = 0; i < 400; i++) lines.push(line(`I/${i}`));
    // a second rate for I/0 (checked and passed by now): two items, which the precheck would fail
    lines.push(line('I/0', 5));
    // a two-item document in time for its check: it fails, and is not marked passed
    lines.splice(10, 0, line('I/9', 5));
    const { docs, asked } = mapped(lines);
    expect(asked).toContain('I/0');
    expect(asked).toContain('I/9');
    expect(docs.passed!(0)).toBe(false);
    expect(docs.passed!(9)).toBe(false);
    expect(docs.passed!(8)).toBe(true);
    expect(docs.json(0)).toMatchObject({ itms: [{}, {}] });
  });

  it('offers nothing without a precheck for the section', () => {
    const builder = MAPPERS.b2b.create({ ...returnCtx(), findings: new FindingList(), precheck: () => undefined });
    builder.add(parsedRow(line('I/1')));
    const out = builder.build();
    expect(out?.kind === 'array' && out.documents?.passed).toBeUndefined();
  });

  it('in a pass, the schema rule\'s check is made while rows stream (RET191106 offers it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gstr1-precheck-'));
    try {
      const csv = join(dir, 'b2b.csv');
      const rows = ['GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate,Taxable Value,Cess Amount'];
      for (let i = 0; i < 300; i++) rows.push(`27YLDFB7541I1Z4,Coastal Industries LLP,TI/${i},19-Oct-2025,5900,27-Maharashtra,N,,Regular B2B,,18,5000,`);
      writeFileSync(csv, rows.join('\n'));
      const ctx = returnContext({ gstin: '27AAACR5055K1Z7', period: '102025' });
      const r = await processReturn([csv], ctx, { checkers: defaultCheckers(ctx, { today: '2025-11-20' }) });
      const b2b = r.outputs.get('b2b');
      const docs = b2b?.kind === 'array' ? b2b.documents : undefined;
      expect(docs?.passed?.(0)).toBe(true);
      expect(docs?.passed?.(43)).toBe(true);
      expect(docs?.passed?.(44)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
