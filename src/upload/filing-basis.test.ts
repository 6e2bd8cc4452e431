/** filingBasis: what a filing is compared with, and when it is refused before anything is sent. */
import { describe, expect, it } from 'vitest';
import { filingBasis } from './filing-basis.js';
import { contentHash, replay, type Notice, type StampedRecord } from './journal.js';
import { computeTotals } from './totals.js';
import { hintOf, messageOf } from '../report/messages/index.js';

const t = { t: '', v: 1 as const };
const inv = (inum: string, txval: number) => ({ inum, idt: '15-03-2025', val: txval * 1.18, pos: '29', rchrg: 'N', inv_typ: 'R', itms: [{ num: 1, itm_det: { rt: 18, txval, iamt: txval * 0.18, csamt: 0 } }] });
const A = JSON.stringify({ gstin: '27AAACR5055K1Z7', fp: '032025', b2b: [{ ctin: '29AABCT1332L1ZT', inv: [inv('A-1', 1000)] }] });
const B = JSON.stringify({ gstin: '27AAACR5055K1Z7', fp: '032025', b2b: [{ ctin: '29AABCT1332L1ZT', inv: [inv('B-1', 250.5)] }] });

function journal(...chunks: { payload: string; outcome?: 'processed' | 'rejected' | 'in_progress'; totals?: boolean }[]) {
  const records: StampedRecord[] = [];
  chunks.forEach((c, i) => {
    const hash = contentHash(c.payload);
    records.push({ step: 'chunk_sending', index: i + 1, hash, bytes: 1, ...(c.totals === false ? {} : { totals: computeTotals([c.payload]) }), ...t });
    if (c.outcome) records.push({ step: 'chunk_status', index: i + 1, hash, outcome: c.outcome, ...t });
  });
  return replay(records);
}

describe('filingBasis', () => {
  it('no files: the sum of what the journal recorded per chunk, in paise', () => {
    const b = filingBasis(journal({ payload: A, outcome: 'processed' }, { payload: B, outcome: 'processed' }), {});
    expect(b).toMatchObject({ totals: [{ sec_nm: 'B2B', ttl_rec: 2, ttl_tax: 1250.5, ttl_igst: 225.09 }] });
  });

  it('a chunk rejected whole is refused before proceeding: never counted as uploaded, never filed without', () => {
    const b = filingBasis(journal({ payload: A, outcome: 'processed' }, { payload: B, outcome: 'rejected' }), {});
    expect(b).toEqual({ refused: { code: 'UPLOAD_CHUNKS_REJECTED', params: { count: 1, chunks: '2' } } });
    expect(messageOf((b as { refused: Notice }).refused)).toBe(
      'Not filed: the portal rejected 1 chunk(s) of the latest upload whole (chunk 2); nothing of them is on the portal',
    );
  });

  it('an upload again supersedes the earlier one: its chunks are the basis, never added to the earlier ones', () => {
    // the tester's sequence: a workbook with errors uploaded (processed with errors), then the corrected one
    const bad = JSON.stringify({ gstin: '27AAACR5055K1Z7', fp: '032025', b2b: [{ ctin: '29AABCT1332L1ZT', inv: [inv('A-1', 999)] }] });
    const [hBad, hA, hB] = [bad, A, B].map(contentHash);
    const st = replay([
      { step: 'upload', hashes: [hBad], ...t },
      { step: 'chunk_sending', index: 1, hash: hBad, bytes: 1, totals: computeTotals([bad]), ...t },
      { step: 'chunk_status', index: 1, hash: hBad, outcome: 'processed_with_errors', ...t },
      { step: 'upload', hashes: [hA, hB], ...t },
      { step: 'chunk_sending', index: 1, hash: hA, bytes: 1, totals: computeTotals([A]), ...t },
      { step: 'chunk_status', index: 1, hash: hA, outcome: 'processed', ...t },
      { step: 'chunk_sending', index: 2, hash: hB, bytes: 1, totals: computeTotals([B]), ...t },
      { step: 'chunk_status', index: 2, hash: hB, outcome: 'processed', ...t },
    ] as StampedRecord[]);
    expect(filingBasis(st, {})).toMatchObject({ totals: [{ sec_nm: 'B2B', ttl_rec: 2, ttl_tax: 1250.5 }] });
    // its chunk 2 not sent yet: pending, whatever the earlier upload came to
    const unfinished = replay([
      { step: 'upload', hashes: [hA, hB], ...t },
      { step: 'chunk_sending', index: 1, hash: hA, bytes: 1, totals: computeTotals([A]), ...t },
      { step: 'chunk_status', index: 1, hash: hA, outcome: 'processed', ...t },
    ] as StampedRecord[]);
    expect(filingBasis(unfinished, {})).toEqual({ refused: { code: 'UPLOAD_CHUNKS_PENDING', params: { count: 1, chunks: '2' } } });
  });

  it('refuses: nothing uploaded, chunks pending, totals unknown, files not uploaded, nil with data', () => {
    expect(filingBasis(journal(), {})).toEqual({ refused: { code: 'UPLOAD_NOTHING_TO_FILE', params: {} } });
    expect(filingBasis(journal({ payload: A, outcome: 'processed' }, { payload: B, outcome: 'in_progress' }), {}))
      .toEqual({ refused: { code: 'UPLOAD_CHUNKS_PENDING', params: { count: 1, chunks: '2' } } });
    expect(filingBasis(journal({ payload: A }), {})).toMatchObject({ refused: { code: 'UPLOAD_CHUNKS_PENDING' } });
    expect(filingBasis(journal({ payload: A, outcome: 'processed', totals: false }), {}))
      .toEqual({ refused: { code: 'UPLOAD_JOURNAL_NO_TOTALS', params: { chunks: '1' } } });
    expect(filingBasis(journal({ payload: A, outcome: 'processed' }), { payloads: [A, B] }))
      .toEqual({ refused: { code: 'UPLOAD_NOT_UPLOADED', params: { chunks: '2' } } });
    expect(filingBasis(journal({ payload: A, outcome: 'processed' }), { nil: true })).toMatchObject({ refused: { code: 'UPLOAD_NIL_WITH_DATA' } });
    expect(filingBasis(journal(), { nil: true, payloads: [A] })).toMatchObject({ refused: { code: 'UPLOAD_NIL_WITH_DATA' } });
    // files holding no document (the blank template): nothing to file, whatever the journal says
    expect(filingBasis(journal({ payload: A, outcome: 'processed' }), { payloads: [JSON.stringify({ gstin: '27AAACR5055K1Z7', fp: '032025' })] }))
      .toEqual({ refused: { code: 'UPLOAD_NOTHING_TO_FILE', params: {} } });
    expect(filingBasis(journal({ payload: A, outcome: 'processed' }), { payloads: [] })).toEqual({ refused: { code: 'UPLOAD_NOTHING_TO_FILE', params: {} } });
  });

  it('files given and uploaded: their own totals; --nil with nothing: an empty basis', () => {
    expect(filingBasis(journal({ payload: A, outcome: 'processed' }), { payloads: [A] })).toEqual({ totals: computeTotals([A]) });
    expect(filingBasis(journal(), { nil: true })).toEqual({ totals: [] });
  });
  it('a GSTR-1A is never filed empty: --nil is refused, and nothing uploaded does not suggest it', () => {
    expect(filingBasis(journal(), { nil: true, form: 'gstr1a' })).toEqual({ refused: { code: 'UPLOAD_GSTR1A_NIL', params: {} } });
    const nothing = filingBasis(journal(), { form: 'gstr1a' });
    expect(nothing).toEqual({ refused: { code: 'UPLOAD_NOTHING_TO_FILE', params: { form: 'gstr1a' } } });
    const refusal = (nothing as { refused: { code: string; params: Record<string, string> } }).refused;
    expect(`${messageOf(refusal)} ${hintOf(refusal)}`).not.toMatch(/--nil|nil return/);
    // a GSTR-1 may still be filed nil on purpose
    expect(filingBasis(journal(), { nil: true, form: 'gstr1' })).toEqual({ totals: [] });
  });
  it('a chunk the portal refused on saving is its own refusal, not "run upload again"', () => {
    const hash = contentHash(A);
    const st = replay([
      { step: 'chunk_sending', index: 1, hash, bytes: 1, totals: computeTotals([A]), ...t },
      { step: 'chunk_status', index: 1, hash, outcome: 'refused', answer: { code: 'UPLOAD_ALREADY_FILED', params: {} }, ...t },
    ] as StampedRecord[]);
    expect(filingBasis(st, {})).toEqual({ refused: { code: 'UPLOAD_CHUNKS_REFUSED', params: { count: 1, chunks: '1' } } });
  });
});
