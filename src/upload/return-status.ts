/** `status`: what the journal knows, plus the portal's answer for the pending (or given) request. */
import { currentChunks, supersededChunks } from './chunk-totals.js';
import { parseStatusResponse, type PortalError } from './error-report.js';
import { arnKnown } from './arn.js';
import { UploadError } from './errors.js';
import { journalPaths, readJournal, replay, type JournalState } from './journal.js';
import { Redactor } from './redact.js';
import { chunkResult, destinationOf, journalDirOf, normaliseReturn, providerOf, Run, unsupported, type ChunkResult, type RunOptions } from './run-context.js';
import type { JobStatus, TrackResult } from './types.js';

export interface StatusOptions extends RunOptions {
  /** the request to ask about; default: the chunk still in progress, else the latest request */
  referenceId?: string;
  /** also ask the portal's return tracker whether the period is filed */
  track?: boolean;
}

export interface ReturnStatusResult {
  /** chunks as the journal knows them (after this call's updates): the latest upload's, then those of earlier uploads it superseded */
  readonly chunks: readonly ChunkResult[];
  readonly job?: JobStatus & { readonly referenceId: string; readonly errors: readonly PortalError[] };
  readonly filed?: { readonly arn: string; readonly ackDate?: string };
  readonly summary?: { readonly chksum: string };
  readonly track?: TrackResult;
  /** the journal file read */
  readonly journal: string;
  /** a filing was requested and its answer never came (a run cut short): the next `file` asks the tracker first */
  readonly fileRequested?: true;
  /** another run holds the return: only the journal was read */
  readonly locked?: { readonly pid: number };
}

export async function returnStatus(opts: StatusOptions): Promise<ReturnStatusResult> {
  let run: Run;
  try {
    run = await Run.start(opts, 'status');
  } catch (e) {
    if (e instanceof UploadError && e.code === 'UPLOAD_LOCKED') {
      const ret = normaliseReturn(opts);
      const provider = await providerOf(opts, opts.redactor ?? new Redactor());
      const { journal } = journalPaths(journalDirOf(opts), ret, destinationOf(provider, opts));
      return { ...journalView(replay(await readJournal(journal))), journal, locked: { pid: Number(e.params.pid) } };
    }
    throw e;
  }
  try {
    const st = run.journal.state();
    const pending = [...st.chunks.values()].find((c) => c.referenceId && (!c.outcome || c.outcome === 'in_progress'));
    const referenceId = opts.referenceId ?? pending?.referenceId ?? st.lastReferenceId;
    let job: ReturnStatusResult['job'];
    if (referenceId) {
      const s = await run.call(() => run.provider.status(run.ret, referenceId));
      job = { ...s, referenceId, errors: s.errorReport !== undefined ? parseStatusResponse({ status_cd: s.statusCd, error_report: s.errorReport }).errors : [] };
      const chunk = [...st.chunks.values()].find((c) => c.referenceId === referenceId);
      if (chunk && s.outcome !== 'in_progress' && chunk.outcome !== s.outcome) {
        await run.journal.append({
          step: 'chunk_status', index: chunk.index, hash: chunk.hash, referenceId, outcome: s.outcome, statusCd: s.statusCd,
          ...(s.errorReport !== undefined ? { errorReport: s.errorReport } : {}),
        });
      }
    }
    let track: TrackResult | undefined;
    if (opts.track) {
      if (!run.provider.track) throw unsupported(run, 'track');
      track = await run.call(() => run.provider.track!(run.ret));
      // a filing recorded without its ARN takes the one the tracker now gives
      if (track.filed && arnKnown(track.arn) && !arnKnown(st.filed?.arn)) await run.journal.recordFiled(track.arn, track.filedOn);
    }
    return { ...journalView(run.journal.state()), journal: run.journal.file, ...(job ? { job } : {}), ...(track ? { track } : {}) };
  } catch (e) {
    return await run.failed(e);
  } finally {
    await run.close();
  }
}

/** The latest upload's chunks (those sent), then the earlier uploads' it superseded, marked so. */
function journalView(st: JournalState): Omit<ReturnStatusResult, 'job' | 'track' | 'locked' | 'journal'> {
  return {
    chunks: [
      ...currentChunks(st).filter((c) => st.chunks.has(c.hash)).map((c) => chunkResult(c, true)),
      ...supersededChunks(st).map((c) => ({ ...chunkResult(c, true), superseded: true })),
    ],
    ...(st.filed ? { filed: st.filed } : {}),
    ...(st.fileRequested && !st.filed ? { fileRequested: true as const } : {}),
    ...(st.summary ? { summary: st.summary } : {}),
  };
}
