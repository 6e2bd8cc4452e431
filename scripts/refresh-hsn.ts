/**
 * Rewrites data/hsn-master.json (the HSN/SAC master: codes and descriptions) and, beside it,
 * data/hsn-codes.json (its codes alone, which the RET191349 rule loads) from a newer official file:
 * - the GST portal's downloadable workbook (Search HSN → download; sheets such as HSN_MSTR and
 *   SAC_MSTR with "HSN_CD"/"SAC_CD" and "…_Description" columns), or any .xlsx/.csv whose
 *   header row has an HSN/SAC code column and a description column;
 * - or a JSON in the shape of data/hsn-master.json: `{"data":[{"c":"0101","n":"…"}]}`.
 *
 *   npx tsx scripts/refresh-hsn.ts HSN_SAC.xlsx [--out data/hsn-master.json] [--dry-run]
 *
 * Codes are kept as text with their leading zeros; a code Excel stored as a number (0101 → 101)
 * gets its zero back (HSN codes have an even number of digits). Spaces inside codes are dropped,
 * repeated codes keep their first description, and the file's order is kept.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCsv } from '../src/parsers/csv.js';
import { cellText, type RawCell, type RawSheet } from '../src/parsers/raw.js';
import { readXlsx } from '../src/parsers/xlsx.js';

export interface HsnEntry {
  c: string;
  n: string;
}

export const DEFAULT_OUT = new URL('../data/hsn-master.json', import.meta.url);
/** the codes file's name, beside the master */
export const CODES_FILE = 'hsn-codes.json';

const norm = (h: string) => h.toLowerCase().replace(/[^a-z]/g, '');
const CODE_HEADERS = new Set(['hsncd', 'saccd', 'hsncode', 'saccode', 'hsnsaccode', 'hsnsaccd', 'hsnsac', 'hsn', 'sac', 'code', 'c']);
const isDescHeader = (h: string) => norm(h).includes('desc') || norm(h) === 'n';

/** A code cell as text: digits only, the leading zero restored when Excel stored it as a number. */
export function codeOf(cell: RawCell): string | undefined {
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 0) return undefined;
    const t = String(cell);
    return t.length % 2 === 1 ? `0${t}` : t;
  }
  const t = cellText(cell).replace(/\s+/g, '');
  return /^\d{2,8}$/.test(t) ? t : undefined;
}

async function* fromSheets(sheets: AsyncIterable<RawSheet>): AsyncGenerator<HsnEntry> {
  for await (const sheet of sheets) {
    let code = -1;
    let desc = -1;
    for await (const row of sheet.rows) {
      if (code < 0) {
        // the header row: the first row with a code column and a description column
        const texts = row.cells.map((c) => (typeof c === 'string' ? c : ''));
        const ci = texts.findIndex((t) => CODE_HEADERS.has(norm(t)));
        const di = texts.findIndex((t) => isDescHeader(t));
        if (ci >= 0 && di >= 0) [code, desc] = [ci, di];
        continue;
      }
      const c = codeOf(row.cells[code] ?? null);
      if (c) yield { c, n: cellText(row.cells[desc] ?? null).trim() };
    }
  }
}

/** Reads the entries of an official workbook, CSV or JSON master, in file order. */
export async function readHsnSource(file: string): Promise<HsnEntry[]> {
  const ext = extname(file).toLowerCase();
  const out: HsnEntry[] = [];
  const seen = new Set<string>();
  const add = (e: HsnEntry) => {
    if (seen.has(e.c)) return;
    seen.add(e.c);
    out.push(e);
  };
  if (ext === '.json') {
    const json = JSON.parse(await readFile(file, 'utf8')) as { data?: unknown };
    if (!json || !Array.isArray(json.data)) throw new Error(`${file}: expected {"data":[{"c":"0101","n":"…"}]}`);
    for (const e of json.data as { c?: unknown; n?: unknown }[]) {
      const c = typeof e.c === 'number' ? codeOf(e.c) : codeOf(typeof e.c === 'string' ? e.c : null);
      if (c) add({ c, n: String(e.n ?? '').trim() });
    }
  } else {
    const sheets = ext === '.csv' ? readCsv(file) : readXlsx(file);
    for await (const e of fromSheets(sheets)) add(e);
  }
  if (out.length === 0) throw new Error(`${file}: no HSN/SAC codes found (need a code column and a description column)`);
  return out;
}

/** The master as written: valid JSON, one code per line so that refreshes diff well. */
export function renderHsnMaster(entries: readonly HsnEntry[]): string {
  return `{"data":[\n${entries.map((e) => JSON.stringify({ c: e.c, n: e.n })).join(',\n')}\n]}\n`;
}

/**
 * The codes file: the master's codes in its order, space-separated in one string (one JSON string
 * parses in a fraction of the time and memory of 22,000 objects with their descriptions).
 */
export function renderHsnCodes(entries: readonly HsnEntry[]): string {
  const about = 'The codes of hsn-master.json, in its order, for the HSN rules; written by scripts/refresh-hsn.ts with it.';
  return `${JSON.stringify({ about, codes: entries.map((e) => e.c).join(' ') })}\n`;
}

export interface RefreshResult {
  readonly total: number;
  readonly added: number;
  readonly removed: number;
}

/** Reads `source`, compares with the master at `out`, and (unless dryRun) rewrites it and the codes file beside it. */
export async function refreshHsnMaster(source: string, out: string | URL = DEFAULT_OUT, dryRun = false): Promise<RefreshResult> {
  const entries = await readHsnSource(source);
  let before = new Set<string>();
  try {
    const cur = JSON.parse(await readFile(out, 'utf8')) as { data: HsnEntry[] };
    before = new Set(cur.data.map((e) => e.c.replace(/\s+/g, '')));
  } catch {
    // no master yet
  }
  const after = new Set(entries.map((e) => e.c));
  const added = [...after].filter((c) => !before.has(c)).length;
  const removed = [...before].filter((c) => !after.has(c)).length;
  if (!dryRun) {
    await writeFile(out, renderHsnMaster(entries));
    await writeFile(new URL(CODES_FILE, out instanceof URL ? out : pathToFileURL(resolve(out))), renderHsnCodes(entries));
  }
  return { total: entries.length, added, removed };
}

async function main(argv: string[]): Promise<void> {
  const source = argv.find((a) => !a.startsWith('--'));
  const outIdx = argv.indexOf('--out');
  const out = outIdx >= 0 && argv[outIdx + 1] ? argv[outIdx + 1]! : DEFAULT_OUT;
  if (!source) {
    process.stderr.write('usage: npx tsx scripts/refresh-hsn.ts <HSN_SAC.xlsx | master.json> [--out data/hsn-master.json] [--dry-run]\n');
    process.exitCode = 2;
    return;
  }
  const r = await refreshHsnMaster(source, out, argv.includes('--dry-run'));
  process.stdout.write(`${r.total} codes (${r.added} new, ${r.removed} no longer listed)${argv.includes('--dry-run') ? '; nothing written' : ''}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
