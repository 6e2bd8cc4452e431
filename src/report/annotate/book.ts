/**
 * What the annotated copy needs to know about an input workbook before copying it: its zip
 * entries, the workbook part and its relationships, the worksheets (name, sheetId, state,
 * relationship id, part) in tab order, the styles part, and every sheet's own relationships.
 * Only small parts are read here; no sheet's cells.
 */
import { posix } from '../../parsers/zip-paths.js';
import { readEntry, type ZipDirectory, type ZipEntry } from '../../parsers/zip.js';
import { attrByLocal, attrsOf, parseRels, relsPartOf, type Relationship } from './ooxml.js';

export interface BookSheet {
  readonly name: string;
  readonly sheetId: number;
  readonly hidden: boolean;
  readonly rid: string;
  /** the worksheet's part; undefined for chart sheets and other sheets without cells */
  readonly part?: ZipEntry;
}

export interface Book {
  readonly entries: readonly ZipEntry[];
  readonly byName: ReadonlyMap<string, ZipEntry>;
  readonly contentTypes: { entry: ZipEntry; text: string };
  readonly workbook: { entry: ZipEntry; text: string };
  readonly workbookRels: { entry: ZipEntry; text: string; rels: Relationship[] };
  readonly sheets: readonly BookSheet[];
  /** the styles part, when the workbook has one */
  readonly styles?: { entry: ZipEntry; text: string };
}

/** The text of a small entry (UTF-8). */
export async function entryText(file: string, entry: ZipEntry): Promise<string> {
  return (await readEntry(file, entry)).toString('utf8');
}

function lookup(byName: ReadonlyMap<string, ZipEntry>, name: string): ZipEntry | undefined {
  const e = byName.get(name);
  if (e) return e;
  const lower = name.toLowerCase();
  for (const [n, x] of byName) if (n.toLowerCase() === lower) return x;
  return undefined;
}

export async function readBook(file: string, dir: ZipDirectory): Promise<Book> {
  const byName = new Map(dir.entries.map((e) => [e.name, e]));
  const need = async (name: string) => {
    const entry = lookup(byName, name);
    if (!entry) throw new Error(`the part ${name} is missing`);
    return { entry, text: await entryText(file, entry) };
  };
  const contentTypes = await need('[Content_Types].xml');
  const rootRels = lookup(byName, '_rels/.rels');
  const root = rootRels ? parseRels(await entryText(file, rootRels), '') : [];
  const bookName = root.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbook = await need(lookup(byName, bookName) ? bookName : 'xl/workbook.xml');
  const base = posix.dirname(workbook.entry.name);
  const relsText = await need(relsPartOf(workbook.entry.name));
  const rels = parseRels(relsText.text, base);
  const byId = new Map(rels.map((r) => [r.id, r]));

  const sheets: BookSheet[] = [];
  for (const m of workbook.text.matchAll(/<(?:\w+:)?sheet\s[^>]*?\/?>/g)) {
    const a = attrsOf(m[0]);
    const rid = attrByLocal(a, 'id') ?? '';
    const rel = byId.get(rid);
    if (!rel) throw new Error(`sheet "${a.name ?? ''}" has no relationship in the workbook`);
    const isSheet = rel.type.endsWith('/worksheet');
    const part = isSheet && rel.target ? lookup(byName, rel.target) : undefined;
    if (isSheet && !part) throw new Error(`sheet "${a.name ?? ''}" is missing (no ${rel.target} in the file)`);
    sheets.push({
      name: a.name ?? '',
      sheetId: Number(a.sheetId) || 0,
      hidden: a.state === 'hidden' || a.state === 'veryHidden',
      rid,
      ...(part ? { part } : {}),
    });
  }
  const stylesRel = rels.find((r) => r.type.endsWith('/styles') && r.target);
  const stylesEntry = stylesRel ? lookup(byName, stylesRel.target!) : undefined;
  return {
    entries: dir.entries,
    byName,
    contentTypes,
    workbook,
    workbookRels: { ...relsText, rels },
    sheets,
    ...(stylesEntry ? { styles: { entry: stylesEntry, text: await entryText(file, stylesEntry) } } : {}),
  };
}

/** The relationships of one part (its `.rels` entry and text), if it has any. */
export async function partRels(file: string, book: Book, part: string): Promise<{ entry: ZipEntry; text: string; rels: Relationship[] } | undefined> {
  const entry = lookup(book.byName, relsPartOf(part));
  if (!entry) return undefined;
  const text = await entryText(file, entry);
  return { entry, text, rels: parseRels(text, posix.dirname(part)) };
}

/** An entry of the book by part name (case-insensitive, as Excel treats them). */
export function bookEntry(book: Book, name: string): ZipEntry | undefined {
  return lookup(book.byName, name);
}
