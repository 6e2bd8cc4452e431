/**
 * The validation engine's entry point: the checkers that run during a pass over a return.
 * (Filled by the rule catalogue; see rules/.)
 */
import type { Checker } from '../api/process.js';
import type { ReturnContext } from '../mappers/types.js';

export interface ValidateOptions {
  /** aggregate turnover of the preceding FY, rupees (decides 4 or 6 HSN digits) */
  turnover?: number;
  /** effective date of registration, ISO yyyy-mm-dd */
  registrationDate?: string;
}

export function defaultCheckers(_ctx: ReturnContext, _opts: ValidateOptions = {}): Checker[] {
  return [];
}
