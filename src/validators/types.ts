/**
 * The rule contract. A rule is one module under rules/ exporting `{ code, severity, sections,
 * description, check }`; it reports a code and parameters, never a sentence (wording lives in
 * src/report/messages/rules.ts).
 *
 * Two kinds:
 * - `row`: `check(row, ctx, report)` looks at one coerced row of one of its sheets;
 * - `pass`: `check(ctx, report)` starts a pass over the return and returns handlers that see the
 *   rows of its sheets (`row`) and the mapped sections (`finish`). State stays compact: Sets and
 *   Maps of short strings and numbers, never the rows themselves.
 */
import type { ProcessResult } from '../engine/pass.js';
import type { Field } from '../model/fields.js';
import type { Finding, Params, Severity } from '../model/finding.js';
import type { ReturnForm } from '../model/form.js';
import type { SheetId } from '../model/sheets.js';
import type { ReturnContext } from '../model/return.js';
import type { ParsedRow } from '../parsers/rows.js';
import type { DocumentPrecheck } from '../mappers/types.js';
import type { DocumentIndex } from './doc-index.js';
import type { IffDocuments } from './iff-documents.js';

/** Options a validation pass takes besides the return itself. */
export interface ValidateOptions {
  /** aggregate turnover of the preceding FY in rupees: above Rs 5 crore HSN needs 6 digits */
  turnover?: number;
  /** effective date of registration, ISO yyyy-mm-dd: no document may be dated before it */
  registrationDate?: string;
  /** quarterly (QRMP) filer: months 1-2 of a quarter are IFF months (b2b, b2ba, cdnr, cdnra only) */
  quarterly?: boolean;
  /** the form the return is for @default 'gstr1' (GSTR-1A amends the period's filed GSTR-1) */
  form?: ReturnForm;
  /** today's date, ISO yyyy-mm-dd (default: the system date); shipping bills may not be later */
  today?: string;
  /**
   * when the annual return of the financial year before the return period's was filed, ISO: its
   * credit notes and amendments end then if that is before 30 November (s.34(2), s.37(3))
   */
  annualReturnFiled?: string;
  /**
   * quarter's return of a quarterly filer: the documents already furnished in the quarter's IFF
   * months (iff-documents.ts), which must not be reported again
   */
  iffDocuments?: IffDocuments;
}

/** What every rule sees: the return, the options, and values derived from the period once. */
export interface RuleContext extends ReturnContext {
  readonly turnover?: number;
  readonly registrationDate?: string;
  readonly quarterly: boolean;
  readonly form: ReturnForm;
  readonly today: string;
  readonly annualReturnFiled?: string;
  readonly iffDocuments?: IffDocuments;
  /** first and last day of the return period, ISO */
  readonly firstDay: string;
  readonly lastDay: string;
  /** GST rates valid for the period */
  readonly rates: ReadonlySet<number>;
  /**
   * The return's document numbers, one index per run shared by the rules that need them (each
   * checker starts a fresh one: see `forRun`).
   */
  readonly documents: DocumentIndex;
}

/** Reports one finding with the rule's code and severity. */
export interface Report {
  /** on a row, pointing at `field`'s cell (the whole row when no field is given) */
  (row: ParsedRow, field?: Field, params?: Params): void;
  /** located by hand: cross-section and schema findings */
  raw(f: Omit<Finding, 'code' | 'severity'>): void;
}

interface RuleMeta {
  /** portal code (RET…) where the portal has one, else a stable project code with an area prefix */
  readonly code: string;
  readonly severity: Severity;
  /** template sheets whose rows the rule looks at */
  readonly sections: readonly SheetId[];
  /** one line for docs/rules.md: what is checked and why */
  readonly description: string;
  /** where the rule comes from: Offline Tool function, act section or rule, GSTN advisory and its date */
  readonly source: string;
  /**
   * how sure we are the portal applies the rule as written, when the source is secondary (an
   * advisory as a tax site reports it, a provider's sample) or the portal's verdict is unknown
   */
  readonly confidence?: string;
  /** parameter sets that show each wording of the message in docs/rules.md */
  readonly variants?: readonly Params[];
  /**
   * The rule reads what only the thread that maps the rows has (the --iff documents): it never
   * runs on another reading of the files (row-rules.ts), which gets the context without them.
   */
  readonly mappingThreadOnly?: true;
}

export interface RowRule extends RuleMeta {
  readonly kind: 'row';
  check(row: ParsedRow, ctx: RuleContext, report: Report): void;
}

/** Handlers of one pass of a stateful rule. */
export interface RulePass {
  row?(row: ParsedRow): void;
  finish?(result: ProcessResult): void | Promise<void>;
}

export interface PassRule extends RuleMeta {
  readonly kind: 'pass';
  /**
   * The rule reports on rows only, from what it kept of its own rows (no `finish`, nothing the
   * pass, the mappers or other rules share): it may then run on another reading of the same CSV
   * files, as row rules do (row-rules.ts), and the mapping thread has less to do.
   */
  readonly rowsOnly?: true;
  /**
   * The rule judges the documents of grouped sections one by one at its end: this is that
   * judgment, which the mappers may make early, while rows stream (MapContext.precheck); the rule
   * then skips the documents that passed it and have not changed since (GroupedDocuments.passed).
   */
  readonly precheck?: DocumentPrecheck;
  check(ctx: RuleContext, report: Report): RulePass;
}

export type Rule = RowRule | PassRule;
