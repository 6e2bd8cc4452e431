/**
 * Row rules run on another reading of the CSV files change nothing: the same findings in the
 * same order, the same counts and JSON, whether they run in a worker thread, in a runner that
 * fails (the checker runs them itself) or here.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateReturn } from '../../bench/gen-return.mjs';
import { processReturn, SECOND_READING_FROM, type ProcessOptions } from '../api/process.js';
import { returnContext } from '../engine/options.js';
import { serialisePayloads } from '../mappers/payload.js';
import { rowRulesThread } from './host/row-rules-thread.js';
import { defaultCheckers, RULES } from './index.js';
import { ruleContext } from './rule-context.js';
import { mayRunElsewhere, portableContext, runRowRules, sentElsewhere, type RowRulesJob, type RowRulesOutcome, type RowRulesRunner } from './row-rules.js';

const ctx = returnContext({ gstin: '27AAACR5055K1Z7', period: '102025' });
let dir: string;
let csvs: string[];
let book: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gstr1-rules-'));
  // defects in 3 % of the rows, so the findings are many and of many rules
  const m = await generateReturn({ lines: 3000, out: join(dir, 'ret'), errors: 0.03 });
  csvs = Object.values(m.files.csv);
  book = m.files.xlsx!;
  if (csvs.length < 5) throw new Error('the generator wrote no CSVs');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.GSTR1_RULE_THREAD;
});

async function pass(files: readonly string[], elsewhere?: RowRulesRunner, extra: Partial<ProcessOptions> = {}) {
  // these returns are small: the second reading is asked for from the first byte
  const r = await processReturn(files, ctx, {
    checkers: defaultCheckers(ctx, { today: '2025-11-20' }, RULES, elsewhere ? { elsewhere } : {}), secondReadingFrom: 1, ...extra,
  });
  return { findings: r.findings.items, stats: r.stats, json: [...serialisePayloads(r.outputs, { gstin: ctx.gstin, fp: '102025' })] };
}

/** A runner that runs the job in this thread, and remembers it. */
function here(jobs: RowRulesJob[]): RowRulesRunner {
  return (job) => {
    jobs.push(job);
    return { outcome: runRowRules(job), stop: () => undefined };
  };
}

describe('row rules on another reading of the CSV files', () => {
  it('gives the findings, counts and JSON of a pass that runs them itself, in the same order', async () => {
    const alone = await pass(csvs);
    const codes = new Set(alone.findings.map((f) => f.code));
    // row rules and pass rules both report while rows stream, so the merge is put to the test
    expect(alone.findings.length).toBeGreaterThan(50);
    expect(codes.size).toBeGreaterThan(8);
    const jobs: RowRulesJob[] = [];
    expect(await pass(csvs, here(jobs))).toEqual(alone);
    expect(jobs).toHaveLength(1);
    const moved = jobs[0]!.rules.map((r) => RULES[r.index]!.code);
    expect(moved).toContain('AMOUNT_DIGITS');
    expect(moved).not.toContain('IFF_DUPLICATE');
    // kept here to share the work (sentElsewhere), their findings merged in among the others'
    const kept = RULES.filter((r) => mayRunElsewhere(r) && !sentElsewhere(r)).map((r) => r.code);
    expect(moved.filter((c) => kept.includes(c))).toEqual([]);
    expect(alone.findings.some((f) => kept.includes(f.code))).toBe(true);
    // a pass rule that reports on rows only goes too (PassRule.rowsOnly); one that shares the run's document index stays
    expect(moved).toContain('DOCNUM_FORMAT');
    expect(moved).not.toContain('RET191190');
    // the other reading made findings of its own, which the merge put in their places
    const outcome = await runRowRules(jobs[0]!);
    expect(outcome.findings.length).toBeGreaterThan(20);
    // every row read and coerced, less those the reader rejected, plus those the mappers rejected later
    const read = alone.stats.reduce((n, s) => n + s.read, 0);
    const rejected = alone.stats.reduce((n, s) => n + s.rejected, 0);
    expect(outcome.rows).toBeLessThan(read);
    expect(outcome.rows).toBeGreaterThanOrEqual(read - rejected);
  });

  it('puts a row rule\'s finding before a pass rule\'s on the same row, as the rules are listed', async () => {
    const b2b = join(dir, 'b2b.csv');
    const b2cl = join(dir, 'b2cl.csv');
    writeFileSync(b2b, [
      'GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate,Taxable Value,Cess Amount',
      '27YLDFB7541I1Z4,Coastal Industries LLP,TI/1,19-Oct-2025,5463.85,27-Maharashtra,N,,Regular B2B,,18,4630.38,0.00',
    ].join('\n'));
    // the same number again (a pass rule, RET191190) on a B2C (large) invoice under the limit (a row rule)
    writeFileSync(b2cl, [
      'Invoice Number,Invoice date,Invoice Value,Place Of Supply,Applicable % of Tax Rate,Rate,Taxable Value,Cess Amount,E-Commerce GSTIN',
      'TI/1,28-Oct-2025,5000.00,06-Haryana,,18,4237.29,0.00,',
    ].join('\n'));
    const alone = await pass([b2b, b2cl]);
    const onRow = alone.findings.filter((f) => f.file === b2cl && f.row === 2).map((f) => f.code);
    expect(onRow).toContain('RET191190');
    expect(onRow.indexOf('RET191190')).toBeGreaterThan(0);
    expect(await pass([b2b, b2cl], here([]))).toEqual(alone);
  });

  it('a pass rule that reports on rows only is run there too, its findings in their places', async () => {
    const b2b = join(dir, 'b2b,sez,de.csv');
    writeFileSync(b2b, [
      'GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate,Taxable Value,Cess Amount',
      '27YLDFB7541I1Z4,Coastal Industries LLP,TI/1,19-Oct-2025,5463.85,27-Maharashtra,N,,Regular B2B,,18,4630.38,0.00',
      // a malformed number (DOCNUM_FORMAT, a pass rule) on a row with a row rule's finding (a rate off the list)
      '27YLDFB7541I1Z4,Coastal Industries LLP,TI 2,19-Oct-2025,5463.85,27-Maharashtra,N,,Regular B2B,,17,4630.38,0.00',
      '27YLDFB7541I1Z4,Coastal Industries LLP,TI 2,19-Oct-2025,5463.85,27-Maharashtra,N,,Regular B2B,,18,4630.38,0.00',
    ].join('\n'));
    const alone = await pass([b2b]);
    const onRow = alone.findings.filter((f) => f.row === 3).map((f) => f.code);
    expect(onRow).toEqual(expect.arrayContaining(['RET191175', 'DOCNUM_FORMAT']));
    expect(onRow.indexOf('DOCNUM_FORMAT')).toBeGreaterThan(onRow.indexOf('RET191175'));
    const jobs: RowRulesJob[] = [];
    expect(await pass([b2b], here(jobs))).toEqual(alone);
    // the pass rule's made on the other reading, the rate's here (kept to share the work), merged in the order of the rules
    const made = (await runRowRules(jobs[0]!)).findings.map((f) => f.finding.code);
    expect(made).toContain('DOCNUM_FORMAT');
    expect(made).not.toContain('RET191175');
  });

  it('in a worker thread: the same, the files read once there and the rows handed over', async () => {
    const alone = await pass(csvs);
    process.env.GSTR1_RULE_THREAD = '1';
    const outcomes: Promise<RowRulesOutcome>[] = [];
    const watched: RowRulesRunner = (job) => {
      const run = rowRulesThread(job);
      if (run) outcomes.push(run.outcome);
      // the thread reads for the pass: its rows are the pass's rows
      expect(job.ship).toBe(true);
      expect(run?.rows).toBeDefined();
      return run;
    };
    expect(await pass(csvs, watched)).toEqual(alone);
    // the thread did the work: its outcome was there to merge, not made up for here
    expect(outcomes).toHaveLength(1);
    expect((await outcomes[0]!).findings.length).toBeGreaterThan(20);
    // with a progress callback too (the command line on a terminal): the job the thread gets is plain data
    expect(await pass(csvs, watched, { onProgress: () => undefined })).toEqual(alone);
    expect(outcomes).toHaveLength(2);
    expect((await outcomes[1]!).findings).toEqual((await outcomes[0]!).findings);
  });

  it('in a worker thread: findings made here on rows read there quote their cells, quoted or not; progress as here', async () => {
    const b2b = join(dir, 'b2b,sez,de.csv');
    const lines = ['GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate,Taxable Value,Cess Amount'];
    for (let i = 1; i <= 12000; i++) {
      // quoted names near the end only, so some batches go as lines and some as cells
      const name = i > 11000 ? '"Coastal Industries, LLP"' : 'Coastal Industries LLP';
      // the second line of every 50th invoice gives another date: DOC_FIELD_MISMATCH, made by the mapper here
      const date = i % 100 === 0 ? '20-Oct-2025' : '19-Oct-2025';
      lines.push(`27YLDFB7541I1Z4,${name},TI/${Math.ceil(i / 2)},${date},5463.85,27-Maharashtra,${i % 7 ? 'N' : ''},,Regular B2B,,18,4630.38,`);
    }
    writeFileSync(b2b, lines.join('\n'));
    const local: number[] = [];
    const alone = await pass([b2b], undefined, { onProgress: (rows) => void local.push(rows) });
    const mismatches = alone.findings.filter((f) => f.code === 'DOC_FIELD_MISMATCH');
    expect(mismatches.length).toBe(120);
    expect(mismatches.every((f) => f.value === '20-Oct-2025')).toBe(true);
    process.env.GSTR1_RULE_THREAD = '1';
    const there: number[] = [];
    expect(await pass([b2b], rowRulesThread, { onProgress: (rows) => void there.push(rows) })).toEqual(alone);
    // progress every 5,000 rows handed over, as the reader in this thread gives it
    expect(local).toEqual([5000, 10000]);
    expect(there).toEqual(local);
  });

  it('in a worker thread: a file that cannot be read stops the pass with the reader\'s own error', async () => {
    process.env.GSTR1_RULE_THREAD = '1';
    const bad = join(dir, 'nothing-there.csv');
    writeFileSync(bad, 'a,b\n1,2\n');
    await expect(pass([...csvs, bad], rowRulesThread)).rejects.toMatchObject({ name: 'InputError', code: 'FILE_NO_KNOWN_SHEET' });
  });

  it('a runner that fails, or saw other rows, is made up for here', async () => {
    const alone = await pass(csvs);
    const failing: RowRulesRunner = () => ({ outcome: Promise.reject(new Error('gone')), stop: () => undefined });
    expect(await pass(csvs, failing)).toEqual(alone);
    const short: RowRulesRunner = (job) => ({ outcome: runRowRules({ ...job, files: job.files.slice(1) }), stop: () => undefined });
    expect(await pass(csvs, short)).toEqual(alone);
  });

  it('is not asked for small files (starting a thread costs more than it saves) by default', async () => {
    const jobs: RowRulesJob[] = [];
    const alone = await pass(csvs);
    expect(await pass(csvs, here(jobs), { secondReadingFrom: SECOND_READING_FROM })).toEqual(alone);
    expect(jobs).toHaveLength(0);
    expect(SECOND_READING_FROM).toBe(4 * 1024 * 1024);
  });

  it('a runner that throws instead of starting leaves every rule here', async () => {
    const alone = await pass(csvs);
    const throwing: RowRulesRunner = () => {
      throw new Error('no thread');
    };
    expect(await pass(csvs, throwing)).toEqual(alone);
  });

  it('is not asked for a workbook (read on the second core already)', async () => {
    const jobs: RowRulesJob[] = [];
    await pass([book], here(jobs));
    await pass([book, ...csvs], here(jobs));
    expect(jobs).toHaveLength(0);
  });

  it('stops the other thread when the pass ends early', async () => {
    let stopped = 0;
    const runner: RowRulesRunner = (job) => ({ outcome: runRowRules(job), stop: () => void stopped++ });
    const missing = join(dir, 'missing.csv');
    await expect(pass([...csvs, missing], runner)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    // the missing file is found out before anything is handed over
    expect(stopped).toBe(0);
    const bad = join(dir, 'nothing.csv');
    writeFileSync(bad, 'a,b\n1,2\n');
    await expect(pass([...csvs, bad], runner)).rejects.toMatchObject({ code: 'FILE_NO_KNOWN_SHEET' });
    expect(stopped).toBe(1);
  });

  it('keeps seven cheap row rules on the mapping thread to share the work, each a row rule that could go', () => {
    const kept = RULES.filter((r) => mayRunElsewhere(r) && !sentElsewhere(r));
    expect(kept.map((r) => r.code).sort()).toEqual(['DOCNUM_ZERO', 'DOCNUM_ZERO_LIKE', 'INVOICE_SIGN', 'INVTYPE_RCHRG', 'RET191112', 'RET191150', 'RET191175']);
    expect(kept.every((r) => r.kind === 'row')).toBe(true);
  });

  it('GSTR1_RULE_THREAD=0 keeps every rule in this thread', () => {
    process.env.GSTR1_RULE_THREAD = '0';
    expect(rowRulesThread({ files: [], read: { period: ctx.period }, context: portableContext(ruleContext(ctx, { today: '2025-11-20' })), rules: [] })).toBeUndefined();
  });

  it('pass rules run elsewhere report on rows only and keep nothing the run shares', () => {
    const rowsOnly = RULES.filter((r) => r.kind === 'pass' && r.rowsOnly);
    expect(rowsOnly.map((r) => r.code)).toEqual(['DOCNUM_FORMAT']);
    for (const r of rowsOnly) {
      if (r.kind !== 'pass') continue;
      expect(/ctx\.(documents|iffDocuments)\b/.test(r.check.toString()), r.code).toBe(false);
      expect(r.check(ruleContext(ctx, {}), Object.assign(() => undefined, { raw: () => undefined })).finish, r.code).toBeUndefined();
    }
  });

  it('rules that read the run\'s own state stay with the rows', () => {
    const folder = join(import.meta.dirname, 'rules');
    for (const f of readdirSync(folder).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts') && n !== 'index.ts')) {
      const text = readFileSync(join(folder, f), 'utf8');
      if (!/kind: 'row'/.test(text) || !/ctx\.(iffDocuments|documents)\b/.test(text)) continue;
      const code = /code: '([A-Z0-9_]+)'/.exec(text)![1]!;
      expect(RULES.find((r) => r.code === code)?.mappingThreadOnly, `${f} reads the run's state`).toBe(true);
    }
  });

  it('hands the other thread every field of the rule context but what only this thread has, and it derives the same context', () => {
    const iff = { periodOf: () => undefined } as unknown as NonNullable<Parameters<typeof ruleContext>[1]>['iffDocuments'];
    const full = ruleContext({ ...ctx, sez: true }, {
      turnover: 60_000_000, registrationDate: '2020-01-01', annualReturnFiled: '2025-09-30', quarterly: true, form: 'gstr1a', today: '2025-11-20', iffDocuments: iff,
    });
    const context = portableContext(full);
    // what crosses to the thread is plain data: the structured clone a worker's data goes through keeps it whole
    expect(structuredClone(context)).toEqual(context);
    const local = ['iffDocuments', 'documents', 'rates', 'firstDay', 'lastDay'];
    expect(Object.keys(context).sort()).toEqual(Object.keys(full).filter((k) => !local.includes(k)).sort());
    const there = ruleContext(context, context);
    for (const [k, v] of Object.entries(full)) if (k !== 'iffDocuments' && k !== 'documents') expect(there[k as keyof typeof there], k).toEqual(v);
    expect(there.iffDocuments).toBeUndefined();
  });
});
