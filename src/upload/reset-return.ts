/** `reset`: clears everything saved for the period (before filing), waiting for the reset to finish. */
import { isProviderError } from './errors.js';
import type { JobOutcome } from './types.js';
import { retry } from './retry.js';
import { ask, refusedFiled, withRun, type Prompt, type Run, type RunOptions } from './run-context.js';

export interface ResetOptions extends RunOptions {
  /** asked before anything is sent; false cancels */
  confirm?: Prompt<boolean>;
}

export interface ResetResult {
  readonly outcome: JobOutcome | 'cancelled';
  readonly referenceId?: string;
}

export async function resetReturn(opts: ResetOptions): Promise<ResetResult> {
  return withRun(opts, 'reset', async (run) => {
    const st = run.journal.state();
    if (st.filed) refusedFiled(run, st);
    let referenceId = st.reset && !st.reset.outcome ? st.reset.referenceId : undefined;
    if (!referenceId) {
      if (opts.confirm !== undefined && !(await ask(opts.confirm))) return { outcome: 'cancelled' as const };
      await run.journal.append({ step: 'reset_requested' });
      referenceId = await sendReset(run);
      await run.journal.append({ step: 'reset_requested', referenceId });
    }
    const status = await run.poll(referenceId);
    if (status.outcome !== 'in_progress') await run.journal.append({ step: 'reset', outcome: status.outcome });
    return { outcome: status.outcome, referenceId };
  });
}

async function sendReset(run: Run): Promise<string> {
  return retry(async () => (await run.call(() => run.provider.reset(run.ret))).referenceId, {
    attempts: 6,
    clock: run.clock,
    intervals: run.intervals,
    // a lost reply: sending the reset again tells us — "under process" means the first one arrived;
    // a second reset once it finished clears nothing new
    onFailure: (e) => {
      if (isProviderError(e, 'reply_lost', 'reset_in_progress')) return 'wait';
      throw e;
    },
  });
}
