/**
 * Turns rules into a `Checker` for the pass (src/engine): row rules run on every row of their
 * sheets, pass rules keep their own compact state and finish after mapping. Findings made while
 * rows stream are held here and handed to the return's finding list in `finish`, before the
 * cross-section rules add theirs, so every rule's findings come out in row order.
 *
 * When the rows are CSV files read by the template reader and a runner is given, the row rules
 * (and the pass rules that report on rows only, PassRule.rowsOnly) are run on the runner's
 * reading of the files (row-rules.ts), which also hands the rows to the pass, and their findings
 * are merged back in the order this checker would have made them: by row, then rule.
 */
import { inOrder, type Hook } from '../engine/in-order.js';
import type { Checker, ProcessResult, TemplateFiles } from '../engine/pass.js';
import type { RowSource } from '../engine/run.js';
import type { Finding } from '../model/finding.js';
import type { SheetId } from '../model/sheets.js';
import type { ParsedRow } from '../parsers/rows.js';
import { forRun, reporter } from './rule-context.js';
import { mayRunElsewhere, portableContext, runRowRules, sentElsewhere, sheetChecks, type RowRulesJob, type RowRulesOutcome, type RowRulesRunner, type SlottedFinding } from './row-rules.js';
import { RULES } from './rules/index.js';
import type { PassRule, Report, Rule, RuleContext, RulePass, RowRule } from './types.js';

export { ruleContext } from './rule-context.js';

export interface CheckerOptions {
  /** runs row rules on another thread (Node: host/row-rules-thread.ts); absent: all run here */
  elsewhere?: RowRulesRunner;
}

interface RowEntry {
  readonly rule: RowRule;
  readonly report: Report;
  /** the rule's place: row rules run before the pass rules' row handlers, each in list order */
  readonly slot: number;
}

interface PassEntry {
  readonly rule: PassRule;
  readonly pass: RulePass;
  readonly slot: number;
}

/** Row rules handed to another thread, and how to get their findings back. */
interface Away {
  readonly job: RowRulesJob;
  /** the outcome, or undefined if the run failed (caught at once: a pass that ends early never asks) */
  readonly outcome: Promise<RowRulesOutcome | undefined>;
  readonly stop: () => void;
}

/** One checker running every rule given; findings go to the return's list at `finish`. */
export function createChecker(rules: readonly Rule[], context: RuleContext, opts: CheckerOptions = {}): Checker {
  const ctx = forRun(context);
  const held: Finding[] = [];
  // the row (seq) and slot of each held finding, kept only while row rules run elsewhere
  const heldSeq: number[] = [];
  const heldSlot: number[] = [];
  let seq = 0;
  let away: Away | undefined;
  let target: ((f: Finding) => void) | undefined;
  const sinkOf = (slot: number) => (f: Finding) => {
    if (target) return target(f);
    held.push(f);
    if (away) {
      heldSeq.push(seq);
      heldSlot.push(slot);
    }
  };

  const rowEntries: RowEntry[] = [];
  const passList: PassEntry[] = [];
  const finishers: Hook<ProcessResult>[] = [];
  rules.forEach((rule, i) => {
    if (rule.kind === 'row') {
      rowEntries.push({ rule, report: reporter(rule, sinkOf(i)), slot: i });
    } else {
      const pass = rule.check(ctx, reporter(rule, sinkOf(rules.length + i)));
      if (pass.finish) finishers.push((r) => pass.finish!(r));
      passList.push({ rule, pass, slot: rules.length + i });
    }
  });
  let rowRules = byRuleSheets(rowEntries);
  let passEntries = passesBySheet(passList);
  /** each sheet's rules as one function (sheetChecks), made when its first row comes */
  let checks = new Map<SheetId, (row: ParsedRow) => void>();

  /**
   * Hands the row rules that can move to `elsewhere`, which reads `source` and, when `ship`, hands
   * the coerced rows back (the pass's row source, returned); they stay if it cannot.
   */
  const handOver = (source: TemplateFiles, elsewhere: RowRulesRunner, ship: boolean): RowSource | undefined => {
    if (away) return undefined;
    const movable = rowEntries.filter((e) => sentElsewhere(e.rule));
    // pass rules that report on rows only, from their own rows, go too: less for this thread to do while it maps
    const movablePasses = passList.filter((e) => e.rule.rowsOnly && !e.pass.finish && mayRunElsewhere(e.rule));
    if (movable.length === 0 && movablePasses.length === 0) return undefined;
    const job: RowRulesJob = {
      ...source,
      context: portableContext(ctx),
      rules: [...movable, ...movablePasses].map((e) => ({ index: RULES.indexOf(e.rule), slot: e.slot })),
      ship,
    };
    let run: ReturnType<RowRulesRunner>;
    try {
      run = elsewhere(job);
    } catch {
      return undefined; // the thread could not be started: every rule runs here
    }
    if (!run) return undefined;
    // its failure is caught here, at once: a pass that ends early never asks for the outcome
    away = { job, outcome: run.outcome.then((o) => o, () => undefined), stop: () => run.stop() };
    rowRules = byRuleSheets(rowEntries.filter((e) => !movable.includes(e)));
    passEntries = passesBySheet(passList.filter((e) => !movablePasses.includes(e)));
    checks = new Map();
    return run.rows;
  };

  // the rules of the last sheet seen: rows come sheet by sheet
  let lastSheet: ParsedRow['ctx'] | undefined;
  let check: (row: ParsedRow) => void = () => {};
  return {
    start(run) {
      ctx.documents.share(run.documents);
      // a rule that judges documents one by one lets the mappers judge them while rows stream
      for (const e of passList) if (e.rule.precheck) run.precheck ??= e.rule.precheck;
    },
    // offered only with a runner: without one, the pass need not look at the files' kinds and sizes
    ...(opts.elsewhere ? { reads: (source: TemplateFiles, rows: boolean) => handOver(source, opts.elsewhere!, rows), stop: () => away?.stop() } : {}),
    row(row: ParsedRow) {
      if (row.ctx !== lastSheet) {
        lastSheet = row.ctx;
        const id = row.ctx.spec.id;
        let f = checks.get(id);
        // row rules first, then the pass rules' row handlers, each in list order
        if (!f) checks.set(id, (f = sheetChecks([...(rowRules.get(id) ?? []), ...(passEntries.get(id) ?? [])], ctx)));
        check = f;
      }
      check(row);
      seq++;
    },
    finish(result: ProcessResult) {
      const release = () => {
        for (const f of held) result.findings.push(f);
        held.length = 0;
        target = (f) => result.findings.push(f);
        return inOrder(finishers, result);
      };
      if (!away) return release();
      const { job, outcome } = away;
      return fetchOutcome(outcome, job, seq).then((outcome) => {
        mergeInto(held, heldSeq, heldSlot, outcome.findings);
        return release();
      });
    },
  };
}

/**
 * The other thread's outcome; if it failed or saw a different number of rows (a file changed
 * in between), the rules are run again here, on another reading, so no finding is lost.
 */
async function fetchOutcome(away: Away['outcome'], job: Away['job'], rows: number): Promise<RowRulesOutcome> {
  const outcome = await away;
  if (outcome && outcome.rows === rows) return outcome;
  return runRowRules(job);
}

/** `held` (slots given per finding) and `away` merged by row, then slot; each keeps its order. */
function mergeInto(held: Finding[], seqs: number[], slots: number[], away: readonly SlottedFinding[]): void {
  if (away.length === 0) return;
  const mine = held.splice(0);
  let i = 0;
  let j = 0;
  while (i < mine.length || j < away.length) {
    const a = away[j];
    if (a && (i >= mine.length || a.seq < seqs[i]! || (a.seq === seqs[i]! && a.slot < slots[i]!))) {
      held.push(a.finding);
      j++;
    } else held.push(mine[i++]!);
  }
}

function passesBySheet(entries: readonly PassEntry[]): Map<SheetId, PassEntry[]> {
  const m = new Map<SheetId, PassEntry[]>();
  for (const e of entries) if (e.pass.row) for (const s of e.rule.sections) push(m, s, e);
  return m;
}

function byRuleSheets(entries: readonly RowEntry[]): Map<SheetId, RowEntry[]> {
  const m = new Map<SheetId, RowEntry[]>();
  for (const e of entries) for (const s of e.rule.sections) push(m, s, e);
  return m;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
