/**
 * The emulator's own small set of save checks (`defaultValidatePayload`), for tests that want the
 * portal's codes and messages without the whole rule catalogue (rules.ts). Where the validator
 * has the portal rule (RET91708), the set runs the validator's rule: two definitions would drift.
 */
import { ratesFor } from '../../model/dated-rules.js';
import { hasValidCheckChar } from '../../model/gstin.js';
import { parsePeriod, periodFirstDay, periodLastDay, type Period } from '../../model/period.js';
import { portalDateToIso } from '../../mappers/convert.js';
import { addMonths, GST_START } from '../../validators/shared.js';
import taxTolerance from '../../validators/rules/tax-tolerance.js';
import type { PortalError } from '../error-report.js';
import { keyId, walkRecords } from '../records.js';
import { projectRules } from './rules.js';
import { isObject } from '../../model/json-object.js';
import { MESSAGES, type ValidatePayload } from './validate.js';

type Obj = Record<string, unknown>;

/** First day of the month 18 months before the period's month, but not before GST began (July 2017). */
function earliest(p: Period): string {
  const d = addMonths(periodFirstDay(p), -18);
  return d < GST_START ? GST_START : d;
}

function itemRows(r: Obj): Obj[] {
  if (!Array.isArray(r.itms)) return [];
  return r.itms.filter(isObject).map((it) => (isObject(it.itm_det) ? it.itm_det : it));
}

/**
 * RET91708 as the validator judges it: its own rule (rules/tax-tolerance.ts) run on the save body,
 * so the tolerance, the band down to the 65 % tax, the half rate of each of Central and State/UT
 * tax and the rounding over the documents a row sums are the validator's, never a second copy.
 */
let taxCheck: ValidatePayload | undefined;
function taxRefused(payload: Obj): Set<string> {
  taxCheck ??= projectRules({ rules: [taxTolerance], only: [taxTolerance.code] });
  return new Set(taxCheck(payload).map((e) => keyId(e.key)));
}

/**
 * The emulator's default checks, deterministic so tests can plant each code: RET191113 (ctin
 * check character), RET191152 (etin), RET191114 / RET191115 (invoice / note date outside the
 * period or older than 18 months), RET191175 (rate not in the period's list), RET91708 (tax
 * amounts off taxable value × rate, as `gstr1 validate` finds them). One error per record, the
 * first of these; the portal's own messages.
 */
export const defaultValidatePayload: ValidatePayload = (payload) => {
  const period = typeof payload.fp === 'string' ? parsePeriod(payload.fp) : undefined;
  const out: PortalError[] = [];
  const taxOff = taxRefused(payload);
  const rates = period ? ratesFor(period) : undefined;
  const last = period ? periodLastDay(period) : undefined;
  const first = period ? earliest(period) : undefined;
  for (const e of walkRecords(payload)) {
    const err = (code: keyof typeof MESSAGES) => out.push({ key: e.key, code, message: MESSAGES[code] });
    const r = e.record;
    const ctin = e.key.ctin;
    if (ctin && (e.section === 'b2b' || e.section === 'b2ba' || e.section === 'cdnr' || e.section === 'cdnra') && !hasValidCheckChar(ctin)) {
      err('RET191113');
      continue;
    }
    if (typeof r.etin === 'string' && r.etin && !hasValidCheckChar(r.etin)) {
      err('RET191152');
      continue;
    }
    const note = typeof r.nt_dt === 'string';
    const date = portalDateToIso(note ? r.nt_dt : r.idt);
    if (date && last && first && (date > last || date < first)) {
      err(note ? 'RET191115' : 'RET191114');
      continue;
    }
    if (rates) {
      const rts = e.section === 'hsn' || e.section === 'b2cs' ? [r.rt] : itemRows(r).map((i) => i.rt);
      if (rts.some((rt) => typeof rt === 'number' && !rates.includes(rt))) {
        err('RET191175');
        continue;
      }
    }
    if (taxOff.has(e.id)) err('RET91708');
  }
  return out;
};
