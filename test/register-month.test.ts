/**
 * The bar: a month's sales register (every section, notes, exports, nil-rated lines, SEZ, a
 * cancelled invoice, a gap in a series) converts to the same retsave JSON as the same data entered
 * in the official template; so does a TallyPrime export of it through its preset, with no mapping
 * file; and `split` writes a template workbook that converts to that JSON again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { returnContext } from '../src/engine/options.js';
import { processReturn } from '../src/api/process.js';
import { assemblePayload } from '../src/mappers/payload.js';
import { explainLine, type RowExplanation } from '../src/register/index.js';
import { processWithRegister } from '../src/api/register-pass.js';
import { splitRegister } from '../src/api/split.js';
import { defaultCheckers } from '../src/validators/index.js';
import { registerCli } from './fixtures/register/cli.js';
import {
  PERIOD, SUPPLIER, buildMonth, docValue, lineCount, writeGstr1Register, writeTallyRegister, writeTemplateCsvs, type Doc,
} from './fixtures/register/month.js';

const root = mkdtempSync(join(tmpdir(), 'gstr1-register-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ctx = returnContext({ gstin: SUPPLIER, period: PERIOD });
const env = { gstin: SUPPLIER, fp: PERIOD };

let docs: Doc[];
let tallyDocs: Doc[];
let register: string;
let registerWithValue: string;
let tally: string;
let templateJson: Record<string, unknown>;
let tallyTemplateJson: Record<string, unknown>;

async function templateJsonOf(dir: string, month: readonly Doc[]) {
  const files = writeTemplateCsvs(dir, month);
  const res = await processReturn(files, ctx, {});
  expect(res.findings.items).toEqual([]);
  return assemblePayload(res.outputs, env) as unknown as Record<string, unknown>;
}

beforeAll(async () => {
  docs = buildMonth({ diff65: true });
  tallyDocs = buildMonth();
  register = await writeGstr1Register(root, docs);
  registerWithValue = await writeGstr1Register(root, docs, { invoiceValue: true }, 'register-with-value.xlsx');
  tally = await writeTallyRegister(root, tallyDocs);
  templateJson = await templateJsonOf(join(root, 'template'), docs);
  tallyTemplateJson = await templateJsonOf(join(root, 'template-tally'), tallyDocs);
});

describe('register: a month of sales', () => {
  it('is realistic: a few hundred lines in every section', () => {
    expect(lineCount(docs)).toBeGreaterThan(250);
    for (const key of ['b2b', 'b2cl', 'b2cs', 'cdnr', 'cdnur', 'exp', 'nil', 'hsn', 'doc_issue', 'supeco']) {
      expect(templateJson, key).toHaveProperty(key);
    }
    const hsn = templateJson.hsn as Record<string, unknown[]>;
    expect(hsn.hsn_b2b!.length).toBeGreaterThan(0);
    expect(hsn.hsn_b2c!.length).toBeGreaterThan(0);
  });

  it('converts to the same JSON as the template (no invoice-value column: documents totalled first)', async () => {
    const { result, run } = await processWithRegister([register], ctx, {});
    expect(run).toBeDefined();
    expect(run!.summary.sheets[0]).toMatchObject({ layout: 'gstr1 sales register', headerRow: 1, passes: 2 });
    expect(assemblePayload(result.outputs, env)).toEqual(templateJson);
  });

  it('converts to the same JSON with an Invoice Value column, in one pass', async () => {
    const { result, run } = await processWithRegister([registerWithValue], ctx, {});
    expect(run!.summary.sheets[0]!.passes).toBe(1);
    expect(assemblePayload(result.outputs, env)).toEqual(templateJson);
  });

  it('a TallyPrime export converts through its preset, found by its headers, with no mapping file', async () => {
    const { result, run } = await processWithRegister([tally], ctx, {});
    expect(run!.summary.sheets[0]).toMatchObject({ layout: expect.stringContaining('TallyPrime'), headerRow: 5, passes: 1 });
    expect(result.findings.items).toEqual([]);
    expect(assemblePayload(result.outputs, env)).toEqual(tallyTemplateJson);
  });

  it('puts the B2CL boundary where it belongs: 1,00,000.01 in b2cl, 1,00,000.00 in b2cs', () => {
    const b2cl = (templateJson.b2cl as { inv: { val: number }[] }[]).flatMap((g) => g.inv.map((i) => i.val));
    expect(b2cl).toContain(100000.01);
    expect(b2cl).not.toContain(100000);
    expect(docs.some((d) => d.section === 'b2cs' && docValue(d) === 1_00_000_00)).toBe(true);
  });

  it('finds nothing wrong on the register\'s own cells, and explains every row', async () => {
    const explained: RowExplanation[] = [];
    const { result, run } = await processWithRegister([register], ctx, { checkers: defaultCheckers(ctx), onExplain: (e) => explained.push(e) });
    const onRegister = result.findings.items.filter((f) => f.sheet === 'Sales Register');
    expect(onRegister).toEqual([]);
    expect(result.findings.items.filter((f) => f.code.startsWith('REGISTER_'))).toEqual([]);
    expect(explained).toHaveLength(lineCount(docs));
    expect(explained.filter((e) => e.target === 'rejected')).toEqual([]);
    expect(run!.summary.rows).toBe(lineCount(docs));
    const line = explainLine(explained.find((e) => e.reason === 'b2cl')!);
    expect(line).toMatch(/row \d+ {2}invoice INV\/25-26\/\d{4} {2}→ b2cl: unregistered recipient, inter-State \(POS \d\d, your state 27\), invoice value [\d.]+ is above the B2CL limit 100000\.00 for 092025/);
  });

  it('shows the series it found, with the cancelled invoice and the gap', async () => {
    const { run } = await processWithRegister([register], ctx, {});
    const inv = run!.summary.series.find((s) => s.from.startsWith('INV/'))!;
    expect(inv).toMatchObject({ from: 'INV/25-26/0001', markedCancelled: 1, gaps: 1, cancel: 2 });
    expect(inv.missing).toHaveLength(1);
    expect(inv.totnum).toBe(Number(inv.to.slice(-4)));
    expect(run!.summary.series.map((s) => s.from)).toEqual(['INV/25-26/0001', 'EXP/25-26/001', 'DN/25-26/001', 'CN/25-26/001']);
    expect(run!.summary.sections.get('cancelled')).toMatchObject({ rows: 1, documents: 1 });
    expect(run!.summary.sections.get('b2cl')!.documents).toBe(3);
  });

  it('split writes the official template workbook, which converts to the same JSON', async () => {
    const out = join(root, 'split.xlsx');
    const res = await splitRegister([register], { gstin: SUPPLIER, period: PERIOD, out });
    expect(res.sheets.find((s) => s.id === 'b2b')!.rows).toBeGreaterThan(0);
    const again = await processReturn([out], ctx, {});
    expect(again.findings.items.filter((f) => f.severity === 'error')).toEqual([]);
    expect(assemblePayload(again.outputs, env)).toEqual(templateJson);
  });

  it('gstr1 split prints the classification and writes the workbook', async () => {
    const out = join(root, 'split-cli.xlsx');
    const r = await registerCli('split', tally, '--gstin', SUPPLIER, '--period', PERIOD, '--out', out, '--explain');
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toMatch(/→ cancelled: marked cancelled: counted only in Table 13/);
    expect(r.stdout).toMatch(/b2cl \(5\) +4 +3 /);
    expect(r.stdout).toMatch(/Documents issued \(13\), series found:/);
    expect(r.stdout).toContain(`Wrote ${out}`);
  });
});
