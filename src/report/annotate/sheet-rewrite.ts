/**
 * One worksheet's XML, streamed through with its marks put on: a marked cell gets a new style
 * index (`s=`); a mark on a cell or row the sheet does not have inserts it, in column and row
 * order; everything else passes through byte for byte. After `</sheetData>` a `<legacyDrawing>`
 * is added (where the schema wants it) when the sheet gets notes and has no legacy drawing yet.
 *
 * The bytes are handled as latin1 text (one character per byte): every byte comes back out as
 * it went in, and the markup we look for is ASCII, which never occurs inside a UTF-8 sequence.
 * Only the row being marked is held whole; the head before `<sheetData>` and the tail after it
 * are small and held as text.
 */
import type { Severity } from '../../model/finding.js';
import { columnOf } from '../../parsers/sheet-cells.js';
import type { SheetMarks } from './marks.js';
import { cellAddress } from './names.js';
import { attrByLocal, attrsOf, NS_REL, rootPrefix } from './ooxml.js';

export interface SheetEdit {
  readonly marks: SheetMarks;
  /** the severity shown on a marked cell */
  severity(indexes: readonly number[]): Severity;
  /** the new style index of a marked cell whose style was `s` */
  styleFor(s: number, severity: Severity): number;
  /** the relationship id for a new `<legacyDrawing>`; undefined when the sheet gets no notes */
  readonly legacyDrawingId?: string;
  /** drop `tabSelected` from the sheet's views (another sheet becomes the selected one) */
  readonly unselect: boolean;
}

export interface SheetEditResult {
  /** the relationship id of the legacy drawing the sheet already had, if any */
  existingLegacyDrawing?: string;
}

/** Longest head (before `<sheetData>`) and tail (after `</sheetData>`) we hold. */
const HEAD_LIMIT = 4 * 1024 * 1024;
const TAIL_LIMIT = 16 * 1024 * 1024;
/** Worksheet children that come after `legacyDrawing` (ECMA-376 CT_Worksheet). */
const AFTER_LEGACY = new Set(['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst']);

const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1');
const bytes = (s: string) => Buffer.from(s, 'latin1');

export class SheetXmlError extends Error {
  override name = 'SheetXmlError';
}

export async function* rewriteSheet(xml: AsyncIterable<Uint8Array>, edit: SheetEdit, result: SheetEditResult): AsyncGenerator<Uint8Array> {
  const pending = [...edit.marks.keys()].sort((a, b) => a - b);
  let next = 0;
  let p = '';
  let state = 'head' as 'head' | 'data' | 'tail';
  let buf = '';
  let at = 0;
  let lastRow = 0;
  let tail = '';
  let endAt = -1;
  let endFrom = 0;
  let out: string[] = [];
  let relPrefix: string | undefined;

  /** new rows for the marks before row `before` */
  const rowsBefore = (before: number) => {
    let s = '';
    while (next < pending.length && pending[next]! < before) {
      const r = pending[next++]!;
      s += `<${p}row r="${r}">${cellsOf(r, [...edit.marks.get(r)!.keys()].sort((a, b) => a - b), 0)}</${p}row>`;
    }
    return s;
  };
  const cellsOf = (row: number, cols: readonly number[], s: number) =>
    cols.map((c) => `<${p}c r="${cellAddress(row, c)}" s="${styleOf(row, c, s)}"/>`).join('');
  const styleOf = (row: number, col: number, s: number) => {
    const idx = edit.marks.get(row)!.get(col)!;
    return edit.styleFor(s, edit.severity(idx));
  };

  const takeHead = (): void => {
    const m = new RegExp(`<${p}sheetData(?=[\\s>/])[^>]*>`).exec(buf);
    if (!m) {
      if (buf.length > HEAD_LIMIT) throw new SheetXmlError('no <sheetData> in the sheet\'s first 4 MB');
      return;
    }
    let head = buf.slice(0, m.index);
    // the prefix the sheet binds to the relationships namespace (`r` in every Excel file)
    const root = new RegExp(`<${p}worksheet[\\s>][^>]*>`).exec(head)?.[0] ?? '';
    relPrefix = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${NS_REL.replace(/[./]/g, '\\$&')}["']`).exec(root)?.[1];
    if (edit.unselect) head = head.replace(/\stabSelected\s*=\s*["'](?:1|true)["']/g, '');
    const selfClosing = m[0].endsWith('/>');
    if (selfClosing) {
      out.push(head, `<${p}sheetData>`, rowsBefore(Infinity), `</${p}sheetData>`);
      buf = buf.slice(m.index + m[0].length);
      state = 'tail';
    } else {
      out.push(head, m[0]);
      buf = buf.slice(m.index + m[0].length);
      state = 'data';
    }
    at = 0;
  };

  /** the next `<row` start tag at or after `from`, or -1 (also when its next character has not come yet) */
  const findRow = (from: number, tag: string): number => {
    for (let k = buf.indexOf(tag, from); k >= 0; k = buf.indexOf(tag, k + 1)) {
      const ch = buf.charCodeAt(k + tag.length);
      if (Number.isNaN(ch)) return -1;
      if (ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13) return k;
    }
    return -1;
  };

  const takeData = (): void => {
    const endTag = `</${p}sheetData>`;
    const tag = `<${p}row`;
    let flushed = at;
    const flush = (to: number) => {
      if (to > flushed) out.push(buf.slice(flushed, to));
      flushed = to;
    };
    for (;;) {
      if (endAt < 0) {
        endAt = buf.indexOf(endTag, Math.max(at, endFrom));
        if (endAt < 0) endFrom = Math.max(at, buf.length - endTag.length);
      }
      // no marks left: only the end of the rows matters
      const r = next < pending.length ? findRow(at, tag) : -1;
      if (endAt >= 0 && (r < 0 || endAt < r)) {
        flush(endAt);
        out.push(rowsBefore(Infinity), endTag);
        buf = buf.slice(endAt + endTag.length);
        at = 0;
        state = 'tail';
        return;
      }
      if (r < 0) {
        // keep what may be the start of a cut tag
        const safe = Math.max(at, buf.length - endTag.length);
        flush(safe);
        buf = buf.slice(safe);
        at = 0;
        endFrom = 0;
        return;
      }
      const tagEnd = buf.indexOf('>', r);
      if (tagEnd < 0) break;
      const start = buf.slice(r, tagEnd + 1);
      const rAttr = /\sr\s*=\s*["'](\d+)["']/.exec(start);
      const rowNum = rAttr ? Number(rAttr[1]) : lastRow + 1;
      const before = rowsBefore(rowNum);
      if (before) {
        flush(r);
        out.push(before);
      }
      if (next < pending.length && pending[next] === rowNum) {
        let rowEnd: number;
        if (start.endsWith('/>')) rowEnd = tagEnd + 1;
        else {
          const close = buf.indexOf(`</${p}row>`, tagEnd);
          if (close < 0) break;
          rowEnd = close + `</${p}row>`.length;
        }
        flush(r);
        out.push(markRow(buf.slice(r, rowEnd), rowNum));
        flushed = rowEnd;
        next++;
        at = rowEnd;
      } else at = tagEnd + 1;
      lastRow = rowNum;
    }
    // a row's tag or body is cut: wait for more, holding from the row's start (rows put before it are out)
    at = Math.max(at, flushed);
    flush(at);
    buf = buf.slice(at);
    at = 0;
    endAt = -1;
    endFrom = 0;
  };

  /** One row with its marks: the cells' styles changed, missing cells inserted in column order. */
  const markRow = (text: string, rowNum: number): string => {
    const cols = [...edit.marks.get(rowNum)!.keys()].sort((a, b) => a - b);
    const tagEnd = text.indexOf('>');
    const selfClosing = text[tagEnd - 1] === '/';
    let startTag = selfClosing ? `${text.slice(0, tagEnd - 1).trimEnd()}>` : text.slice(0, tagEnd + 1);
    const closeTag = `</${p}row>`;
    const body = selfClosing ? '' : text.slice(tagEnd + 1, text.length - closeTag.length);
    const ra = attrsOf(startTag);
    const rowStyle = ra.customFormat === '1' || ra.customFormat === 'true' ? Number(ra.s) || 0 : 0;
    let o = '';
    let j = 0;
    let ci = 0;
    let lastCol = 0;
    let inserted = false;
    const cellTag = `<${p}c`;
    for (;;) {
      let k = body.indexOf(cellTag, j);
      while (k >= 0 && !/[\s>/]/.test(body[k + cellTag.length] ?? '')) k = body.indexOf(cellTag, k + 1);
      if (k < 0) break;
      const tEnd = body.indexOf('>', k);
      const self = body[tEnd - 1] === '/';
      const cEnd = self ? tEnd + 1 : body.indexOf(`</${p}c>`, tEnd);
      if (tEnd < 0 || cEnd < 0) throw new SheetXmlError(`row ${rowNum} has a cell without its end`);
      const closeAt = self ? cEnd : cEnd + `</${p}c>`.length;
      const cTag = body.slice(k, tEnd + 1);
      const ca = attrsOf(cTag);
      // one-based; a reference without letters (columnOf -1) takes the next column, as before
      const col = ca.r ? columnOf(ca.r) + 1 || lastCol + 1 : lastCol + 1;
      o += body.slice(j, k);
      while (ci < cols.length && cols[ci]! < col) {
        o += cellsOf(rowNum, [cols[ci++]!], rowStyle);
        inserted = true;
      }
      if (ci < cols.length && cols[ci] === col) {
        ci++;
        const s = styleOf(rowNum, col, Number(ca.s) || 0);
        o += /\ss\s*=/.test(cTag) ? cTag.replace(/(\ss\s*=\s*)["'][^"']*["']/, `$1"${s}"`) : cTag.replace(cellTag, `${cellTag} s="${s}"`);
        o += body.slice(tEnd + 1, closeAt);
      } else o += body.slice(k, closeAt);
      j = closeAt;
      lastCol = col;
    }
    // what follows the last cell (an extLst) stays after the inserted cells' end
    const restAt = j;
    let rest = body.slice(restAt);
    if (ci < cols.length) {
      const ext = rest.search(new RegExp(`<${p}extLst[\\s>]`));
      const add = cols.slice(ci).map((c) => cellsOf(rowNum, [c], rowStyle)).join('');
      rest = ext < 0 ? rest + add : rest.slice(0, ext) + add + rest.slice(ext);
      inserted = true;
    }
    // `spans` is a hint for the cells a row holds: dropped when we add cells it may not cover
    if (inserted) startTag = startTag.replace(/\sspans\s*=\s*["'][^"']*["']/, '');
    return `${startTag}${o}${rest}${closeTag}`;
  };

  for await (const chunk of xml) {
    const text = latin1(chunk);
    if (state === 'tail') {
      tail += text;
      if (tail.length > TAIL_LIMIT) throw new SheetXmlError('more than 16 MB after the sheet\'s rows');
      continue;
    }
    buf += text;
    if (state === 'head') {
      if (!p) p = rootPrefix(buf.slice(0, 4096), 'worksheet');
      takeHead();
    }
    if (state === 'data') takeData();
    // (takeHead and takeData move the state on)
    if ((state as string) === 'tail' && buf) {
      tail += buf;
      buf = '';
    }
    if (out.length) {
      yield bytes(out.join(''));
      out = [];
    }
  }
  if (state !== 'tail') throw new SheetXmlError('the sheet\'s XML ends before its rows do (no </sheetData>)');
  yield bytes(finishTail(tail, p, relPrefix, edit, result));
}

/** The part after `</sheetData>`, with a `<legacyDrawing>` for the notes when the sheet has none. */
function finishTail(tail: string, p: string, relPrefix: string | undefined, edit: SheetEdit, result: SheetEditResult): string {
  if (!new RegExp(`</${p}worksheet>\\s*$`).test(tail)) throw new SheetXmlError('the sheet\'s XML ends early (no </worksheet>)');
  if (edit.legacyDrawingId === undefined) return tail;
  const existing = new RegExp(`<${p}legacyDrawing\\s[^>]*>`).exec(tail);
  if (existing) {
    const id = attrByLocal(attrsOf(existing[0]), 'id');
    if (id) {
      result.existingLegacyDrawing = id;
      return tail;
    }
  }
  const id = relPrefix ? `${relPrefix}:id="${edit.legacyDrawingId}"` : `xmlns:r="${NS_REL}" r:id="${edit.legacyDrawingId}"`;
  const element = `<${p}legacyDrawing ${id}/>`;
  // the first child of <worksheet> that must come after it, or the end of <worksheet>
  let depth = 1;
  for (let k = tail.indexOf('<'); k >= 0; k = tail.indexOf('<', k + 1)) {
    if (tail.startsWith('<!--', k)) {
      k = tail.indexOf('-->', k);
      if (k < 0) break;
      continue;
    }
    if (tail.startsWith('<?', k) || tail.startsWith('<![CDATA[', k)) {
      k = tail.indexOf('>', k);
      if (k < 0) break;
      continue;
    }
    const end = tail.indexOf('>', k);
    if (end < 0) break;
    const closing = tail[k + 1] === '/';
    const name = /^<\/?([\w:.-]+)/.exec(tail.slice(k, end + 1))?.[1] ?? '';
    const localName = name.slice(name.lastIndexOf(':') + 1);
    if (closing) {
      depth--;
      if (depth === 0) return tail.slice(0, k) + element + tail.slice(k);
    } else {
      if (depth === 1 && AFTER_LEGACY.has(localName)) return tail.slice(0, k) + element + tail.slice(k);
      if (tail[end - 1] !== '/') depth++;
    }
    k = end;
  }
  throw new SheetXmlError('the sheet\'s XML has no end (no </worksheet>)');
}
