/**
 * The GSTN HSN/SAC master (data/hsn-master.json, `{"data":[{"c":"0101","n":"…"}]}`), loaded the
 * first time a rule needs it and kept as a Set of codes. Refresh the file with
 * `npx tsx scripts/refresh-hsn.ts <official file>`.
 */
import { host } from '../parsers/host/source.js';


export interface HsnEntry {
  /** code, digits as text (leading zeros kept) */
  readonly c: string;
  /** official description */
  readonly n: string;
}

let codes: Set<string> | undefined;

/** Codes of the master; spaces inside a code (the master has a few, "2307 00") are dropped. */
export function hsnMasterCodes(): ReadonlySet<string> {
  if (!codes) {
    const json = host().data('hsn-master') as { data: HsnEntry[] };
    codes = new Set(json.data.map((e) => e.c.replace(/\s+/g, '')));
  }
  return codes;
}

export function isInHsnMaster(code: string): boolean {
  return hsnMasterCodes().has(code);
}
