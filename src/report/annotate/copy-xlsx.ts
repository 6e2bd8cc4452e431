/**
 * The annotated copy of one .xlsx, made part by part without exceljs: every zip entry that does
 * not change is copied as it is stored (compressed bytes, CRC and dates unchanged), and only
 * what must change is written:
 *
 * - each sheet with findings, streamed (sheet-rewrite.ts): marked cells get a copy of their
 *   format with the red or amber fill;
 * - styles.xml (styles-xml.ts), with those copies and the Errors sheet's formats appended;
 * - the notes: a comments part and a VML drawing per sheet, merged with the sheet's own
 *   (notes-xml.ts), and the sheet's relationships;
 * - the `Errors` sheet (errors-xml.ts), listed first in workbook.xml (workbook-xml.ts), with its
 *   relationship and content type.
 *
 * Host-neutral: the bytes come from the host's byte source and go to a sink (a file in Node,
 * memory in a browser). The small parts that change are written after the others; Excel, our
 * reader and exceljs read a zip in any order.
 */
import { Gstr1Error, InputError } from '../../model/errors.js';
import type { Finding } from '../../model/finding.js';
import { openSource, type ByteSource } from '../../parsers/host/source.js';
import { posix } from '../../parsers/zip-paths.js';
import { openEntry, readCentralDirectory, type ZipEntry } from '../../parsers/zip.js';
import { ZipTooLargeError, ZipWriter, type ZipSink } from '../zip-writer.js';
import { bookEntry, entryText, partRels, readBook, type Book, type BookSheet } from './book.js';
import { ERRORS_SHEET } from './errors-sheet.js';
import { errorsSheetXml } from './errors-xml.js';
import { fileKey, indexFindings, marksForSheet, type SheetMarks } from './marks.js';
import { SheetNames } from './names.js';
import { Placement, type CopyCounts } from './placement.js';
import { commentsXml, blocksFor, vmlBlocks, vmlXml, type Note } from './notes-xml.js';
import { addOverrides, addRelationships, CONTENT_TYPE, freshId, relativeTarget, relsPartOf, REL_TYPE, type Relationship } from './ooxml.js';
import { rewriteSheet, type SheetEditResult } from './sheet-rewrite.js';
import { StylesEdit } from './styles-xml.js';
import { activeTab, editWorkbook } from './workbook-xml.js';

/** A sheet with findings: its marks, notes, and what its rewrite found. */
interface MarkedSheet {
  readonly sheet: BookSheet;
  readonly part: ZipEntry;
  readonly marks: SheetMarks;
  readonly notes: Note[];
  readonly rels?: { entry: ZipEntry; text: string; rels: Relationship[] };
  readonly result: SheetEditResult;
  readonly vmlId: string;
}

/** Writes the annotated copy of the workbook `file` to `sink`. */
export async function copyXlsx(file: string, findings: readonly Finding[], sink: ZipSink, maxNotes: number): Promise<CopyCounts> {
  const src = await openSource(file);
  // a failure to write the copy is the output's (a full disk...), never reported against the input
  let sinkFailure: { e: unknown } | undefined;
  const guarded: ZipSink = async (b) => {
    try {
      await sink(b);
    } catch (e) {
      sinkFailure ??= { e };
      throw e;
    }
  };
  try {
    return await copyOpen(src, file, findings, guarded, maxNotes);
  } catch (e) {
    if (sinkFailure) throw sinkFailure.e;
    if (e instanceof Gstr1Error) throw e;
    if (e instanceof ZipTooLargeError) throw new Gstr1Error('ANNOTATED_TOO_LARGE', { limit: e.limit }, { cause: e });
    const msg = (e instanceof Error ? e.message : String(e)).replace(/^zip: /, '').split('\n')[0]!.slice(0, 200);
    throw new InputError('FILE_UNREADABLE', { file, detail: msg }, { cause: e });
  } finally {
    await src.close();
  }
}

async function copyOpen(src: ByteSource, file: string, findings: readonly Finding[], sink: ZipSink, maxNotes: number): Promise<CopyCounts> {
  const dir = await readCentralDirectory(src);
  const book = await readBook(file, dir);
  const fm = indexFindings(findings).get(fileKey(file));
  const placed = new Placement(findings, maxNotes);

  const names = new SheetNames();
  for (const s of book.sheets) names.reserve(s.name);
  const errorsName = names.unique(ERRORS_SHEET);
  const used = new Set(dir.entries.map((e) => e.name.toLowerCase()));
  const base = posix.dirname(book.workbook.entry.name);
  const newPart = (folder: string, stem: string, ext: string) => {
    for (let n = 1; ; n++) {
      const name = posix.join(base, folder, `${stem}${n}.${ext}`).replace(/^\.\//, '');
      if (!used.has(name.toLowerCase())) {
        used.add(name.toLowerCase());
        return name;
      }
    }
  };

  // what each sheet gets, in tab order (the notes cap is met in that order)
  const marked = new Map<string, MarkedSheet>();
  for (const sheet of book.sheets) {
    const marks = sheet.part ? marksForSheet(fm, sheet.name) : undefined;
    if (!marks || !sheet.part || marked.has(sheet.part.name)) continue;
    const notes = placed.place(sheet.name, marks);
    const rels = await partRels(file, book, sheet.part.name);
    const ids = new Set(rels?.rels.map((r) => r.id));
    marked.set(sheet.part.name, { sheet, part: sheet.part, marks, notes, ...(rels ? { rels } : {}), result: {}, vmlId: freshId('rIdGstr1Notes', ids) });
  }

  const styles = new StylesEdit(book.styles?.text);
  const active = book.sheets[activeTab(book.workbook.text)];
  // the workbook opens on the Errors sheet when the tab that was open is rewritten anyway (its
  // tabSelected can go); otherwise on that tab, unchanged, so two tabs are never selected at once
  const selectErrors = !active || (active.part !== undefined && marked.has(active.part.name));

  // the parts written after the copied ones
  const deferred = new Set<string>([book.contentTypes.entry.name, book.workbook.entry.name, book.workbookRels.entry.name]);
  if (book.styles) deferred.add(book.styles.entry.name);
  for (const m of marked.values()) {
    if (!m.notes.length || !m.rels) continue;
    deferred.add(m.rels.entry.name);
    for (const r of m.rels.rels) if (r.target && /\/(comments|vmlDrawing)$/.test(r.type)) deferred.add(bookEntry(book, r.target)?.name ?? '');
  }

  const zip = new ZipWriter(sink);
  for (const entry of dir.entries) {
    if (deferred.has(entry.name)) continue;
    const m = marked.get(entry.name);
    if (!m) {
      // a damaged part fails here, rather than be copied into a workbook Excel must repair
      await verify(file, entry);
      await zip.copy(src, entry);
      continue;
    }
    const xml = await openEntry(file, entry);
    await zip.add(entry.name, rewriteSheet(xml, {
      marks: m.marks,
      severity: (idx) => placed.severity(idx),
      styleFor: (s, sev) => styles.marked(s, sev),
      ...(m.notes.length ? { legacyDrawingId: m.vmlId } : {}),
      unselect: selectErrors,
    }, m.result));
  }

  // the notes of each sheet, and its relationships
  const overrides: { part: string; type: string }[] = [];
  let block = nextVmlBlock(await allVml(file, book));
  for (const m of marked.values()) {
    if (!m.notes.length) continue;
    const rels = m.rels?.rels ?? [];
    const addRels: { id: string; type: string; target: string }[] = [];
    const ids = new Set(rels.map((r) => r.id));
    ids.add(m.vmlId);
    const relsName = relsPartOf(m.part.name);

    const commentsRel = rels.find((r) => r.type.endsWith('/comments') && r.target && bookEntry(book, r.target));
    const commentsEntry = commentsRel ? bookEntry(book, commentsRel.target!)! : undefined;
    const comments = commentsXml(commentsEntry ? await entryText(file, commentsEntry) : undefined, m.notes);
    let commentsPart = commentsEntry?.name;
    if (!commentsPart) {
      commentsPart = newPart('', 'comments', 'xml');
      addRels.push({ id: freshId('rIdGstr1Comments', ids), type: REL_TYPE.comments, target: relativeTarget(m.part.name, commentsPart) });
      overrides.push({ part: commentsPart, type: CONTENT_TYPE.comments });
    }
    await zip.add(commentsPart, comments.xml);

    const legacy = m.result.existingLegacyDrawing;
    const vmlRel = legacy ? rels.find((r) => r.id === legacy && r.target && bookEntry(book, r.target)) : undefined;
    const vmlEntry = vmlRel ? bookEntry(book, vmlRel.target!)! : undefined;
    let vmlPart = vmlEntry?.name;
    if (!vmlPart) {
      vmlPart = newPart('drawings', 'vmlDrawing', 'vml');
      addRels.push({ id: m.vmlId, type: REL_TYPE.vmlDrawing, target: relativeTarget(m.part.name, vmlPart) });
      overrides.push({ part: vmlPart, type: CONTENT_TYPE.vmlDrawing });
    }
    await zip.add(vmlPart, vmlXml(vmlEntry ? await entryText(file, vmlEntry) : undefined, comments.shapes, block));
    block += blocksFor(comments.shapes.length);
    // the sheet's other comment and drawing parts, deferred in case they changed, go out as they were
    for (const r of rels) {
      const e = r.target ? bookEntry(book, r.target) : undefined;
      if (e && deferred.has(e.name) && e.name !== commentsPart && e.name !== vmlPart) await zip.copy(src, e);
    }
    await zip.add(relsName, addRelationships(m.rels?.text, addRels));
  }

  // the Errors sheet, the styles, the workbook, its relationships, the content types
  const errorsPart = newPart('worksheets', 'sheet', 'xml');
  await zip.add(errorsPart, errorsSheetXml(findings, placed.links, { styles: styles.errorsSheet, info: placed.info, selected: selectErrors }));
  overrides.push({ part: errorsPart, type: CONTENT_TYPE.worksheet });
  const stylesPart = book.styles?.entry.name ?? newPart('', 'styles', 'xml');
  await zip.add(stylesPart, styles.toXml());

  const wbIds = new Set(book.workbookRels.rels.map((r) => r.id));
  const errorsRid = freshId('rIdGstr1Errors', wbIds);
  wbIds.add(errorsRid);
  await zip.add(book.workbook.entry.name, editWorkbook(book.workbook.text, { name: errorsName, rid: errorsRid, selectErrors }));
  const wbRels: { id: string; type: string; target: string }[] = [{ id: errorsRid, type: REL_TYPE.worksheet, target: relativeTarget(book.workbook.entry.name, errorsPart) }];
  if (styles.created) {
    wbRels.push({ id: freshId('rIdGstr1Styles', wbIds), type: REL_TYPE.styles, target: relativeTarget(book.workbook.entry.name, stylesPart) });
    overrides.push({ part: stylesPart, type: CONTENT_TYPE.styles });
  }
  await zip.add(book.workbookRels.entry.name, addRelationships(book.workbookRels.text, wbRels));
  await zip.add(book.contentTypes.entry.name, addOverrides(book.contentTypes.text, overrides));
  await zip.finish();
  return placed.counts();
}

/** Inflates an entry, checking its size and CRC-32 (zip.ts), and drops the bytes. */
async function verify(file: string, entry: ZipEntry): Promise<void> {
  for await (const _ of await openEntry(file, entry));
}

/** The text of every VML drawing in the workbook (small parts), to find the shape-id blocks in use. */
async function allVml(file: string, book: Book): Promise<string[]> {
  const out: string[] = [];
  for (const e of book.entries) if (/\.vml$/i.test(e.name)) out.push(await entryText(file, e));
  return out;
}

function nextVmlBlock(vmls: readonly string[]): number {
  let max = 0;
  for (const v of vmls) for (const b of vmlBlocks(v)) max = Math.max(max, b);
  return max + 1;
}
