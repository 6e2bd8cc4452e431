/** The context rules share, and how a rule's finding is reported with its code and severity. */
import type { Field } from '../model/fields.js';
import type { Finding, Params } from '../model/finding.js';
import { indiaToday, periodFirstDay, periodLastDay } from '../model/period.js';
import { ratesFor } from '../model/dated-rules.js';
import type { ReturnContext } from '../model/return.js';
import { at, type ParsedRow } from '../parsers/rows.js';
import { DocumentIndex } from './doc-index.js';
import type { Report, Rule, RuleContext, ValidateOptions } from './types.js';

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
    today: opts.today ?? indiaToday(),
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

/** `rule`'s Report: its findings, with its code and severity, go to `sink`. */
export function reporter(rule: Rule, sink: (f: Finding) => void): Report {
  const { code, severity } = rule;
  const report = (row: ParsedRow, field?: Field, params?: Params) => {
    sink({ code, severity, ...at(row, field), ...(params ? { params } : {}) });
  };
  return Object.assign(report, {
    raw: (f: Omit<Finding, 'code' | 'severity'>) => sink({ code, severity, ...f }),
  });
}
