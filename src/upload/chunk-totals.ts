/**
 * What the journal says was sent: each chunk's section totals are recorded when it is sent, so
 * the totals the portal should hold can be had from the journal alone (e.g. `gstr1 file` given
 * only the return's identity). Amounts are added in paise, never as binary fractions of rupees.
 */
import type { ChunkState, JournalState } from './journal.js';
import { computeTotals, SUMMARY_NAMES, type SectionTotal } from './totals.js';

type Num = Exclude<keyof SectionTotal, 'sec_nm'>;
const FIELDS: readonly Num[] = [
  'ttl_rec', 'ttl_val', 'ttl_tax', 'ttl_igst', 'ttl_cgst', 'ttl_sgst', 'ttl_cess',
  'ttl_nilsup_amt', 'ttl_expt_amt', 'ttl_ngsup_amt', 'ttl_doc_issued', 'ttl_doc_cancelled', 'net_doc_issued',
];

/** Section by section sums of several chunks' totals (chunks of one upload hold different documents). */
export function addTotals(lists: Iterable<readonly SectionTotal[]>): SectionTotal[] {
  const acc = new Map<string, Map<Num, number>>();
  for (const list of lists) {
    for (const t of list) {
      let a = acc.get(t.sec_nm);
      if (!a) acc.set(t.sec_nm, (a = new Map()));
      for (const f of FIELDS) {
        const v = t[f];
        if (typeof v === 'number') a.set(f, (a.get(f) ?? 0) + Math.round(v * 100));
      }
    }
  }
  const order = Object.values(SUMMARY_NAMES);
  return [...acc.entries()]
    .sort((x, y) => order.indexOf(x[0]) - order.indexOf(y[0]))
    .map(([sec_nm, a]) => {
      const t: Record<string, number | string> = { sec_nm };
      for (const [f, paise] of a) t[f] = paise / 100;
      return t as unknown as SectionTotal;
    });
}

/** Whether totals hold any document at all. */
export function hasDocuments(totals: readonly SectionTotal[]): boolean {
  return totals.some((t) => t.ttl_rec > 0);
}

/**
 * Whether any of the payloads holds a document: one that holds none (a blank template,
 * unrecognised sheets, uncalculated formulas) is not sent, since an empty save comes back "processed".
 */
export function payloadsHoldDocuments(payloads: readonly string[]): boolean {
  return payloads.some((p) => hasDocuments(computeTotals([p])));
}

/** The outcome of an upload that sent nothing: total 0 says so. */
export function nothingSent(): { chunks: never[]; complete: true; pending: 0; total: 0 } {
  return { chunks: [], complete: true, pending: 0, total: 0 };
}

/** The chunks of the journal since the last reset, in upload order. */
export function journalChunks(st: JournalState): ChunkState[] {
  return [...st.chunks.values()].sort((a, b) => a.index - b.index);
}

/**
 * The chunks of the latest upload, in its order (one never sent has no outcome). A save replaces
 * the documents of the same key, so an upload again supersedes the earlier ones: the portal holds
 * the latest, plus any document of an earlier upload that the latest did not have. Journals of
 * earlier versions, which did not record uploads: every chunk since the last reset.
 */
export function currentChunks(st: JournalState): ChunkState[] {
  if (!st.upload) return journalChunks(st);
  return st.upload.hashes.map((hash, i) => ({ ...(st.chunks.get(hash) ?? { hash }), index: i + 1 }));
}

/** Chunks of earlier uploads that the latest one does not include (none in journals of earlier versions). */
export function supersededChunks(st: JournalState): ChunkState[] {
  const current = new Set(st.upload?.hashes ?? []);
  return st.upload ? journalChunks(st).filter((c) => !current.has(c.hash)) : [];
}

/** What the portal should hold according to the journal: every chunk sent since the last reset, except those rejected or refused whole. */
export function expectedTotals(chunks: readonly ChunkState[]): SectionTotal[] {
  return addTotals(chunks.filter((c) => c.outcome !== 'rejected' && c.outcome !== 'refused').map((c) => c.totals ?? []));
}
