/**
 * `upload`: saves the payloads chunk by chunk, waiting for each one's status before the next.
 * The journal is a memory, not the truth: a chunk it shows as done (same content hash) is skipped
 * only while the portal shows it still holds it (see portalStillHolds) — after a reset made
 * elsewhere the chunks are saved again. The upload's chunks are recorded first: it supersedes the
 * uploads before it (what `file` and `status` go by). A chunk left in progress is
 * polled. A save whose reply was lost is checked against the summary; if it arrived, its outcome
 * is resolved before the run reports anything (see resolveArrived).
 */
import { expectedTotals, journalChunks } from './chunk-totals.js';
import { isProviderError, ProviderError } from './errors.js';
import { requireGstr1Filed } from './gstr1a.js';
import { contentHash, type ChunkOutcome, type ChunkState } from './journal.js';
import { portalStillHolds } from './resume-check.js';
import { retry, type NextStep } from './retry.js';
import { refusedByPortal } from './refusals.js';
import { refuseTimeBarredRun } from './time-bar.js';
import { chunkResult, refusedFiled, withRun, type ChunkResult, type Run, type RunOptions } from './run-context.js';
import { compareTotals, computeTotals, type SectionTotal } from './totals.js';

export interface UploadOptions extends RunOptions {
  /** serialised retsave payloads, in order */
  payloads: readonly string[];
}

export interface UploadResult {
  readonly chunks: readonly ChunkResult[];
  /** every chunk reached a final status (none left in progress) */
  readonly complete: boolean;
  /** chunks not yet at a final status, those never sent included (0 when complete) */
  readonly pending: number;
  /** chunks in all (the payloads given) */
  readonly total: number;
}

const TERMINAL: readonly ChunkOutcome[] = ['processed', 'processed_with_errors', 'rejected', 'applied_unconfirmed'];
const done = (c: ChunkState | undefined): boolean => Boolean(c?.outcome && TERMINAL.includes(c.outcome));

export async function uploadReturn(opts: UploadOptions): Promise<UploadResult> {
  // before any lock, journal or call: every front end (the command line, gstr1 serve, a script) gets the refusal
  refuseTimeBarredRun(opts);
  return withRun(opts, 'upload', async (run) => {
    const st = run.journal.state();
    if (st.filed) refusedFiled(run, st);
    await requireGstr1Filed(run);
    const hashes = opts.payloads.map(contentHash);
    if (hashes.join() !== st.upload?.hashes.join()) await run.journal.append({ step: 'upload', hashes });
    const remembered = hashes.map((h) => st.chunks.get(h));
    const trusted = await portalStillHolds(run, st, hashes, remembered.filter(done).length);
    const results: ChunkResult[] = [];
    for (let i = 0; i < opts.payloads.length; i++) {
      const prior = remembered[i];
      const r = await uploadChunk(run, i + 1, opts.payloads[i]!, trusted || !done(prior) ? prior : undefined);
      results.push(r);
      if (r.outcome === 'in_progress') {
        run.say(`chunk ${r.index} is still being processed; run again later to continue`);
        break;
      }
    }
    const finished = results.filter((r) => TERMINAL.includes(r.outcome)).length;
    const complete = finished === opts.payloads.length;
    if (complete) {
      // what the portal holds once this upload is complete: the next run trusts the journal while it stays so
      const chksum = await run.checksum();
      if (chksum !== undefined && chksum !== run.journal.state().portalChecksum) await run.journal.append({ step: 'portal_checksum', chksum });
    }
    return { chunks: results, complete, pending: opts.payloads.length - finished, total: opts.payloads.length };
  });
}

async function uploadChunk(run: Run, index: number, payload: string, prior: ChunkState | undefined): Promise<ChunkResult> {
  const hash = contentHash(payload);
  const { journal } = run;
  if (done(prior)) {
    run.say(`chunk ${index}: ${prior!.outcome} in an earlier run, not sent again`);
    return chunkResult({ ...prior!, index }, true);
  }
  let referenceId = prior?.referenceId;
  let resumed = Boolean(referenceId);
  if (!referenceId && prior?.sending) {
    // an earlier run sent this chunk and never learnt the answer
    if (await run.changedSince(prior.sending.checkpoint)) {
      const r = await resolveArrived(run, index, hash);
      if (r) return { ...r, resumed: true };
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

/**
 * A save whose reply was lost did reach the portal (its summary changed). Processed, or processed
 * with some documents refused? The summary per section tells: when the portal holds exactly what
 * the journal says was sent, the chunk is processed. Otherwise undefined: the caller saves it
 * again — the same documents replace themselves, nothing is doubled — and that save's status
 * carries the error report that was lost.
 */
async function resolveArrived(run: Run, index: number, hash: string): Promise<ChunkResult | undefined> {
  const expected: SectionTotal[] = expectedTotals(journalChunks(run.journal.state()));
  let differs = true;
  try {
    const summary = await run.call(() => run.provider.summary(run.ret, { long: false }));
    differs = compareTotals(summary.sec_sum, expected).length > 0;
  } catch (e) {
    if (!isProviderError(e, 'summary_pending', 'summary_stale', 'no_data', 'bad_response', 'provider_error')) throw e;
  }
  if (differs) {
    run.say(`chunk ${index}: the portal got it but its summary differs from what was sent; saving it again for its error report`);
    return undefined;
  }
  await run.journal.append({ step: 'chunk_status', index, hash, outcome: 'processed', statusCd: 'P' });
  run.say(`chunk ${index}: the portal's summary shows every document of it`);
  return chunkResult({ index, hash, outcome: 'processed', statusCd: 'P' }, false);
}

/** Sends one save; a lost reply is checked against the summary before the save is sent again. */
async function sendSave(run: Run, index: number, hash: string, payload: string): Promise<{ referenceId: string } | ChunkResult> {
  const { journal, provider, ret } = run;
  const totals = computeTotals([payload]);
  let checkpoint: string | undefined;
  /** saves whose reply was lost and which the portal showed had not arrived, the last failure among them */
  let notTaken = 0;
  let lastNotTaken = false;
  return retry<{ referenceId: string } | ChunkResult>(
    async () => {
      checkpoint = await run.checksum();
      await journal.append({ step: 'chunk_sending', index, hash, bytes: Buffer.byteLength(payload), totals, ...(checkpoint !== undefined ? { checkpoint } : {}) });
      const { referenceId } = await run.call(() => provider.save(ret, payload));
      await journal.append({ step: 'chunk_saved', index, hash, referenceId });
      run.say(`chunk ${index}: saved, reference ${referenceId}`);
      return { referenceId };
    },
    {
      attempts: 4,
      clock: run.clock,
      intervals: run.intervals,
      onFailure: async (e): Promise<NextStep<{ referenceId: string } | ChunkResult>> => {
        lastNotTaken = false;
        if (isProviderError(e, 'reply_lost')) {
          run.say(`chunk ${index}: the reply was lost; checking whether the portal got it`);
          if (!(await run.changedSince(checkpoint))) {
            // verified not applied: send again
            notTaken++;
            lastNotTaken = true;
            return 'again';
          }
          const r = await resolveArrived(run, index, hash);
          return r ? { done: r } : 'again';
        }
        if (isProviderError(e, 'reset_in_progress')) {
          // refused, nothing applied: the portal's answer is kept, so status says it (not "no answer") if every try meets it
          await journal.append({ step: 'chunk_status', index, hash, outcome: 'refused', answer: { code: e.code, params: e.params } });
          return 'wait';
        }
        if (isProviderError(e, 'rejected')) {
          // refused synchronously (payload too large, structure): the same as status ER
          const errorReport = { error_cd: e.providerCode ?? 'RET191106', error_msg: e.detail ?? '' };
          await journal.append({ step: 'chunk_status', index, hash, outcome: 'rejected', statusCd: 'ER', errorReport });
          return { done: chunkResult({ index, hash, outcome: 'rejected', statusCd: 'ER', errorReport }, false) };
        }
        if (refusedByPortal(e)) {
          // the portal answered (a return filed elsewhere: AUTH117): the chunk's answer, so status says it and not "no answer"
          await journal.append({ step: 'chunk_status', index, hash, outcome: 'refused', answer: { code: e.code, params: e.params } });
        }
        throw e;
      },
      // every try lost, the last one shown not to have arrived: said so, not "could not be confirmed"
      exhausted: (last) => (lastNotTaken && isProviderError(last, 'reply_lost') ? notTakenError(last, notTaken) : last),
    },
  );
}

/** A lost reply whose save the portal showed had not arrived, `times` tries in all. */
function notTakenError(e: ProviderError, times: number): ProviderError {
  return new ProviderError(e.kind, {
    provider: e.provider, op: e.op, cause: e,
    ...(e.providerCode ? { providerCode: e.providerCode } : {}), ...(e.httpStatus !== undefined ? { httpStatus: e.httpStatus } : {}), ...(e.detail ? { detail: e.detail } : {}),
  }, { notTaken: times });
}
