/**
 * Reads what a quarterly filer furnished in the IFF months of a quarter (`--iff`): each month's
 * retsave JSON, or its spreadsheets (template workbook or CSVs), into the documents they hold, for
 * the IFF_DUPLICATE rule of the quarter's return (or of a later IFF month). A JSON names its month
 * and is checked to be an earlier month of the quarter; a spreadsheet is named by its file.
 */
import { basename } from 'node:path';
import { InputError } from '../model/errors.js';
import { FindingList } from '../model/finding.js';
import { formatPeriod, periodKey, quarterFirstMonth, type Period } from '../model/period.js';
import { readRows } from '../parsers/rows.js';
import { walkRecords } from '../upload/records.js';
import type { IffDocuments } from '../validators/iff-documents.js';
import { readReturnJson } from './to-excel.js';

const KIND: Readonly<Record<string, 'invoice' | 'note'>> = { b2b: 'invoice', b2ba: 'invoice', cdnr: 'note', cdnra: 'note' };
const keyOf = (kind: string, ctin: string, number: string) => `${kind}\u0000${ctin.toUpperCase()}\u0000${number.toLowerCase()}`;

/** Reads the JSON of the IFF months of `gstin`'s quarter that come before `period`. */
export async function loadIffDocuments(files: readonly string[], gstin: string, period: Period): Promise<IffDocuments> {
  const first = periodKey(quarterFirstMonth(period));
  const byKey = new Map<string, string>();
  for (const file of files) {
    if (!file.toLowerCase().endsWith('.json')) {
      await addSpreadsheet(file, byKey);
      continue;
    }
    const ret = await readReturnJson([file]);
    const k = periodKey(ret.period);
    if (ret.gstin !== gstin) throw new InputError('IFF_OTHER_GSTIN', { file, found: ret.gstin, gstin });
    if (k < first || k >= periodKey(period)) throw new InputError('IFF_OTHER_PERIOD', { file, found: ret.fp, period: formatPeriod(period) });
    for (const e of walkRecords(ret.sections)) {
      const kind = KIND[e.section];
      const number = e.key.inum ?? e.key.ntNum;
      if (kind && number && e.key.ctin) byKey.set(keyOf(kind, e.key.ctin, number), ret.fp);
    }
  }
  return { periodOf: (kind, ctin, number) => byKey.get(keyOf(kind, ctin, number)) };
}

/**
 * The b2b/b2ba/cdnr/cdnra rows of an IFF month's spreadsheet. That month was checked when it was
 * furnished: its findings are not repeated here, and a row is taken when its number and recipient read.
 */
async function addSpreadsheet(file: string, byKey: Map<string, string>): Promise<void> {
  for await (const row of readRows([file], { findings: new FindingList(), stats: [] })) {
    const kind = KIND[row.ctx.spec.section];
    const number = kind === 'note' ? row.values.ntNum : row.values.inum;
    if (kind && number && row.values.ctin) byKey.set(keyOf(kind, row.values.ctin, number), basename(file));
  }
}
