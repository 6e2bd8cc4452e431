/**
 * What a filing is compared with, decided before anything is sent: the totals the portal's summary
 * must match. A filed return cannot be undone, so when in doubt this refuses and says why:
 * - files given: each of their chunks must have been saved to this destination (same content);
 *   the totals are theirs;
 * - no files: the journal's record of the latest upload's chunks (currentChunks): a save replaces
 *   the documents of the same key, so an upload again supersedes the earlier ones, and never adds
 *   to them. A chunk of it the portal rejected whole is refused here (nothing of it is on the
 *   portal: counting it as uploaded would be untrue, filing without it not what was meant);
 * - either way: chunks without a final status, or a return with no documents at all (unless
 *   `--nil`), are refused; `--nil` with documents uploaded is refused too, and a nil GSTR-1A
 *   always (it is filed once per period: an empty one would use it up).
 */
import { addTotals, currentChunks, hasDocuments, journalChunks } from './chunk-totals.js';
import { contentHash, type ChunkOutcome, type JournalState, type Notice } from './journal.js';
import { computeTotals, type SectionTotal } from './totals.js';
import type { ReturnForm } from '../model/form.js';

export interface FilingBasisInput {
  /** the files given to `file`, as serialised payloads */
  readonly payloads?: readonly string[];
  /** totals given by a library caller (used as they are) */
  readonly savedTotals?: readonly SectionTotal[];
  readonly nil?: boolean;
  /** the form being filed: a GSTR-1A is never filed empty */
  readonly form?: ReturnForm;
}

export type FilingBasis = { readonly totals: readonly SectionTotal[] } | { readonly refused: Notice };

const FINAL: readonly ChunkOutcome[] = ['processed', 'processed_with_errors', 'rejected', 'applied_unconfirmed'];
const list = (ns: readonly number[]) => ns.join(', ');

export function filingBasis(st: JournalState, input: FilingBasisInput): FilingBasis {
  const chunks = journalChunks(st);
  const saved = chunks.filter((c) => c.outcome !== 'rejected');
  // a GSTR-1A is filed once per period, to amend or add documents: an empty one would use it up for nothing
  if (input.nil && input.form === 'gstr1a') return { refused: { code: 'UPLOAD_GSTR1A_NIL', params: {} } };
  if (input.nil) {
    // a nil return with documents in sight, uploaded or given, is not what anyone means
    const given = input.payloads?.length && hasDocuments(computeTotals(input.payloads)) ? input.payloads.length : 0;
    if (saved.length || given) return { refused: { code: 'UPLOAD_NIL_WITH_DATA', params: { chunks: saved.length || given } } };
    return { totals: [] };
  }
  // what is compared: the files given, else the latest upload (a superseded chunk still unanswered holds the filing up all the same)
  const current = input.payloads || input.savedTotals ? chunks : currentChunks(st);
  // a save the portal refused (the return filed elsewhere, say): running upload again is not the answer
  const refused = current.filter((c) => c.outcome === 'refused');
  if (refused.length) return { refused: { code: 'UPLOAD_CHUNKS_REFUSED', params: { count: refused.length, chunks: list(refused.map((c) => c.index)) } } };
  const pending = [...new Map([...chunks, ...current].map((c) => [c.hash, c])).values()].filter((c) => !c.outcome || !FINAL.includes(c.outcome));
  if (pending.length) return { refused: { code: 'UPLOAD_CHUNKS_PENDING', params: { count: pending.length, chunks: list(pending.map((c) => c.index)) } } };
  let totals: readonly SectionTotal[];
  if (input.payloads) {
    // files given that convert to nothing (a blank template, the wrong file) are not a licence to file the journal's data
    totals = computeTotals(input.payloads);
    if (!hasDocuments(totals)) return { refused: nothingToFile(input) };
    const missing = input.payloads.map((p, i) => (st.chunks.has(contentHash(p)) ? 0 : i + 1)).filter(Boolean);
    if (missing.length) return { refused: { code: 'UPLOAD_NOT_UPLOADED', params: { chunks: list(missing) } } };
  } else if (input.savedTotals) {
    totals = input.savedTotals;
  } else {
    const rejected = current.filter((c) => c.outcome === 'rejected');
    if (rejected.length) return { refused: { code: 'UPLOAD_CHUNKS_REJECTED', params: { count: rejected.length, chunks: list(rejected.map((c) => c.index)) } } };
    const unknown = current.filter((c) => !c.totals);
    if (unknown.length) return { refused: { code: 'UPLOAD_JOURNAL_NO_TOTALS', params: { chunks: list(unknown.map((c) => c.index)) } } };
    // a chunk with some rows refused stays in whole: the user meant them, and their absence shows as a difference
    totals = addTotals(current.map((c) => c.totals!));
  }
  if (!hasDocuments(totals)) return { refused: nothingToFile(input) };
  return { totals };
}

/** Nothing to file: a GSTR-1 may be filed nil on purpose (--nil), a GSTR-1A may not. */
function nothingToFile(input: FilingBasisInput): Notice {
  return { code: 'UPLOAD_NOTHING_TO_FILE', params: input.form === 'gstr1a' ? { form: 'gstr1a' } : {} };
}
