/**
 * `upload`: saves the payloads chunk by chunk, waiting for each one's status before the next. A
 * chunk the journal shows as processed (same content hash) is not sent again; one left in progress
 * is polled; a save whose reply was lost is checked against the summary before it is sent again.
 */
import { isProviderError } from './errors.js';
import { contentHash, type ChunkOutcome, type ChunkState } from './journal.js';
import { retry } from './retry.js';
import { chunkResult, refusedFiled, withRun, type ChunkResult, type Run, type RunOptions } from './run-context.js';

export interface UploadOptions extends RunOptions {
  /** serialised retsave payloads, in order */
  payloads: readonly string[];
}

export interface UploadResult {
  readonly chunks: readonly ChunkResult[];
  /** every chunk reached a final status (none left in progress) */
  readonly complete: boolean;
}

const TERMINAL: readonly ChunkOutcome[] = ['processed', 'processed_with_errors', 'rejected', 'applied_unconfirmed'];

export async function uploadReturn(opts: UploadOptions): Promise<UploadResult> {
  return withRun(opts, 'upload', async (run) => {
    const st = run.journal.state();
    if (st.filed) refusedFiled(run, st);
    const results: ChunkResult[] = [];
    for (let i = 0; i < opts.payloads.length; i++) {
      const payload = opts.payloads[i]!;
      const r = await uploadChunk(run, i + 1, payload, st.chunks.get(contentHash(payload)));
      results.push(r);
      if (r.outcome === 'in_progress') {
        run.say(`chunk ${r.index} is still being processed; run again later to continue`);
        break;
      }
    }
    const complete = results.length === opts.payloads.length && results.every((r) => TERMINAL.includes(r.outcome));
    return { chunks: results, complete };
  });
}

async function uploadChunk(run: Run, index: number, payload: string, prior: ChunkState | undefined): Promise<ChunkResult> {
  const hash = contentHash(payload);
  const { journal } = run;
  if (prior?.outcome && prior.outcome !== 'in_progress') {
    run.say(`chunk ${index}: ${prior.outcome} in an earlier run, not sent again`);
    return chunkResult({ ...prior, index }, true);
  }
  let referenceId = prior?.referenceId;
  let resumed = Boolean(referenceId);
  if (!referenceId && prior?.sending) {
    // an earlier run sent this chunk and never learnt the answer
    if (await run.changedSince(prior.sending.checkpoint)) {
      await journal.append({ step: 'chunk_status', index, hash, outcome: 'applied_unconfirmed' });
      return chunkResult({ index, hash, outcome: 'applied_unconfirmed' }, true);
    }
    resumed = false;
  }
  if (!referenceId) {
    const sent = await sendSave(run, index, hash, payload);
    if ('outcome' in sent) return sent;
    referenceId = sent.referenceId;
  }
  const status = await run.poll(referenceId);
  await journal.append({
    step: 'chunk_status', index, hash, referenceId, outcome: status.outcome, statusCd: status.statusCd,
    ...(status.errorReport !== undefined ? { errorReport: status.errorReport } : {}),
  });
  return chunkResult({ index, hash, referenceId, outcome: status.outcome, statusCd: status.statusCd, ...(status.errorReport !== undefined ? { errorReport: status.errorReport } : {}) }, resumed);
}

/** Sends one save; a lost reply is checked against the summary before the save is sent again. */
async function sendSave(run: Run, index: number, hash: string, payload: string): Promise<{ referenceId: string } | ChunkResult> {
  const { journal, provider, ret } = run;
  let checkpoint: string | undefined;
  return retry<{ referenceId: string } | ChunkResult>(
    async () => {
      checkpoint = await run.checksum();
      await journal.append({ step: 'chunk_sending', index, hash, bytes: Buffer.byteLength(payload), ...(checkpoint !== undefined ? { checkpoint } : {}) });
      const { referenceId } = await run.call(() => provider.save(ret, payload));
      await journal.append({ step: 'chunk_saved', index, hash, referenceId });
      run.say(`chunk ${index}: saved, reference ${referenceId}`);
      return { referenceId };
    },
    {
      attempts: 4,
      clock: run.clock,
      intervals: run.intervals,
      onFailure: async (e) => {
        if (isProviderError(e, 'reply_lost')) {
          run.say(`chunk ${index}: the reply was lost; checking whether the portal got it`);
          if (await run.changedSince(checkpoint)) {
            await journal.append({ step: 'chunk_status', index, hash, outcome: 'applied_unconfirmed' });
            return { done: chunkResult({ index, hash, outcome: 'applied_unconfirmed' }, false) };
          }
          return 'again'; // verified not applied: send again
        }
        if (isProviderError(e, 'reset_in_progress')) return 'wait'; // refused, nothing applied
        if (isProviderError(e, 'rejected')) {
          // refused synchronously (payload too large, structure): the same as status ER
          const errorReport = { error_cd: e.providerCode ?? 'RET191106', error_msg: e.detail ?? '' };
          await journal.append({ step: 'chunk_status', index, hash, outcome: 'rejected', statusCd: 'ER', errorReport });
          return { done: chunkResult({ index, hash, outcome: 'rejected', statusCd: 'ER', errorReport }, false) };
        }
        throw e;
      },
    },
  );
}
