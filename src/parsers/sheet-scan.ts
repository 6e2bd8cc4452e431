/**
 * The fast path of the worksheet reader: `<row>`s read by offset from the decoded sheet XML, with
 * no SAX event, attribute object or tag-name string per cell. It reads the XML that Excel and the
 * usual writers produce inside `<sheetData>`: rows of `<c r s t>` cells holding `<v>`, `<f>` and
 * `<is><t>` (the five predefined entities decoded). Anything else (rich or phonetic inline text,
 * a namespace prefix, a comment, CDATA, a character reference, a carriage return, a character XML
 * forbids, a duplicate attribute, a `<row>` longer than the text at hand) is a hand-off: the scan
 * stops at the start of that row and the saxes reader (sheet-reader.ts) reads on from there, with the same
 * SheetCells, so values and errors are what saxes alone gives. The scanner only takes what it
 * checks to be well-formed, so no malformed XML is let through that saxes would refuse.
 */
import { columnAt, type SheetCells } from './sheet-cells.js';

/** scan(): the rows given are all read, or the last one is cut off (wait for more text) */
export const MORE = 0;
/** scan(): at `pos` is something the scanner does not read: saxes takes over there */
export const HANDOFF = 1;

// results of the inner steps: a position (>= 0), or one of these
export const CUT = -1;
export const ODD = -2;

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;

export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

export function skipSpace(s: string, i: number): number {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

/** After an element's name: whether the name ended there (space, `>`, `/`). */
function nameEnds(c: number): boolean {
  return isSpace(c) || c === GT || c === SLASH;
}

/** The digits of `s[from, to)` as a number when they are 1-15 ASCII digits, else -1. */
function digits(s: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function sameChars(s: string, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (s.charCodeAt(a + k) !== s.charCodeAt(b + k)) return false;
  return true;
}

const ENTITIES = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"]]);

/**
 * The character data `s[from, to)` as saxes reports it, or undefined when it holds what only
 * saxes should judge: a carriage return (line ends are normalised), a character reference or
 * other entity, `]]>`, or a character XML does not allow.
 */
export function charData(s: string, from: number, to: number): string | undefined {
  let amp = false;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0x20 && c < 0xd800) {
      if (c === 38) amp = true;
      else if (c === 93 && s.charCodeAt(k + 1) === 93 && s.charCodeAt(k + 2) === GT) return undefined;
    } else if (c === 9 || c === 10) {
      // allowed as is
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const d = k + 1 < to ? s.charCodeAt(k + 1) : 0;
      if (d < 0xdc00 || d > 0xdfff) return undefined;
      k++;
    } else if (c < 0xe000 || c === 0xfffe || c === 0xffff) return undefined;
  }
  const text = s.slice(from, to);
  return amp ? decodeEntities(text) : text;
}

function decodeEntities(text: string): string | undefined {
  let out = '';
  let at = 0;
  for (let k = text.indexOf('&'); k >= 0; k = text.indexOf('&', at)) {
    const semi = text.indexOf(';', k + 1);
    const ch = semi < 0 ? undefined : ENTITIES.get(text.slice(k + 1, semi));
    if (ch === undefined) return undefined;
    out += text.slice(at, k) + ch;
    at = semi + 1;
  }
  return out + text.slice(at);
}

export class RowScanner {
  /** where the last scan stopped: after the last whole row read, at the row cut off or handed off */
  pos = 0;
  // the tag just read: whether it closed itself, and where its r, s and t values are (-1: absent)
  private selfClosing = false;
  private rFrom = -1;
  private rTo = -1;
  private sFrom = -1;
  private sTo = -1;
  private tFrom = -1;
  private tTo = -1;
  /** the attribute names of the tag being read, as [from, to) pairs, to refuse a duplicate as saxes does */
  private readonly names = new Int32Array(32);

  constructor(private readonly cells: SheetCells) {}

  /** Reads the whole rows at the start of `s` (after white space); see MORE and HANDOFF. */
  scan(s: string): typeof MORE | typeof HANDOFF {
    const n = s.length;
    let i = 0;
    for (;;) {
      i = skipSpace(s, i);
      this.pos = i;
      if (i + 5 > n) return MORE;
      if (s.charCodeAt(i) !== LT || !s.startsWith('row', i + 1) || !nameEnds(s.charCodeAt(i + 4))) return HANDOFF;
      const before = this.cells.rowNum;
      const end = this.row(s, i + 4);
      if (end < 0) {
        // saxes, or the next scan, reads this row again from its start
        this.cells.rowNum = before;
        return end === CUT ? MORE : HANDOFF;
      }
      i = end;
    }
  }

  /** A row's attributes, cells and end tag, from after `<row`. */
  private row(s: string, i: number): number {
    const n = s.length;
    const cells = this.cells;
    let j = this.attributes(s, i);
    if (j < 0) return j;
    let r = NaN;
    if (this.rFrom >= 0) {
      r = digits(s, this.rFrom, this.rTo);
      if (r < 0) r = parseInt(s.slice(this.rFrom, this.rTo), 10);
    }
    cells.startRow(r);
    if (this.selfClosing) {
      cells.endRow();
      return j;
    }
    for (;;) {
      j = skipSpace(s, j);
      if (j + 2 >= n) return CUT;
      if (s.charCodeAt(j) !== LT) return ODD;
      const c = s.charCodeAt(j + 1);
      if (c === 99 /* c */ && nameEnds(s.charCodeAt(j + 2))) {
        j = this.cell(s, j + 2);
        if (j < 0) return j;
      } else if (c === SLASH) {
        if (j + 6 > n) return CUT;
        if (!s.startsWith('row>', j + 2)) return ODD;
        cells.endRow();
        return j + 6;
      } else return ODD;
    }
  }

  /** A cell from after `<c`: its attributes, `<v>`, `<f>` and `<is>`, and `</c>`. */
  private cell(s: string, i: number): number {
    const n = s.length;
    const cells = this.cells;
    let k = this.attributes(s, i);
    if (k < 0) return k;
    const col = this.rFrom < 0 ? -1 : columnAt(s, this.rFrom, this.rTo);
    let style = 0;
    if (this.sFrom >= 0) {
      style = digits(s, this.sFrom, this.sTo);
      if (style < 0) style = +s.slice(this.sFrom, this.sTo);
    }
    cells.startCell(col, this.tFrom < 0 ? 'n' : this.typeName(s), style);
    if (this.selfClosing) {
      cells.endCell();
      return k;
    }
    for (;;) {
      k = skipSpace(s, k);
      if (k + 3 >= n) return CUT;
      if (s.charCodeAt(k) !== LT) return ODD;
      const c = s.charCodeAt(k + 1);
      const c2 = s.charCodeAt(k + 2);
      if (c === 118 /* v */ && (c2 === GT || c2 === SLASH)) {
        if (c2 === SLASH) {
          if (s.charCodeAt(k + 3) !== GT) return ODD;
          cells.hasValue = true;
          k += 4;
          continue;
        }
        const from = k + 3;
        const to = s.indexOf('<', from);
        if (to < 0 || to + 4 > n) return CUT;
        if (!s.startsWith('/v>', to + 1)) return ODD;
        const text = charData(s, from, to);
        if (text === undefined) return ODD;
        cells.hasValue = true;
        cells.text += text;
        k = to + 4;
      } else if (c === 102 /* f */ && nameEnds(c2)) {
        k = this.attributes(s, k + 2);
        if (k < 0) return k;
        cells.hasFormula = true;
        if (this.selfClosing) continue;
        const to = s.indexOf('<', k);
        if (to < 0 || to + 4 > n) return CUT;
        if (!s.startsWith('/f>', to + 1) || charData(s, k, to) === undefined) return ODD;
        k = to + 4;
      } else if (c === 105 /* i */ && c2 === 115 /* s */) {
        if (s.charCodeAt(k + 3) !== GT) return ODD;
        k = this.inline(s, k + 4);
        if (k < 0) return k;
      } else if (c === SLASH) {
        if (k + 4 > n) return CUT;
        if (s.charCodeAt(k + 2) !== 99 || s.charCodeAt(k + 3) !== GT) return ODD;
        cells.endCell();
        return k + 4;
      } else return ODD;
    }
  }

  /** An inline string's plain `<t>` runs and `</is>`, from after `<is>` (rich and phonetic runs are handed off). */
  private inline(s: string, k: number): number {
    const n = s.length;
    const cells = this.cells;
    cells.hasValue = true;
    cells.type = 'inlineStr';
    for (;;) {
      k = skipSpace(s, k);
      if (k + 4 >= n) return CUT;
      if (s.charCodeAt(k) !== LT) return ODD;
      const c = s.charCodeAt(k + 1);
      if (c === 116 /* t */ && nameEnds(s.charCodeAt(k + 2))) {
        k = this.attributes(s, k + 2);
        if (k < 0) return k;
        if (this.selfClosing) continue;
        const to = s.indexOf('<', k);
        if (to < 0 || to + 4 > n) return CUT;
        if (!s.startsWith('/t>', to + 1)) return ODD;
        const text = charData(s, k, to);
        if (text === undefined) return ODD;
        cells.text += text;
        k = to + 4;
      } else if (c === SLASH) {
        if (!s.startsWith('is>', k + 2)) return ODD;
        return k + 5;
      } else return ODD;
    }
  }

  /** A `t` value as the saxes reader has it: the usual ones without a new string. */
  private typeName(s: string): string {
    const from = this.tFrom;
    if (this.tTo - from === 1) {
      switch (s.charCodeAt(from)) {
        case 115:
          return 's';
        case 110:
          return 'n';
        case 98:
          return 'b';
        case 101:
          return 'e';
        case 100:
          return 'd';
      }
    }
    return s.slice(from, this.tTo);
  }

  /**
   * A tag's attributes up to and past its `>` or `/>`, from just after its name. Only plain
   * values are read here: one holding `&`, `<`, a control character or a surrogate is odd.
   */
  private attributes(s: string, i: number): number {
    const n = s.length;
    const names = this.names;
    let count = 0;
    this.rFrom = this.sFrom = this.tFrom = -1;
    for (;;) {
      if (i >= n) return CUT;
      let c = s.charCodeAt(i);
      if (c === GT) {
        this.selfClosing = false;
        return i + 1;
      }
      if (c === SLASH) {
        if (i + 1 >= n) return CUT;
        if (s.charCodeAt(i + 1) !== GT) return ODD;
        this.selfClosing = true;
        return i + 2;
      }
      // an attribute, after white space
      if (!isSpace(c)) return ODD;
      i = skipSpace(s, i);
      if (i >= n) return CUT;
      c = s.charCodeAt(i);
      if (c === GT || c === SLASH) continue;
      if (!isNameStart(c)) return ODD;
      const nameFrom = i;
      do i++;
      while (i < n && isNameChar(s.charCodeAt(i)));
      const nameTo = i;
      i = skipSpace(s, i);
      if (i >= n) return CUT;
      if (s.charCodeAt(i) !== 61 /* = */) return ODD;
      i = skipSpace(s, i + 1);
      if (i >= n) return CUT;
      const q = s.charCodeAt(i);
      if (q !== QUOTE && q !== APOS) return ODD;
      const from = i + 1;
      let to = from;
      for (; to < n; to++) {
        const v = s.charCodeAt(to);
        if (v === q) break;
        if (v < 0x20 || v === 38 || v === LT || v >= 0xd800) return ODD;
      }
      if (to >= n) return CUT;
      const len = nameTo - nameFrom;
      for (let a = 0; a < count; a++) {
        const f = names[2 * a]!;
        if (names[2 * a + 1]! - f === len && sameChars(s, f, nameFrom, len)) return ODD;
      }
      if (count === 16) return ODD;
      names[2 * count] = nameFrom;
      names[2 * count + 1] = nameTo;
      count++;
      if (len === 1) {
        const which = s.charCodeAt(nameFrom);
        if (which === 114 /* r */) {
          this.rFrom = from;
          this.rTo = to;
        } else if (which === 115 /* s */) {
          this.sFrom = from;
          this.sTo = to;
        } else if (which === 116 /* t */) {
          this.tFrom = from;
          this.tTo = to;
        }
      }
      i = to + 1;
    }
  }
}
