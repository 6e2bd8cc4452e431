/**
 * Reads the IFF months' retsave JSON (`--iff`) of a quarterly filer's quarter into the documents
 * they furnished, for the IFF_DUPLICATE rule of the quarter's return (or of a later IFF month).
 */
import { InputError } from '../model/errors.js';
import { formatPeriod, periodKey, type Period } from '../model/period.js';
import { walkRecords } from '../upload/records.js';
import type { IffDocuments } from '../validators/iff-documents.js';
import { readReturnJson } from './to-excel.js';

const KIND: Readonly<Record<string, 'invoice' | 'note'>> = { b2b: 'invoice', b2ba: 'invoice', cdnr: 'note', cdnra: 'note' };
const keyOf = (kind: string, ctin: string, number: string) => `${kind}\u0000${ctin.toUpperCase()}\u0000${number.toLowerCase()}`;

/** Reads the JSON of the IFF months of `gstin`'s quarter that come before `period`. */
export async function loadIffDocuments(files: readonly string[], gstin: string, period: Period): Promise<IffDocuments> {
  const first = periodKey({ year: period.year, month: period.month - ((period.month - 1) % 3) });
  const byKey = new Map<string, string>();
  for (const file of files) {
    const ret = await readReturnJson([file]);
    const k = periodKey(ret.period);
    if (ret.gstin !== gstin) throw new InputError('INPUT_JSON', { file, detail: `it is the return of ${ret.gstin}, not of ${gstin}` });
    if (k < first || k >= periodKey(period)) {
      throw new InputError('INPUT_JSON', { file, detail: `it is for ${ret.fp}, not a month of ${formatPeriod(period)}'s quarter before it` });
    }
    for (const e of walkRecords(ret.sections)) {
      const kind = KIND[e.section];
      const number = e.key.inum ?? e.key.ntNum;
      if (kind && number && e.key.ctin) byKey.set(keyOf(kind, e.key.ctin, number), ret.fp);
    }
  }
  return { periodOf: (kind, ctin, number) => byKey.get(keyOf(kind, ctin, number)) };
}
