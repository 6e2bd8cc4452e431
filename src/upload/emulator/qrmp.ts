/**
 * The emulated portal's QRMP checks for a quarterly filer. In months 1-2 of a quarter the return
 * is the IFF: only b2b, b2ba, cdnr, cdnra and Table 15's b2b/urp2b parts (and their amendments)
 * are taken, anything else is refused per record. In every month of the quarter a document
 * already saved in another month of the same quarter is refused with RET191111 ("Invoice No.
 * already exist in GSTR 1 of <period>"): the IFF months and the quarter's return are one
 * quarter's outward supplies. IFF and the quarter's return use the same GSTR-1 endpoints with
 * the month's `ret_period` on both providers (the portal knows the filer's profile).
 */
import { isIffMonth } from '../../model/period.js';
import type { PortalError } from '../error-report.js';
import type { RecordEntry } from '../records.js';

/** Sections (and Table 15 parts) an IFF takes. */
const IFF_SECTIONS = new Set(['b2b', 'b2ba', 'cdnr', 'cdnra']);
const IFF_TABLE15_PARTS = new Set(['b2b', 'urp2b', 'b2ba', 'urp2ba']);

function inIff(e: RecordEntry): boolean {
  if (IFF_SECTIONS.has(e.section)) return true;
  return (e.section === 'ecom' || e.section === 'ecoma') && IFF_TABLE15_PARTS.has(e.key.part ?? '');
}

/** The other months of `fp`'s quarter, `MMYYYY`. */
export function otherMonthsOfQuarter(fp: string): string[] {
  const month = Number(fp.slice(0, 2));
  const first = month - ((month - 1) % 3);
  const out: string[] = [];
  for (let m = first; m < first + 3; m++) if (m !== month) out.push(`${String(m).padStart(2, '0')}${fp.slice(2)}`);
  return out;
}

/**
 * The QRMP error of one record of a quarterly filer's save, if any. `savedIn(fp, id)`: is the
 * document `id` stored in period `fp`?
 */
export function qrmpError(fp: string, e: RecordEntry, savedIn: (fp: string, id: string) => boolean): PortalError | undefined {
  const month = Number(fp.slice(0, 2));
  if (isIffMonth({ month, year: Number(fp.slice(2)) }) && !inIff(e)) {
    return { key: e.key, code: 'RET191106', message: `Section ${e.section}${e.key.part ? ` ${e.key.part}` : ''} cannot be reported in an IFF (month ${month % 3} of a quarter)` };
  }
  const number = e.key.inum ?? e.key.ntNum;
  if (!number) return undefined;
  const other = otherMonthsOfQuarter(fp).find((p) => savedIn(p, e.id));
  return other ? { key: e.key, code: 'RET191111', message: `Invoice No. ${number} already exist in GSTR 1 of ${other}` } : undefined;
}
