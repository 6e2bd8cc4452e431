/** filingBasis: what a filing is compared with, and when it is refused before anything is sent. */
import { describe, expect, it } from 'vitest';
import { filingBasis } from './filing-basis.js';
import { contentHash, replay, type StampedRecord } from './journal.js';
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

  it('a rejected chunk stays in the expected totals (the portal lacking it is a difference)', () => {
    const b = filingBasis(journal({ payload: A, outcome: 'processed' }, { payload: B, outcome: 'rejected' }), {});
    expect(b).toMatchObject({ totals: [{ ttl_rec: 2 }] });
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
});
