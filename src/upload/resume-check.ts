/**
 * Run again: may the chunks an earlier run saved be skipped? Only while the portal still holds
 * them. A chunk skipped wrongly leaves the portal short; one sent again costs a save (the same
 * documents replace themselves, nothing is doubled). So the journal is trusted on evidence, the
 * portal is said to have changed on evidence, and otherwise the run says it could not compare and
 * sends them again. The evidence, in order:
 * - the summary checksum is the one the journal last saw (after a complete upload, or after
 *   proceed to file, which changes it without changing the data): unchanged;
 * - the summary's section totals are what the journal's chunks put there: unchanged, whatever the
 *   checksum (a run stopped before it could record one: killed, `--wait` ran out). This needs
 *   every chunk since the last reset to be one of this upload's, each saved whole or refused whole;
 *   a chunk whose answer is not known yet may or may not have landed, and both are tried;
 * - totals that differ while none of ours is in flight, or a portal holding nothing: changed.
 */
import { expectedTotals, hasDocuments } from './chunk-totals.js';
import { isProviderError } from './errors.js';
import type { ChunkOutcome, ChunkState, JournalState } from './journal.js';
import type { Run } from './run-context.js';
import { compareTotals } from './totals.js';
import type { SummarySection } from './types.js';

/** Why the portal's copy could not be compared (UPLOAD_PORTAL_NOT_COMPARED's `reason`). */
export type NotComparedReason = 'no-summary' | 'in-flight' | 'partial' | 'earlier-upload';

/** Whether the chunks the journal shows as done (`saved`, of this upload) may be skipped; the user is told when not. */
export async function portalStillHolds(run: Run, st: JournalState, hashes: readonly string[], saved: number): Promise<boolean> {
  if (!saved) return true;
  const summary = await summaryNow(run);
  if (summary?.chksum !== undefined && summary.chksum === st.portalChecksum) return true;
  const notCompared = (reason: NotComparedReason) => {
    run.notice('UPLOAD_PORTAL_NOT_COMPARED', { chunks: saved, reason });
    return false;
  };
  if (!summary) return notCompared('no-summary');
  const chunks = [...st.chunks.values()];
  const landed = chunks.filter((c) => c.outcome === 'processed');
  if (hasDocuments(expectedTotals(landed)) && !summary.sections.some((s) => Number(s.ttl_rec) > 0)) return changed(run, saved);
  const ours = new Set(hashes);
  if (chunks.some((c) => !ours.has(c.hash))) return notCompared('earlier-upload');
  if (chunks.some((c) => c.outcome && PARTIAL.includes(c.outcome))) return notCompared('partial');
  const inFlight = chunks.filter((c) => !c.outcome || UNANSWERED.includes(c.outcome));
  const holds = (cs: readonly ChunkState[]) => compareTotals(summary.sections, expectedTotals(cs)).length === 0;
  if (holds(landed) || (inFlight.length > 0 && holds([...landed, ...inFlight]))) {
    run.say(`the portal's summary shows what the journal remembers; the ${saved} chunk(s) saved are not sent again`);
    return true;
  }
  return inFlight.length ? notCompared('in-flight') : changed(run, saved);
}

/** Saved with some documents refused (or, in older journals, arrived with its answer lost): the totals cannot say which. */
const PARTIAL: readonly ChunkOutcome[] = ['processed_with_errors', 'applied_unconfirmed'];
/** Sent and not answered yet: it may or may not have landed. */
const UNANSWERED: readonly ChunkOutcome[] = ['in_progress', 'not_confirmed'];

function changed(run: Run, saved: number): false {
  run.notice('UPLOAD_PORTAL_CHANGED', { chunks: saved });
  return false;
}

/** The short summary now; a portal with no data for the period holds no section; undefined when no summary can be had. */
async function summaryNow(run: Run): Promise<{ chksum?: string; sections: readonly SummarySection[] } | undefined> {
  try {
    const s = await run.call(() => run.provider.summary(run.ret, { long: false }));
    return { chksum: s.chksum, sections: s.sec_sum };
  } catch (e) {
    if (isProviderError(e, 'no_data')) return { sections: [] };
    if (isProviderError(e, 'summary_pending', 'summary_stale', 'not_found', 'bad_response', 'provider_error')) return undefined;
    throw e;
  }
}
