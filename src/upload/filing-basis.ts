/**
 * What a filing is compared with, decided before anything is sent: the totals the portal's summary
 * must match. A filed return cannot be undone, so when in doubt this refuses and says why:
 * - files given: each of their chunks must have been saved to this destination (same content);
 *   the totals are theirs;
 * - no files: the journal's record of every chunk saved since the last reset;
 * - either way: chunks without a final status, or a return with no documents at all (unless
 *   `--nil`), are refused; `--nil` with documents uploaded is refused too, and a nil GSTR-1A
 *   always (it is filed once per period: an empty one would use it up).
 */
import { addTotals, hasDocuments, journalChunks } from './chunk-totals.js';
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
  const pending = chunks.filter((c) => !c.outcome || !FINAL.includes(c.outcome));
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
    const unknown = chunks.filter((c) => !c.totals);
    if (unknown.length) return { refused: { code: 'UPLOAD_JOURNAL_NO_TOTALS', params: { chunks: list(unknown.map((c) => c.index)) } } };
    // rejected chunks stay in: the user meant them, and their absence from the portal shows as a difference
    totals = addTotals(chunks.map((c) => c.totals!));
  }
  if (!hasDocuments(totals)) return { refused: nothingToFile(input) };
  return { totals };
}

/** Nothing to file: a GSTR-1 may be filed nil on purpose (--nil), a GSTR-1A may not. */
function nothingToFile(input: FilingBasisInput): Notice {
  return { code: 'UPLOAD_NOTHING_TO_FILE', params: input.form === 'gstr1a' ? { form: 'gstr1a' } : {} };
}
