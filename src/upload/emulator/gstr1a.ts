/**
 * The emulated portal's GSTR-1A: a return of its own beside the period's GSTR-1, written only from
 * the July 2024 period and once that GSTR-1 is filed (GSTN: GSTR-1A opens after the GSTR-1 is filed
 * and closes when it is filed itself). The portal's codes for these two refusals are not
 * documented: the emulator's (EMU_...) are its own, so no client can mistake them for the portal's.
 * Per record: a document the filed GSTR-1 already holds is refused as a quarter's repeated invoice
 * is (RET191111), and an amendment may not change the recipient of the document it amends (GSTN
 * advisory on GSTR-1A; code not documented, the generic RET191106 here).
 */
import { gstr1aExists } from '../../model/dated-rules.js';
import { parsePeriod } from '../../model/period.js';
import type { PortalError } from '../error-report.js';
import type { ReturnForm } from '../../model/form.js';
import type { RecordEntry } from '../records.js';

/** What these checks read of a period's return on the emulated portal (portal.ts `ReturnState`). */
interface FormState {
  readonly form: ReturnForm;
  readonly fp: string;
  readonly docs: ReadonlyMap<string, RecordEntry>;
  readonly filed?: unknown;
}

interface Refusal {
  readonly ok: false;
  readonly code: string;
  readonly message: string;
}

/** Why nothing may be written to `s` (a GSTR-1A), given the period's GSTR-1 `gstr1`; undefined when it may. */
export function gstr1aRefusal(s: FormState, gstr1: FormState): Refusal | undefined {
  if (s.form !== 'gstr1a') return undefined;
  const period = parsePeriod(s.fp);
  if (!period || !gstr1aExists(period)) return { ok: false, code: 'EMU_GSTR1A_PERIOD', message: `GSTR1A is not available for ${s.fp}: it exists from the July 2024 tax period.` };
  if (!gstr1.filed) return { ok: false, code: 'EMU_GSTR1A_NOT_OPEN', message: `GSTR1A for ${s.fp} opens once GSTR1 of the period is filed.` };
  return undefined;
}

/** Amended sections and the section of the document each amends. */
const AMENDS: Readonly<Record<string, string>> = { b2ba: 'b2b', cdnra: 'cdnr' };

/** The GSTR-1A error of one saved record, if any, against the filed GSTR-1 `gstr1`. */
export function gstr1aRecordError(e: RecordEntry, gstr1: FormState): PortalError | undefined {
  const number = e.key.inum ?? e.key.ntNum;
  if (!AMENDS[e.section] && number && gstr1.docs.has(e.id)) {
    return { key: e.key, code: 'RET191111', message: `Invoice No. ${number} already exist in GSTR 1 of ${gstr1.fp}` };
  }
  const original = AMENDS[e.section];
  const oNumber = e.key.oinum ?? e.key.ontNum;
  if (!original || !oNumber) return undefined;
  const recipients = recipientsOf(gstr1.docs).get(`${original}\u0000${oNumber}`);
  if (recipients && [...recipients].some((ctin) => ctin !== e.key.ctin)) {
    return { key: e.key, code: 'RET191106', message: `Recipient GSTIN of ${oNumber} cannot be changed in GSTR1A` };
  }
  return undefined;
}

/**
 * The recipients of each document of a filed GSTR-1, by section and number: looked up once per
 * amendment instead of walking every document. A filed return no longer changes, so it is worked
 * out once per return.
 */
const RECIPIENTS = new WeakMap<ReadonlyMap<string, RecordEntry>, Map<string, Set<string | undefined>>>();
function recipientsOf(docs: ReadonlyMap<string, RecordEntry>): Map<string, Set<string | undefined>> {
  let index = RECIPIENTS.get(docs);
  if (index) return index;
  index = new Map();
  for (const d of docs.values()) {
    const number = d.key.inum ?? d.key.ntNum;
    if (!number) continue;
    const k = `${d.section}\u0000${number}`;
    let set = index.get(k);
    if (!set) index.set(k, (set = new Set()));
    set.add(d.key.ctin);
  }
  RECIPIENTS.set(docs, index);
  return index;
}
