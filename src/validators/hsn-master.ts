/**
 * The codes of the GSTN HSN/SAC master, loaded the first time a rule needs them and kept as a Set.
 * They come from data/hsn-codes.json (`{"codes":"01 0101 …"}`), which scripts/refresh-hsn.ts
 * writes with data/hsn-master.json (codes and descriptions): the rules need the codes only, and
 * parsing the whole master cost 30 ms and some 15 MB of memory at the end of every run that
 * checks an hsn sheet (and 2.5 MB of the page's download). Refresh both with
 * `npx tsx scripts/refresh-hsn.ts <official file>`.
 */
import { host } from '../parsers/host/source.js';

let codes: Set<string> | undefined;

/** Codes of the master, digits as text (leading zeros kept, no spaces). */
export function hsnMasterCodes(): ReadonlySet<string> {
  if (!codes) {
    const text = (host().data('hsn-codes') as { codes: string }).codes;
    codes = new Set(text === '' ? [] : text.split(' '));
  }
  return codes;
}

export function isInHsnMaster(code: string): boolean {
  return hsnMasterCodes().has(code);
}
