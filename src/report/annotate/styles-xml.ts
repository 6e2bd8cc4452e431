/**
 * The styles part of the annotated copy: the user's styles.xml with our additions appended and
 * nothing else changed, so every existing style index keeps its meaning.
 *
 * - the red and amber fills, and for each cell format a marked cell had, a copy of that format
 *   (`<xf>` of cellXfs) with the fill swapped in: number formats, fonts, borders and alignment
 *   survive the mark;
 * - the Errors sheet's few formats (title, header, link, unmatched, the severity fills), with
 *   fonts made from the workbook's default font.
 */
import type { Severity } from '../../model/finding.js';
import { ERROR_ARGB, WARNING_ARGB } from './style.js';
import { attrsOf, rootPrefix, XML_DECL } from './ooxml.js';

const FONT = '<sz val="11"/><name val="Calibri"/><family val="2"/>';
const styleSheet = (fonts: readonly string[], xfs: readonly string[]) =>
  `${XML_DECL}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<fonts count="${fonts.length}">${fonts.join('')}</fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
const PLAIN_XF = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';

/** Styles for a workbook without a styles part. */
const MINIMAL = styleSheet([`<font>${FONT}</font>`], [PLAIN_XF]);

/** Styles of a new workbook made from CSVs: the plain format (0), and bold (1) for each CSV's header row. */
export const NEW_BOOK_STYLES = styleSheet(
  [`<font>${FONT}</font>`, `<font><b/>${FONT}</font>`],
  [PLAIN_XF, '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'],
);
export const PLAIN_STYLE = 0;
export const HEADER_STYLE = 1;

/** The sections of a styleSheet, in the schema's order. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** The Errors sheet's formats, as indexes into cellXfs. */
export interface ErrorsSheetStyles {
  readonly title: number;
  readonly header: number;
  readonly link: number;
  readonly unmatched: number;
  readonly error: number;
  readonly warning: number;
}

const solid = (argb: string) => `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`;

export class StylesEdit {
  /** whether the workbook had no styles part (one is added) */
  readonly created: boolean;
  readonly errorsSheet: ErrorsSheetStyles;
  private text: string;
  private readonly p: string;
  private readonly xfs: string[];
  private readonly addedXfs: string[] = [];
  private readonly clones = new Map<string, number>();
  private readonly fill: { error: number; warning: number };
  private readonly hasStyleXf: boolean;

  constructor(styles: string | undefined) {
    this.created = styles === undefined;
    this.text = styles ?? MINIMAL;
    this.p = rootPrefix(this.text, 'styleSheet');
    for (const s of ['fonts', 'fills', 'borders', 'cellXfs']) this.ensureSection(s);
    this.xfs = this.children('cellXfs', 'xf');
    this.hasStyleXf = this.children('cellStyleXfs', 'xf').length > 0;

    const fonts = this.children('fonts', 'font');
    const base = fontBase(fonts[0] ?? '');
    const fontAt = this.append('fonts', [
      font(base, { bold: true, size: 12 }),
      font(base, { bold: true }),
      font(base, { color: 'FF0563C1', underline: true }),
      font(base, { italic: true, color: 'FF7F7F7F' }),
    ]);
    const fillAt = this.append('fills', [solid(ERROR_ARGB), solid(WARNING_ARGB), solid('FFD9D9D9')]);
    const borderAt = this.append('borders', ['<border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>']);
    this.fill = { error: fillAt, warning: fillAt + 1 };
    const xf = (fontId: number, fillId: number, borderId: number) =>
      `<xf numFmtId="0" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}"${this.hasStyleXf ? ' xfId="0"' : ''}` +
      `${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}/>`;
    const first = this.xfs.length;
    this.addedXfs.push(
      xf(fontAt, 0, 0),
      xf(fontAt + 1, fillAt + 2, borderAt),
      xf(fontAt + 2, 0, 0),
      xf(fontAt + 3, 0, 0),
      xf(0, fillAt, 0),
      xf(0, fillAt + 1, 0),
    );
    this.errorsSheet = { title: first, header: first + 1, link: first + 2, unmatched: first + 3, error: first + 4, warning: first + 5 };
  }

  /** The format for a marked cell whose format was `s` (a copy of it with the severity's fill). */
  marked(s: number, severity: Severity): number {
    const from = Number.isInteger(s) && s >= 0 && s < this.xfs.length ? s : 0;
    const key = `${from}|${severity}`;
    let at = this.clones.get(key);
    if (at !== undefined) return at;
    const fillId = severity === 'error' ? this.fill.error : this.fill.warning;
    const original = this.xfs[from] ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`;
    at = this.xfs.length + this.addedXfs.length;
    this.addedXfs.push(withFill(original, fillId));
    this.clones.set(key, at);
    return at;
  }

  /** The whole part, with every addition. */
  toXml(): string {
    const xfs = this.addedXfs.map((x) => (this.p && x.startsWith('<xf') ? `<${this.p}${x.slice(1)}` : x));
    const text = this.text;
    this.appendTo('cellXfs', xfs);
    const out = this.text;
    this.text = text;
    return out;
  }

  // -------------------------------------------------------------------------------- sections

  private section(name: string): { start: number; openEnd: number; close: number; end: number } | undefined {
    const open = new RegExp(`<${this.p}${name}(?=[\\s>/])[^>]*?(/?)>`).exec(this.text);
    if (!open) return undefined;
    const openEnd = open.index + open[0].length;
    if (open[1] === '/') return { start: open.index, openEnd, close: openEnd, end: openEnd };
    const closeTag = `</${this.p}${name}>`;
    const close = this.text.indexOf(closeTag, openEnd);
    return close < 0 ? undefined : { start: open.index, openEnd, close, end: close + closeTag.length };
  }

  private ensureSection(name: string): void {
    if (this.section(name)) return;
    const after = ORDER.slice(ORDER.indexOf(name) + 1);
    let at = -1;
    for (const n of after) {
      const s = this.section(n);
      if (s) {
        at = s.start;
        break;
      }
    }
    if (at < 0) at = this.text.lastIndexOf(`</${this.p}styleSheet>`);
    this.text = `${this.text.slice(0, at)}<${this.p}${name} count="0"></${this.p}${name}>${this.text.slice(at)}`;
  }

  /** The child elements of a section, as text. */
  private children(name: string, child: string): string[] {
    const s = this.section(name);
    if (!s || s.close === s.openEnd) return [];
    const body = this.text.slice(s.openEnd, s.close);
    const re = new RegExp(`<${this.p}${child}(?=[\\s>/])[^>]*?(?:/>|>[\\s\\S]*?</${this.p}${child}>)`, 'g');
    return [...body.matchAll(re)].map((m) => m[0]);
  }

  /** Appends children to a section (fixing its count); returns the index of the first. */
  private append(name: string, xml: readonly string[]): number {
    const first = this.children(name, name === 'fills' ? 'fill' : name === 'fonts' ? 'font' : 'border').length;
    const prefixed = this.p ? xml.map((x) => x.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${this.p}`)) : xml;
    this.appendTo(name, prefixed, first);
    return first;
  }

  private appendTo(name: string, xml: readonly string[], existing?: number): void {
    const s = this.section(name)!;
    const count = (existing ?? this.children(name, 'xf').length) + xml.length;
    const openTag = this.text.slice(s.start, s.openEnd).replace(/\s*\/>$/, '>');
    const tag = /\scount\s*=\s*["'][^"']*["']/.test(openTag)
      ? openTag.replace(/(\scount\s*=\s*)["'][^"']*["']/, `$1"${count}"`)
      : openTag.replace(/>$/, ` count="${count}">`);
    const body = s.close === s.openEnd ? '' : this.text.slice(s.openEnd, s.close);
    this.text = `${this.text.slice(0, s.start)}${tag}${body}${xml.join('')}</${this.p}${name}>${this.text.slice(s.end)}`;
  }
}

/** An `<xf>` (its start tag) with another fill, applied. */
function withFill(xf: string, fillId: number): string {
  const end = xf.indexOf('>');
  let tag = xf.slice(0, end + 1);
  const rest = xf.slice(end + 1);
  const set = (t: string, name: string, value: string) =>
    new RegExp(`\\s${name}\\s*=`).test(t)
      ? t.replace(new RegExp(`(\\s${name}\\s*=\\s*)["'][^"']*["']`), `$1"${value}"`)
      : t.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
  tag = set(tag, 'fillId', String(fillId));
  tag = set(tag, 'applyFill', '1');
  return tag + rest;
}

interface FontBase {
  size: string;
  name?: string;
  family?: string;
  scheme?: string;
  charset?: string;
}

function fontBase(font: string): FontBase {
  const val = (child: string) => {
    const m = new RegExp(`<(?:\\w+:)?${child}\\s[^>]*?>`).exec(font);
    return m ? attrsOf(m[0]).val : undefined;
  };
  const base: FontBase = { size: val('sz') ?? '11' };
  for (const k of ['name', 'family', 'scheme', 'charset'] as const) {
    const v = val(k);
    if (v !== undefined) base[k] = v;
  }
  return base;
}

function font(b: FontBase, o: { bold?: boolean; italic?: boolean; underline?: boolean; size?: number; color?: string }): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return (
    '<font>' +
    (o.bold ? '<b/>' : '') +
    (o.italic ? '<i/>' : '') +
    (o.underline ? '<u/>' : '') +
    `<sz val="${o.size ?? esc(b.size)}"/>` +
    (o.color ? `<color rgb="${o.color}"/>` : '') +
    (b.name !== undefined ? `<name val="${esc(b.name)}"/>` : '') +
    (b.family !== undefined ? `<family val="${esc(b.family)}"/>` : '') +
    (b.charset !== undefined ? `<charset val="${esc(b.charset)}"/>` : '') +
    (b.scheme !== undefined ? `<scheme val="${esc(b.scheme)}"/>` : '') +
    '</font>'
  );
}
