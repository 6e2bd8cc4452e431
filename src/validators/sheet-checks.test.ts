/**
 * sheetChecks compiles one function per sheet that calls each rule from a call site of its own;
 * where code cannot be compiled it calls them in a loop. Both make the same findings in the
 * same order, on rows with many defects of many rules.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReturn } from '../../bench/gen-return.mjs';
import { returnContext } from '../engine/options.js';
import { FindingList, type Finding } from '../model/finding.js';
import { readRowBatches, type ParsedRow } from '../parsers/rows.js';
import { reporter, ruleContext } from './rule-context.js';
import { sheetChecks } from './row-rules.js';
import { RULES } from './rules/index.js';

const ctx = ruleContext(returnContext({ gstin: '27AAACR5055K1Z7', period: '102025' }), { today: '2025-11-20' });
let dir: string;
let rows: ParsedRow[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gstr1-sheet-checks-'));
  const m = await generateReturn({ lines: 2000, out: join(dir, 'ret'), errors: 0.4 });
  rows = [];
  for await (const batch of readRowBatches(Object.values(m.files.csv), { findings: new FindingList(), stats: [] })) for (const r of batch) rows.push(r);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every row checked by the rules of its sheet that run on the reading thread, through `compile`. */
function check(compile?: (body: string) => unknown): Finding[] {
  const found: Finding[] = [];
  const entries = RULES.filter((r) => !r.mappingThreadOnly && (r.kind === 'row' || r.rowsOnly)).map((rule) => {
    const report = reporter(rule, (f) => found.push(f));
    return rule.kind === 'row' ? { rule, report } : { rule, pass: rule.check(ctx, report) };
  });
  const bySheet = new Map<string, (row: ParsedRow) => void>();
  for (const row of rows) {
    const id = row.ctx.spec.id;
    let f = bySheet.get(id);
    if (!f) bySheet.set(id, (f = sheetChecks(entries.filter((e) => e.rule.sections.includes(id)), ctx, compile)));
    f(row);
  }
  return found;
}

describe('sheetChecks', () => {
  it('compiled or in a loop, the same findings in the same order', () => {
    const compiled = check();
    const looped = check(() => {
      throw new EvalError('code generation from strings disallowed');
    });
    expect(compiled.length).toBeGreaterThan(40);
    expect(new Set(compiled.map((f) => f.code)).size).toBeGreaterThan(6);
    expect(compiled).toEqual(looped);
  });
});
