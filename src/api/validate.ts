/** `gstr1 validate`: the portal's checks, locally, with a report and an annotated workbook. */
import { formatPeriod } from '../model/period.js';
import { writeReport } from '../report/findings-report.js';
import { defaultCheckers, RULES, type ValidateOptions } from '../validators/index.js';
import { rowRulesThread } from '../validators/host/row-rules-thread.js';
import { guardOutput } from './convert.js';
import { annotateJson, checkJsonReturn, jsonInputs } from './json-input.js';
import { type ReturnOptions, sectionOption, returnContext } from '../engine/options.js';
import { type RegisterOptions, type RegisterRun } from '../register/index.js';
import { processWithRegister } from './register-pass.js';
import type { ProcessResult } from '../engine/pass.js';

export interface ValidateFilesOptions extends ReturnOptions, ValidateOptions {
  section?: string;
  /** write the findings as JSON (or CSV when the name ends in .csv) */
  report?: string;
  /** write an annotated copy of the input as this .xlsx */
  annotate?: string;
  /**
   * Called once the checks are done and the mapped documents let go, before the annotated copy is
   * written: the command line asks V8 for a full garbage collection there (src/cli/collect-garbage.ts).
   */
  beforeAnnotate?: () => void;
  onProgress?: (rows: number, file: string) => void;
  /** sales-register reading (--layout, --mapping, --preset, --explain) */
  register?: RegisterOptions;
}

export interface ValidateResult {
  /**
   * Findings and row counts. Its `outputs` is empty: the mapped documents are let go once checked,
   * so an annotated copy is written in bounded memory (convertFiles gives the JSON).
   */
  readonly result: ProcessResult;
  /** set when some input was read as a sales register */
  readonly register?: RegisterRun;
  readonly report?: string;
  readonly annotated?: string;
}

export async function validateFiles(files: readonly string[], opts: ValidateFilesOptions): Promise<ValidateResult> {
  if (await jsonInputs(files)) return validateJsonFiles(files, opts);
  const ctx = returnContext(opts);
  const section = sectionOption(opts.section);
  if (opts.report) guardOutput(files, opts.report);
  if (opts.annotate) guardOutput(files, opts.annotate);
  const { result, run } = await processWithRegister(files, ctx, {
    ...opts.register,
    checkers: defaultCheckers(ctx, opts, RULES, { elsewhere: rowRulesThread }),
    ...(section ? { section } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  result.outputs.clear();
  const findings = result.findings.items;
  if (opts.report) await writeReport(opts.report, { gstin: ctx.gstin, period: formatPeriod(ctx.period) }, result.stats, findings, run?.summary);
  if (opts.annotate) {
    // the annotated copy's writers are loaded only when a copy is asked for
    const { annotateFiles } = await import('../report/annotate/index.js');
    opts.beforeAnnotate?.();
    await annotateFiles(files, findings, opts.annotate);
  }
  return { result, ...(run ? { register: run } : {}), ...(opts.report ? { report: opts.report } : {}), ...(opts.annotate ? { annotated: opts.annotate } : {}) };
}

/** A retsave JSON checked with the same rules; --annotate writes the findings on its to-excel workbook. */
async function validateJsonFiles(files: readonly string[], opts: ValidateFilesOptions): Promise<ValidateResult> {
  if (opts.report) guardOutput(files, opts.report);
  if (opts.annotate) guardOutput(files, opts.annotate);
  const result = await checkJsonReturn(files, opts);
  result.outputs.clear();
  const findings = result.findings.items;
  if (opts.report) await writeReport(opts.report, { gstin: result.ctx.gstin, period: formatPeriod(result.ctx.period) }, result.stats, findings);
  if (opts.annotate) await annotateJson(files, findings, opts.annotate, Boolean(opts.sez));
  return { result, ...(opts.report ? { report: opts.report } : {}), ...(opts.annotate ? { annotated: opts.annotate } : {}) };
}
