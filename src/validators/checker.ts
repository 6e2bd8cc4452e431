/**
 * Turns rules into a `Checker` for the pass (src/engine): row rules run on every row of their
 * sheets, pass rules keep their own compact state and finish after mapping. Findings made while
 * rows stream are held here and handed to the return's finding list in `finish`, before the
 * cross-section rules add theirs, so every rule's findings come out in row order.
 */
import { inOrder, type Hook } from '../engine/in-order.js';
import type { Checker, ProcessResult } from '../engine/pass.js';
import type { Field } from '../model/fields.js';
import type { Finding, Params } from '../model/finding.js';
import { periodFirstDay, periodLastDay } from '../model/period.js';
import { ratesFor } from '../model/dated-rules.js';
import type { SheetId } from '../model/sheets.js';
import type { ReturnContext } from '../model/return.js';
import { at, type ParsedRow } from '../parsers/rows.js';
import { DocumentIndex } from './doc-index.js';
import type { Report, Rule, RuleContext, RulePass, RowRule, ValidateOptions } from './types.js';

/** The context rules share, derived once per pass. */
export function ruleContext(ctx: ReturnContext, opts: ValidateOptions = {}): RuleContext {
  return {
    ...ctx,
    ...(opts.turnover !== undefined ? { turnover: opts.turnover } : {}),
    ...(opts.registrationDate ? { registrationDate: opts.registrationDate } : {}),
    ...(opts.annualReturnFiled ? { annualReturnFiled: opts.annualReturnFiled } : {}),
    quarterly: Boolean(opts.quarterly),
    form: opts.form ?? 'gstr1',
    ...(opts.iffDocuments ? { iffDocuments: opts.iffDocuments } : {}),
    today: opts.today ?? new Date().toISOString().slice(0, 10),
    firstDay: periodFirstDay(ctx.period),
    lastDay: periodLastDay(ctx.period),
    rates: new Set(ratesFor(ctx.period)),
    documents: new DocumentIndex(),
  };
}

/** The context for one run over a return: per-run state is fresh even when `ctx` is reused. */
export function forRun(ctx: RuleContext): RuleContext {
  return { ...ctx, documents: new DocumentIndex() };
}

function reporter(rule: Rule, sink: (f: Finding) => void): Report {
  const { code, severity } = rule;
  const report = (row: ParsedRow, field?: Field, params?: Params) => {
    sink({ code, severity, ...at(row, field), ...(params ? { params } : {}) });
  };
  return Object.assign(report, {
    raw: (f: Omit<Finding, 'code' | 'severity'>) => sink({ code, severity, ...f }),
  });
}

interface RowEntry {
  readonly rule: RowRule;
  readonly report: Report;
}

/** One checker running every rule given; findings go to the return's list at `finish`. */
export function createChecker(rules: readonly Rule[], context: RuleContext): Checker {
  const ctx = forRun(context);
  const held: Finding[] = [];
  let target: ((f: Finding) => void) | undefined;
  const sink = (f: Finding) => (target ? target(f) : held.push(f));

  const rowRules = new Map<SheetId, RowEntry[]>();
  const passRows = new Map<SheetId, RulePass[]>();
  const finishers: Hook<ProcessResult>[] = [];
  for (const rule of rules) {
    const report = reporter(rule, sink);
    if (rule.kind === 'row') {
      for (const s of rule.sections) push(rowRules, s, { rule, report });
    } else {
      const pass = rule.check(ctx, report);
      if (pass.finish) finishers.push((r) => pass.finish!(r));
      if (pass.row) for (const s of rule.sections) push(passRows, s, pass);
    }
  }

  // the rules of the last sheet seen: rows come sheet by sheet
  let lastSheet: ParsedRow['ctx'] | undefined;
  let rr: RowEntry[] = [];
  let pr: RulePass[] = [];
  return {
    start(run) {
      ctx.documents.share(run.documents);
    },
    row(row: ParsedRow) {
      if (row.ctx !== lastSheet) {
        lastSheet = row.ctx;
        rr = rowRules.get(row.ctx.spec.id) ?? [];
        pr = passRows.get(row.ctx.spec.id) ?? [];
      }
      for (let i = 0; i < rr.length; i++) rr[i]!.rule.check(row, ctx, rr[i]!.report);
      for (let i = 0; i < pr.length; i++) pr[i]!.row!(row);
    },
    finish(result: ProcessResult) {
      for (const f of held) result.findings.push(f);
      held.length = 0;
      target = (f) => result.findings.push(f);
      return inOrder(finishers, result);
    },
  };
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
