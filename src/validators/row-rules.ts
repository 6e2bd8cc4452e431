/**
 * Row rules checked on another thread's reading of the same CSV files, so the thread that maps
 * the rows does not run them (the second core reads and checks while the first maps): a row
 * rule looks at one coerced row and nothing else. Pass rules that report on rows only, from
 * their own rows (PassRule.rowsOnly), go too. Each finding carries the row's place in the pass
 * (`seq`) and its rule's place in the checker (`slot`), and the checker merges them back into
 * the order it would have made them in (checker.ts).
 *
 * A job that ships its rows hands every coerced row over too (parsers/row-ship.ts), with what
 * the reader reported: the files are then read once, on that thread, and the mapping thread
 * takes the same rows in the same order. Otherwise the mapping thread reads the files itself.
 *
 * This module is the job and how it runs; where it runs is the host's business (in Node a
 * worker thread: host/row-rules-thread.ts), and a failed or missing run is run here instead.
 */
import { FindingList, type Finding } from '../model/finding.js';
import type { ReturnContext } from '../model/return.js';
import type { SheetId } from '../model/sheets.js';
import { readRowBatches, type ParsedRow } from '../parsers/rows.js';
import { RowPacker, type ShippedBatch } from '../parsers/row-ship.js';
import type { TemplateFiles } from '../engine/pass.js';
import type { RowSource } from '../engine/run.js';
import { reporter, ruleContext } from './rule-context.js';
import { RULES } from './rules/index.js';
import type { Report, Rule, RowRule, RuleContext, RulePass } from './types.js';

/**
 * The rule context as plain data for another thread: every field but those only this thread has
 * (the --iff documents, the run's document index) or that `ruleContext` derives from the others,
 * so a field added to the context or the options travels without being listed here.
 */
export type PortableContext = Omit<RuleContext, (typeof LOCAL_FIELDS)[number]>;
const LOCAL_FIELDS = ['iffDocuments', 'documents', 'rates', 'firstDay', 'lastDay'] as const;
const LOCAL_ONLY: ReadonlySet<string> = new Set(LOCAL_FIELDS);

export function portableContext(ctx: RuleContext): PortableContext {
  return Object.fromEntries(Object.entries(ctx).filter(([k]) => !LOCAL_ONLY.has(k))) as unknown as PortableContext;
}

/** Whether a rule may run on another reading: it reads nothing only the mapping thread has (Rule.mappingThreadOnly). */
export function mayRunElsewhere(rule: Rule): boolean {
  return RULES.includes(rule) && !rule.mappingThreadOnly;
}

/**
 * Row rules that could run on the other reading but are kept on the mapping thread, to share the
 * work: on a large CSV return the reading thread (read, coerce, check, pack every row) was the
 * slower one, and the mapping thread waited for it about a fifth of the run. These read the row's
 * values alone (never its cells, unless they report) and are cheap. Measured on the 500,000-line
 * CSV return (validate, 5 interleaved runs each, 2026-12-06): wall 2.43 -> 2.35 s keeping three,
 * 2.28-2.50 -> 2.16-2.32 s keeping eight; eleven (with AMOUNT_DIGITS and two date rules) was slower
 * than eight. Once the reading thread no longer copied CRLF text (2026-12-07), the mapping thread
 * was the busier one (1.52 against 1.24 s of CPU, medians of 12) and RET191113, the dearest of the
 * eight (a GSTIN's pattern and check character on each new recipient), went back: 1.42 against
 * 1.28 s, wall 2.25 -> 2.18 s (12 runs; two more rounds of 10 and 12: 2.82 -> 2.78, 2.63 -> 2.59 s).
 * Their findings are merged in the same order either way.
 */
const KEPT_FOR_BALANCE: ReadonlySet<string> = new Set([
  'DOCNUM_ZERO', 'DOCNUM_ZERO_LIKE', 'RET191112', 'RET191150', 'RET191175', 'INVTYPE_RCHRG', 'INVOICE_SIGN',
]);

/** Whether a row rule goes to the other reading when there is one: it may, and it is not kept to share the work. */
export function sentElsewhere(rule: Rule): boolean {
  return mayRunElsewhere(rule) && !KEPT_FOR_BALANCE.has(rule.code);
}

/** What another thread needs to read the files and check their rows: plain data only. */
export interface RowRulesJob extends TemplateFiles {
  /** the rule context, today included, so both threads agree on it */
  readonly context: PortableContext;
  /** each rule as its index in RULES and its slot in the checker that hands it over */
  readonly rules: readonly { readonly index: number; readonly slot: number }[];
  /**
   * Hand the coerced rows over as well (parsers/row-ship.ts), with what the reader reported: the
   * files are then read once, and the thread that maps takes its rows from this one.
   */
  readonly ship?: boolean;
}

/** A finding, the row it was made on (0-based among the rows checked) and its rule's slot. */
export interface SlottedFinding {
  readonly seq: number;
  readonly slot: number;
  readonly finding: Finding;
}

export interface RowRulesOutcome {
  /** rows checked: the checker compares it with its own count */
  readonly rows: number;
  /** in the order made: by row, then by slot */
  readonly findings: SlottedFinding[];
}

/**
 * Runs a job somewhere else; undefined when it cannot (one core, a browser). A job that ships its
 * rows gets them back as `rows`, the pass's row source.
 */
export type RowRulesRunner = (job: RowRulesJob) => { outcome: Promise<RowRulesOutcome>; stop(): void; rows?: RowSource } | undefined;

/** Where a job that ships its rows posts each batch; a promise makes the reading wait (the other side is behind). */
export type BatchPost = (batch: ShippedBatch) => void | Promise<void>;

/**
 * Reads the job's files and runs its rules on every row in slot order (row rules, then pass rules),
 * as the checker would have. With `post`, every batch of rows (and the reader's findings and
 * counts, last of all those of the end) goes there too.
 */
export async function runRowRules(job: RowRulesJob, post?: BatchPost): Promise<RowRulesOutcome> {
  const ctx = ruleContext(job.context, job.context);
  const findings: SlottedFinding[] = [];
  let seq = 0;
  const entries: SheetCheck[] = [...job.rules].sort((a, b) => a.slot - b.slot).map(({ index, slot }) => {
    const rule = RULES[index]!;
    const report = reporter(rule, (finding) => findings.push({ seq, slot, finding }));
    if (rule.kind === 'row') return { rule, report };
    // a pass rule marked rowsOnly (see PassRule): its state is its own
    return { rule, pass: rule.check(ctx, report) };
  });
  const bySheet = new Map<SheetId, (row: ParsedRow) => void>();
  let lastSheet: SheetId | undefined;
  let rulesOfSheet: (row: ParsedRow) => void = () => {};
  const check = (row: ParsedRow) => {
    const id = row.ctx.spec.id;
    if (id !== lastSheet) {
      lastSheet = id;
      let f = bySheet.get(id);
      if (!f) bySheet.set(id, (f = sheetChecks(entries.filter((e) => (e.pass ? e.pass.row : true) && e.rule.sections.includes(id)), ctx)));
      rulesOfSheet = f;
    }
    rulesOfSheet(row);
    seq++;
  };
  if (post) {
    // the reader's findings and counts travel with the rows, for the mapping thread to report
    const packer = new RowPacker();
    for await (const item of readRowBatches(job.files, { ...job.read, findings: packer.findings, stats: packer.stats })) {
      for (const row of item) {
        check(row);
        packer.add(row);
      }
      await post(packer.take());
    }
    await post(packer.take());
    return { rows: seq, findings };
  }
  // the reader's own findings are the mapping thread's to report
  for await (const item of readRowBatches(job.files, { ...job.read, findings: new FindingList(), stats: [] })) {
    for (const row of item) check(row);
  }
  return { rows: seq, findings };
}

/** A rule as one sheet's rows are checked by it: a row rule with its report, or a pass rule's handlers. */
interface SheetCheck {
  readonly rule: Rule;
  readonly report?: Report;
  readonly pass?: RulePass;
}

/**
 * One function that checks a row by every rule of its sheet, in order. Compiled once per sheet so
 * that each rule is called from a call site of its own: through one shared loop the call site
 * sees twenty rules and V8 calls each by the slowest path (no inlining); here each site sees one.
 * Where code cannot be compiled (a page's security policy) the rules are called in a loop.
 */
export function sheetChecks(list: readonly SheetCheck[], ctx: RuleContext, compile: (body: string) => unknown = (body) => new Function('R', 'P', 'ctx', body)): (row: ParsedRow) => void {
  const rules = list.map((e) => e.rule);
  const reports = list.map((e) => e.report ?? e.pass);
  try {
    // only indexes reach this code: no name or input
    const bind = list.map((e, i) => `const r${i} = R[${i}], p${i} = P[${i}];`).join('\n');
    const calls = list.map((e, i) => (e.pass ? `p${i}.row(row);` : `r${i}.check(row, ctx, p${i});`)).join('\n');
    const make = compile(`${bind}\nreturn function checkRow(row) {\n${calls}\n};`) as (R: unknown[], P: unknown[], ctx: RuleContext) => (row: ParsedRow) => void;
    return make(rules, reports, ctx);
  } catch {
    return (row) => {
      for (const e of list) {
        if (e.pass) e.pass.row!(row);
        else (e.rule as RowRule).check(row, ctx, e.report!);
      }
    };
  }
}
