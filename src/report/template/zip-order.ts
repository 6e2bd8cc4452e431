/**
 * Rewrites an .xlsx so that the workbook part, its relationships, the styles and a shared-strings
 * part come before the worksheets, as Excel orders them.
 *
 * Why: exceljs's WorkbookWriter writes the worksheets first and `xl/workbook.xml` last, with no
 * `xl/sharedStrings.xml` when inline strings are used. exceljs's streaming WorkbookReader (which
 * the annotated workbook uses to copy an input with its styles; our own reader, parsers/xlsx.ts,
 * reads any order) can only stream a worksheet when it has already seen the relationships and the
 * shared strings; otherwise it spools every sheet to a temp file, and with many sheets it then
 * loses zip entries (exceljs issue #3064): sheets come back as "Sheet1"… or go missing. Measured
 * here on the 24-sheet template: 20-23 of 24 sheets read, without names. In the order written
 * here every sheet streams, named, every time.
 *
 * Entries are copied as they are (still compressed); only `[Content_Types].xml` and
 * `xl/_rels/workbook.xml.rels` are rewritten when an empty shared-strings part is added, and a
 * part's relationships when they give absolute targets (relativeTargets).
 * Used in place on our own files (the template writer), and to a temp copy of a user's workbook
 * before exceljs's streaming reader opens it (the annotated workbook).
 */
import { host, openSource, type ByteSource } from '../../parsers/host/source.js';
import { openEntry, readCentralDirectory, readEntry, type ZipEntry } from '../../parsers/zip.js';
import { storedBytes, ZipTooLargeError, ZipWriter, type EntryHeader, type ZipSink } from '../zip-writer.js';

/** A zip entry as written: its header fields, and where its (compressed) data comes from. */
export interface Entry {
  name: string;
  nameBytes: Buffer;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compSize: number;
  size: number;
  localOffset: number;
  versionMade: number;
  versionNeeded: number;
  external: number;
  /** the entry as read, to inflate its text; none for an added part */
  source?: ZipEntry;
  /** replaced content (already deflated) */
  data?: Buffer;
  /** the replaced content's text, for a later rewrite of the same part */
  text?: string;
}

const FIRST = [
  '[Content_Types].xml',
  '_rels/.rels',
  'docProps/core.xml',
  'docProps/app.xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'xl/theme/theme1.xml',
  'xl/sharedStrings.xml',
];

const SST = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';
const SST_TYPE = '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>';
const SST_REL = '<Relationship Id="rIdSharedStrings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>';

export interface ReorderOptions {
  /**
   * Inflate every entry first and check its size and CRC-32 (zip.ts), so that damaged data fails
   * here with a clear error: exceljs's streaming reader, given a sheet whose deflate data is
   * damaged, hangs instead of failing once that sheet streams (it only fails when it spools).
   * For files from elsewhere; costs one inflate pass (about 0.5 s for a 500k-row sheet).
   */
  readonly verify?: boolean;
}

/** Where the reordered zip goes, one piece at a time (a file in Node, a list of chunks in a browser). */
export type { ZipSink };

/**
 * Writes the zip `file` to `sink` with its entries in Excel's order (and a shared-strings part
 * added when it has none).
 */
export async function reorderZip(file: string, sink: ZipSink, opts: ReorderOptions = {}): Promise<void> {
  const fh = await openSource(file);
  try {
    const dir = await readCentralDirectory(fh);
    if (opts.verify) for (const e of dir.entries) for await (const _ of await openEntry(file, e));
    const entries = dir.entries.map(fromZip);
    await relativeTargets(file, entries);
    if (!entries.some((e) => e.name === 'xl/sharedStrings.xml')) await addSharedStrings(file, entries);
    const rank = (n: string) => {
      const i = FIRST.indexOf(n);
      return i < 0 ? FIRST.length : i;
    };
    const ordered = entries.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e.name) - rank(b.e.name) || a.i - b.i).map((x) => x.e);
    await writeZip(fh, sink, ordered);
  } finally {
    await fh.close();
  }
}

function fromZip(z: ZipEntry): Entry {
  return {
    name: z.name,
    // names written with backslashes or a leading `/` by some tools: normalised, as exceljs's reader expects them
    nameBytes: z.nameBytes.toString('utf8') === z.name ? z.nameBytes : Buffer.from(z.name, 'utf8'),
    flags: z.flags,
    method: z.method,
    time: z.time,
    date: z.date,
    crc: z.crc,
    compSize: z.compressedSize,
    size: z.size,
    localOffset: z.localOffset,
    versionMade: z.versionMadeBy,
    versionNeeded: z.versionNeeded,
    external: z.externalAttributes,
    source: z,
  };
}

/** Writes `ordered` as a zip to `out`: each entry's `data`, or its bytes copied still compressed from `fh`. */
export async function writeZip(fh: ByteSource | undefined, out: ZipSink, ordered: readonly Entry[]): Promise<void> {
  const zip = new ZipWriter(out);
  try {
    for (const e of ordered) {
      const header: EntryHeader = {
        nameBytes: e.nameBytes, versionMadeBy: e.versionMade, versionNeeded: e.versionNeeded, flags: e.flags & ~0x8,
        method: e.method, time: e.time, date: e.date, crc: e.crc, compressedSize: e.compSize, size: e.size, externalAttributes: e.external,
      };
      await zip.entry(header, e.data ?? (await storedBytes(fh!, e.source!)));
    }
    await zip.finish();
  } catch (e) {
    if (e instanceof ZipTooLargeError) throw new Error('xlsx: the workbook is too large to reorder (over 4 GB)', { cause: e });
    throw e;
  }
}

async function setText(e: Entry, text: string): Promise<void> {
  const data = Buffer.from(text, 'utf8');
  e.text = text;
  e.data = Buffer.from(await host().deflateRaw(data));
  e.method = 8;
  e.versionNeeded = Math.max(e.versionNeeded, 20);
  e.crc = host().crc32(data, 0);
  e.size = data.length;
  e.compSize = e.data.length;
}

/**
 * Relationships written with absolute targets ("/xl/worksheets/sheet1.xml", as openpyxl writes them)
 * made relative to their part's folder ("worksheets/sheet1.xml"): exceljs's streaming reader joins
 * every target to the folder, so it found no sheet part and named the sheets "Sheet1"… without
 * their contents' links. The zip's own `_rels/.rels` is left alone (there the two mean the same).
 */
async function relativeTargets(file: string, entries: readonly Entry[]): Promise<void> {
  for (const e of entries) {
    const m = /^(.*\/)_rels\/[^/]+\.rels$/.exec(e.name);
    if (!m || !e.source) continue;
    const text = (await readEntry(file, e.source)).toString('utf8');
    if (!text.includes('Target="/')) continue;
    await setText(e, relativeRels(text, m[1]!));
  }
}

/** `rels` with each internal absolute target made relative to `folder` ("xl/worksheets/"). */
export function relativeRels(rels: string, folder: string): string {
  return rels.replace(/<Relationship\b[^>]*>/g, (tag) =>
    /\bTargetMode="External"/.test(tag) ? tag : tag.replace(/\bTarget="\/([^"]*)"/, (_t, abs: string) => `Target="${relativePath(folder, abs)}"`),
  );
}

/** The path from the folder `from` ("xl/worksheets/") to `to` ("xl/comments1.xml"): "../comments1.xml". */
function relativePath(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/');
  let k = 0;
  while (k < a.length && k < b.length - 1 && a[k] === b[k]) k++;
  return [...a.slice(k).map(() => '..'), ...b.slice(k)].join('/');
}

/** An empty shared-strings part, declared in the content types and the workbook's relationships. */
async function addSharedStrings(file: string, entries: Entry[]): Promise<void> {
  const types = entries.find((e) => e.name === '[Content_Types].xml');
  const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels');
  if (!types?.source || !rels?.source) throw new Error('xlsx: no content types or workbook relationships');
  const relsText = rels.text ?? (await readEntry(file, rels.source)).toString('utf8');
  // a shared-strings part elsewhere than xl/sharedStrings.xml: nothing to add
  if (/Type="[^"]*\/sharedStrings"/.test(relsText)) return;
  await setText(types, (types.text ?? (await readEntry(file, types.source)).toString('utf8')).replace('</Types>', `${SST_TYPE}</Types>`));
  await setText(rels, relsText.replace('</Relationships>', `${SST_REL}</Relationships>`));
  const template = entries.find((e) => e.name === 'xl/workbook.xml') ?? types;
  const sst: Entry = { ...template, name: 'xl/sharedStrings.xml', nameBytes: Buffer.from('xl/sharedStrings.xml'), localOffset: -1 };
  delete sst.data;
  delete sst.text;
  delete sst.source;
  sst.flags &= ~0x8;
  await setText(sst, SST);
  entries.push(sst);
}
