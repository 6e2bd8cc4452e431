/**
 * The pass over a return whose inputs may be sales registers: the files that are registers are
 * read through their classification (src/register), the others by the template reader.
 */
import type { ReturnContext } from '../model/return.js';
import type { ProcessResult } from '../engine/pass.js';
import { type ProcessOptions, processReturn } from './process.js';
import { prepareRegister, type RegisterOptions, type RegisterRun } from '../register/index.js';

export interface RegisterProcessResult {
  readonly result: ProcessResult;
  /** undefined when no file was a register */
  readonly run?: RegisterRun;
}

/** processReturn with registers read as registers. */
export async function processWithRegister(
  files: readonly string[], ctx: ReturnContext, opts: RegisterOptions & ProcessOptions = {},
): Promise<RegisterProcessResult> {
  const { layout, mapping, preset, onExplain, ...processOpts } = opts;
  const run = await prepareRegister(files, ctx, {
    ...(layout !== undefined ? { layout } : {}), ...(mapping !== undefined ? { mapping } : {}),
    ...(preset !== undefined ? { preset } : {}), ...(onExplain ? { onExplain } : {}),
  });
  const result = await processReturn(files, ctx, { ...processOpts, ...(run ? { rows: run.rows } : {}) });
  return { result, ...(run ? { run } : {}) };
}
