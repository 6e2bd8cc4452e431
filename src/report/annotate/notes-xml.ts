/**
 * The notes of one sheet as Excel keeps them: a comments part (the text) and a legacy VML
 * drawing (the yellow box each note shows in). A sheet that already has notes keeps every one
 * of them: ours are added to its parts, and on a cell that already has a note our text is added
 * after the user's, in the same note.
 */
import { ooxmlText, rootPrefix, XML_DECL } from './ooxml.js';
import { cellAddress } from './names.js';

export interface Note {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

const AUTHOR = 'gstr1';
/** VML shape ids come in blocks of 1,024 (the drawing's `o:idmap` lists its blocks). */
const BLOCK = 1024;

const run = (text: string) => `<r><t xml:space="preserve">${ooxmlText(text)}</t></r>`;

/**
 * The comments part with `notes` added (to `existing` when the sheet has one). Returns the notes
 * that need a new shape in the drawing (those not added to an existing note).
 */
export function commentsXml(existing: string | undefined, notes: readonly Note[]): { xml: string; shapes: Note[] } {
  if (existing === undefined) {
    const list = notes.map((n) => `<comment ref="${cellAddress(n.row, n.col)}" authorId="0"><text>${run(n.text)}</text></comment>`).join('');
    return {
      xml: `${XML_DECL}<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>${AUTHOR}</author></authors><commentList>${list}</commentList></comments>`,
      shapes: [...notes],
    };
  }
  const p = rootPrefix(existing, 'comments');
  // the user's notes by cell: where their text ends
  const ends = new Map<string, number>();
  const re = new RegExp(`<${p}comment\\s[^>]*?\\bref\\s*=\\s*["']([A-Za-z]+[0-9]+)["'][^>]*>`, 'g');
  for (const m of existing.matchAll(re)) {
    const end = existing.indexOf(`</${p}text>`, m.index);
    if (end >= 0) ends.set(m[1]!.toUpperCase(), end);
  }
  const authors = [...existing.matchAll(new RegExp(`<${p}author[\\s>/]`, 'g'))].length;
  const inserts: { at: number; text: string }[] = [];
  const shapes: Note[] = [];
  let added = '';
  for (const n of notes) {
    const end = ends.get(cellAddress(n.row, n.col));
    if (end !== undefined) inserts.push({ at: end, text: prefixed(run(`\n\n${n.text}`), p) });
    else {
      shapes.push(n);
      added += prefixed(`<comment ref="${cellAddress(n.row, n.col)}" authorId="${authors}"><text>${run(n.text)}</text></comment>`, p);
    }
  }
  const authorsEnd = existing.indexOf(`</${p}authors>`);
  if (authorsEnd >= 0) inserts.push({ at: authorsEnd, text: prefixed(`<author>${AUTHOR}</author>`, p) });
  const listEnd = existing.indexOf(`</${p}commentList>`);
  if (listEnd >= 0) inserts.push({ at: listEnd, text: added });
  let xml = existing;
  for (const ins of inserts.sort((a, b) => b.at - a.at)) xml = xml.slice(0, ins.at) + ins.text + xml.slice(ins.at);
  return { xml, shapes };
}

function prefixed(xml: string, p: string): string {
  return p ? xml.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${p}`) : xml;
}

/** The blocks of shape ids a VML drawing uses (its `o:idmap` data). */
export function vmlBlocks(vml: string): number[] {
  const out: number[] = [];
  for (const m of vml.matchAll(/<o:idmap\s[^>]*?\bdata\s*=\s*["']([^"']*)["']/g)) {
    for (const n of m[1]!.split(/[,\s]+/)) if (/^\d+$/.test(n)) out.push(Number(n));
  }
  return out;
}

/** How many id blocks `shapes` notes take. */
export function blocksFor(shapes: number): number {
  return Math.max(1, Math.ceil(shapes / (BLOCK - 1)));
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function shape(n: Note, id: number, z: number): string {
  const r = n.row - 1;
  const c = n.col - 1;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:216pt;height:108pt;z-index:${z};visibility:hidden" fillcolor="infoBackground [80]" strokecolor="none [81]" o:insetmode="auto">` +
    '<v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"/></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c + 1}, 15, ${Math.max(0, r - 1)}, 10, ${c + 5}, 15, ${r + 6}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`
  );
}

/** The VML drawing with a shape for each of `shapes`, ids from block `firstBlock` on. */
export function vmlXml(existing: string | undefined, shapes: readonly Note[], firstBlock: number): string {
  const blocks = Array.from({ length: blocksFor(shapes.length) }, (_, i) => firstBlock + i);
  let body = '';
  shapes.forEach((n, i) => {
    const id = blocks[Math.floor(i / (BLOCK - 1))]! * BLOCK + 1 + (i % (BLOCK - 1));
    body += shape(n, id, i + 1);
  });
  if (existing === undefined) {
    return (
      `${XML_DECL}<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(',')}"/></o:shapelayout>${SHAPETYPE}${body}</xml>`
    );
  }
  let xml = existing;
  if (!/id\s*=\s*["']_x0000_t202["']/.test(xml)) body = SHAPETYPE + body;
  const idmap = /(<o:idmap\s[^>]*?\bdata\s*=\s*["'])([^"']*)(["'])/.exec(xml);
  if (idmap) {
    const at = idmap.index + idmap[1]!.length + idmap[2]!.length;
    xml = xml.slice(0, at) + (idmap[2]!.trim() ? ',' : '') + blocks.join(',') + xml.slice(at);
  } else {
    const open = /<xml[^>]*>/.exec(xml);
    const at = open ? open.index + open[0].length : 0;
    xml = `${xml.slice(0, at)}<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(',')}"/></o:shapelayout>${xml.slice(at)}`;
  }
  const end = xml.lastIndexOf('</xml>');
  return end < 0 ? xml + body : xml.slice(0, end) + body + xml.slice(end);
}
