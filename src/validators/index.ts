/**
 * The validation engine's entry point: the checkers that run during a pass over a return. The
 * rules live one per module in rules/ (listed in rules/index.ts); checker.ts turns them into one
 * `Checker` for the pass over a return (src/engine).
 */
import type { Checker } from '../engine/pass.js';
import { OptionError } from '../model/errors.js';
import type { ReturnContext } from '../model/return.js';
import { createChecker, ruleContext, type CheckerOptions } from './checker.js';
import { RULES } from './rules/index.js';
import type { Rule, ValidateOptions } from './types.js';

export type { ValidateOptions, Rule, RowRule, PassRule, RuleContext, Report } from './types.js';
export { RULES, ruleByCode } from './rules/index.js';
export { createChecker, ruleContext, type CheckerOptions } from './checker.js';
export { validatePayload, type SchemaIssue } from './schema.js';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Checks the options before any file is read. */
export function normaliseValidateOptions(opts: ValidateOptions): ValidateOptions {
  if (opts.turnover !== undefined && (!Number.isFinite(opts.turnover) || opts.turnover < 0)) {
    throw new OptionError('OPTION_NUMBER', { option: '--turnover', value: String(opts.turnover) });
  }
  for (const [name, value] of [
    ['--registration-date', opts.registrationDate], ['--today', opts.today], ['--annual-return-filed', opts.annualReturnFiled],
  ] as const) {
    if (value !== undefined && !ISO_DATE.test(value)) throw new OptionError('OPTION_DATE', { option: name, value });
  }
  return opts;
}

/** The checkers a convert or validate pass runs: every rule of the catalogue (or those given). */
export function defaultCheckers(ctx: ReturnContext, opts: ValidateOptions = {}, rules: readonly Rule[] = RULES, checker: CheckerOptions = {}): Checker[] {
  return [createChecker(rules, ruleContext(ctx, normaliseValidateOptions(opts)), checker)];
}
