/**
 * Small pieces of OOXML text handling for the parts the annotated copy edits (workbook,
 * relationships, content types, styles, comments): each such part is small, read whole and
 * edited as text, so that everything we do not touch stays byte for byte as the user's.
 */
import { posix, resolveTarget } from '../../parsers/zip-paths.js';
import { xmlEscape } from './names.js';

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_TYPE = {
  worksheet: `${NS_REL}/worksheet`,
  styles: `${NS_REL}/styles`,
  comments: `${NS_REL}/comments`,
  vmlDrawing: `${NS_REL}/vmlDrawing`,
  officeDocument: `${NS_REL}/officeDocument`,
} as const;
export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vmlDrawing: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
} as const;
export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The attributes of one start tag's text (`<c r="A1" s="3">`), values unescaped. */
export function attrsOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]!] = xmlUnescape(m[2] ?? m[3] ?? '');
  return out;
}

/** An attribute whose name ends with `:local` or is `local` (prefixes vary). */
export function attrByLocal(a: Record<string, string>, local: string): string | undefined {
  for (const k in a) if (k === local || k.endsWith(`:${local}`)) return a[k];
  return undefined;
}

export function xmlUnescape(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!;
  });
}

/** What ooxmlText changes: markup characters, control characters, surrogates, U+FFFE/F, `_xHHHH_`. */
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;

/**
 * Text for a cell, note or attribute: XML-escaped, control characters and a literal `_xHHHH_`
 * written as OOXML's `_xHHHH_` escapes (XML 1.0 cannot hold most control characters), lone
 * surrogates replaced.
 */
export function ooxmlText(s: string): string {
  // most text has nothing to escape: one scan instead of four replacements (a CSV copy's every cell)
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** The relationships part of a part: `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPartOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`).replace(/^\.\//, '');
}

/** `target` written relative to the folder of `from` (both part names). */
export function relativeTarget(from: string, target: string): string {
  const a = posix.dirname(from).split('/').filter((p) => p && p !== '.');
  const b = target.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** the part name it points at (internal targets only) */
  readonly target?: string;
}

/** The relationships of a `.rels` part's text; `base` is the folder of the part they belong to. */
export function parseRels(text: string, base: string): Relationship[] {
  const out: Relationship[] = [];
  for (const m of text.matchAll(/<(?:\w+:)?Relationship\s[^>]*?\/?>/g)) {
    const a = attrsOf(m[0]);
    if (!a.Id) continue;
    const external = a.TargetMode === 'External';
    out.push({ id: a.Id, type: a.Type ?? '', ...(external || !a.Target ? {} : { target: resolveTarget(base, a.Target) }) });
  }
  return out;
}

/** An id not yet used among `taken`, from `stem`. */
export function freshId(stem: string, taken: ReadonlySet<string>): string {
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}${n}`)) return `${stem}${n}`;
}

/** `rels` (a .rels part's text, or undefined for a new one) with relationships added. */
export function addRelationships(rels: string | undefined, add: readonly { id: string; type: string; target: string }[]): string {
  const xml = add.map((r) => `<Relationship Id="${xmlEscape(r.id)}" Type="${r.type}" Target="${xmlEscape(r.target)}"/>`).join('');
  if (rels === undefined) {
    return `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${xml}</Relationships>`;
  }
  const close = rels.lastIndexOf('</');
  if (close < 0) {
    // a self-closing root: <Relationships .../>
    return rels.replace(/<((?:\w+:)?Relationships)(\s[^>]*?)?\/>/, (_, n: string, a: string | undefined) => `<${n}${a ?? ''}>${xml}</${n}>`);
  }
  return rels.slice(0, close) + xml + rels.slice(close);
}

/** `[Content_Types].xml` with an override for each new part. */
export function addOverrides(types: string, add: readonly { part: string; type: string }[]): string {
  const xml = add.map((o) => `<Override PartName="/${xmlEscape(o.part)}" ContentType="${o.type}"/>`).join('');
  const close = types.lastIndexOf('</');
  return close < 0 ? types : types.slice(0, close) + xml + types.slice(close);
}

/** The prefix (`x:` or ``) of the root element of an XML part's text. */
export function rootPrefix(text: string, local: string): string {
  const m = new RegExp(`<(\\w+:)?${local}[\\s>/]`).exec(text);
  return m?.[1] ?? '';
}
