/**
 * The shared-strings part read by offset when it is what Excel and the usual writers produce: an
 * XML declaration, `<sst ...>`, then `<si>` items of plain `<t>` runs, then `</sst>`. A part with
 * anything else in it (rich or phonetic runs, a comment, a character reference, a character XML
 * forbids, ...) gives undefined, and saxes reads the part from its start (xlsx.ts): the table is
 * read whole before any row, so starting over changes nothing but the time. At 500,000 lines the
 * table holds 313,000 strings and nothing else runs while it is read.
 */
import { SharedStrings } from './shared-strings.js';
import { unescapeX } from './sheet-cells.js';
import { charData, CUT, ODD, skipSpace } from './sheet-scan.js';

/** the XML declaration, as strict as saxes is about it, and the `<sst>` start tag with plain attribute values */
const PROLOG =
  /^(?:<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>)?[ \t\r\n]*<sst((?:[ \t\r\n]+[A-Za-z_:][-A-Za-z0-9_:.]*="[^"<&\x00-\x1f\ud800-\uffff]*")*)[ \t\r\n]*>/;
const ATTRIBUTE_NAME = /([A-Za-z_:][-A-Za-z0-9_:.]*)=/g;

/** a `<t>` start tag as writers write it */
const T_PLAIN = '<t>';
const T_PRESERVE = '<t xml:space="preserve">';

/** the start tag is unread until this much text has come without it */
const MAX_PROLOG = 64 * 1024;
/** an item cut off at the end of the text at hand is read again with the next chunk; a longer one goes to saxes */
const MAX_CUT_ITEM = 1 << 20;

/** The table, or undefined when the part holds what saxes should read. */
export async function scanSharedStrings(chunks: AsyncIterable<string>): Promise<SharedStrings | undefined> {
  const strings = new SharedStrings();
  let pending = '';
  let started = false;
  let ended = false;
  for await (const chunk of chunks) {
    pending = pending === '' ? chunk : pending + chunk;
    let i = 0;
    if (!started) {
      const m = PROLOG.exec(pending);
      if (!m) {
        if (pending.length > MAX_PROLOG) return undefined;
        continue;
      }
      const names = [...m[4]!.matchAll(ATTRIBUTE_NAME)].map((a) => a[1]);
      if (new Set(names).size !== names.length) return undefined;
      started = true;
      i = m[0].length;
    }
    if (!ended) {
      for (;;) {
        i = skipSpace(pending, i);
        if (i + 6 > pending.length) break;
        if (pending.startsWith('</sst>', i)) {
          ended = true;
          i += 6;
          break;
        }
        const end = item(pending, i, strings);
        if (end === ODD) return undefined;
        if (end === CUT) break;
        i = end;
      }
      pending = pending.slice(i);
      if (pending.length > MAX_CUT_ITEM) return undefined;
    }
    // after </sst>: white space only
    if (ended && skipSpace(pending, 0) < pending.length) return undefined;
    if (ended) pending = '';
  }
  return ended ? strings.done() : undefined;
}

/** One `<si>` item from `i`: added to the table, and where it ends; CUT when the text stops before its end. */
function item(s: string, i: number, strings: SharedStrings): number {
  const n = s.length;
  if (i + 5 > n) return CUT;
  if (s.startsWith('<si/>', i)) {
    strings.add('');
    return i + 5;
  }
  if (!s.startsWith('<si>', i)) return ODD;
  let k = i + 4;
  let text = '';
  for (;;) {
    k = skipSpace(s, k);
    if (k + 5 > n) return CUT;
    if (s.startsWith('</si>', k)) {
      strings.add(unescapeX(text));
      return k + 5;
    }
    if (s.startsWith('<t/>', k)) {
      k += 4;
      continue;
    }
    let from: number;
    if (s.startsWith(T_PLAIN, k)) from = k + T_PLAIN.length;
    else if (s.startsWith(T_PRESERVE, k)) from = k + T_PRESERVE.length;
    else if (k + T_PRESERVE.length > n) return CUT;
    else return ODD;
    const to = s.indexOf('<', from);
    if (to < 0 || to + 4 > n) return CUT;
    if (!s.startsWith('</t>', to)) return ODD;
    const t = charData(s, from, to);
    if (t === undefined) return ODD;
    text += t;
    k = to + 4;
  }
}
