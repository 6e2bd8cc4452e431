/**
 * Column mapping files: a JSON file naming, for each register field, the header that carries it
 * in the user's own export. `gstr1 mapping init <file>` drafts one from a file's headers (as the
 * built-in preset they match reads them, else by fuzzy-matching them to the register fields); the
 * user corrects it and passes `--mapping`.
 *
 *   {
 *     "layout": "register",
 *     "name": "Our ERP sales export",
 *     "sheet": "Sales",            // optional: read only this sheet
 *     "headerRow": 1,              // optional: the header row (default: found in the first 10 rows)
 *     "columns": { "docNum": "Bill No", "docDate": "Bill Date", "txval": "Net Amount", "hsn": null, ... },
 *     "values": { "docType": { "Sales Return": "credit note" } },  // optional value translations
 *     "ignore": ["Narration", "Salesman"]   // optional: columns known to hold nothing the return needs
 *   }
 */
import { OptionError } from '../model/errors.js';
import { NON_DATA_SHEETS, normaliseSheetName } from '../model/sheets.js';
import { readCsv } from '../parsers/csv.js';
import { openSource } from '../parsers/host/source.js';
import { detectFile } from '../parsers/detect.js';
import type { ColumnRef } from '../parsers/headers.js';
import { readXlsx } from '../parsers/xlsx.js';
import { REGISTER_FIELDS, REQUIRED_FIELDS, headerKey, isRegisterField, registerFieldSpec, type RegisterField } from './fields.js';
import { PRESETS, type RegisterLayout } from './layouts.js';
import { bestLayout, candidatesFor, closeEnough, fieldDistance, fieldsNear, headerCells, spellsName, type LayoutMatch } from './match.js';
import { firstRows } from './peek.js';
import { isObject } from '../model/json-object.js';

export interface MappingFile {
  readonly layout: 'register';
  readonly name?: string;
  readonly sheet?: string;
  readonly headerRow?: number;
  readonly columns: Partial<Record<RegisterField, string | string[] | null>>;
  readonly values?: Partial<Record<RegisterField, Record<string, string>>>;
  readonly ignore?: readonly string[];
}


function invalid(file: string, detail: string): OptionError {
  return new OptionError('REGISTER_MAPPING_INVALID', { file, detail });
}

/** Checks a parsed mapping file and turns it into a layout. */
export function mappingLayout(json: unknown, file = 'mapping'): RegisterLayout {
  if (!isObject(json)) throw invalid(file, 'expected a JSON object with "columns"');
  if (json.layout !== undefined && json.layout !== 'register') throw invalid(file, `"layout" must be "register", not ${JSON.stringify(json.layout)}`);
  if (!isObject(json.columns)) throw invalid(file, '"columns" must be an object: field name → header text');
  const columns: Partial<Record<RegisterField, string[]>> = {};
  for (const [k, v] of Object.entries(json.columns)) {
    if (!isRegisterField(k)) {
      throw invalid(file, `"${k}" is not a register field; fields are ${REGISTER_FIELDS.join(', ')}`);
    }
    if (v === null || v === '') continue;
    const names = typeof v === 'string' ? [v] : Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
    if (!names) throw invalid(file, `"${k}" must name a header (text), a list of headers, or null`);
    if (names.length) columns[k] = names;
  }
  const missing = REQUIRED_FIELDS.filter((f) => !columns[f]);
  if (missing.length) {
    throw invalid(file, `it maps no column to ${missing.map((f) => `${f} (${registerFieldSpec(f).label})`).join(', ')}`);
  }
  const values: Partial<Record<RegisterField, Record<string, string>>> = {};
  if (json.values !== undefined) {
    if (!isObject(json.values)) throw invalid(file, '"values" must be an object: field → { cell text: value }');
    for (const [k, v] of Object.entries(json.values)) {
      if (!isRegisterField(k)) throw invalid(file, `"values" names "${k}", which is not a register field`);
      if (!isObject(v) || !Object.values(v).every((x) => typeof x === 'string')) throw invalid(file, `"values.${k}" must map cell texts to texts`);
      values[k] = Object.fromEntries(Object.entries(v as Record<string, string>).map(([t, x]) => [headerKey(t), x]));
    }
  }
  if (json.sheet !== undefined && typeof json.sheet !== 'string') throw invalid(file, '"sheet" must be a sheet name');
  if (json.headerRow !== undefined && !(Number.isInteger(json.headerRow) && (json.headerRow as number) >= 1)) {
    throw invalid(file, '"headerRow" must be a row number (1, 2, ...)');
  }
  const ignore = json.ignore;
  if (ignore !== undefined && !(Array.isArray(ignore) && ignore.every((x) => typeof x === 'string'))) {
    throw invalid(file, '"ignore" must be a list of header texts');
  }
  const mapped = Object.values(columns).map((n) => n![0]!);
  return {
    id: 'mapping',
    name: typeof json.name === 'string' && json.name ? json.name : `mapping ${file}`,
    source: file,
    columns,
    // a sheet must carry the required columns and at least half of the others named
    signature: mapped,
    minSignature: Math.ceil(mapped.length / 2),
    ...(Object.keys(values).length ? { values } : {}),
    ...(ignore?.length ? { ignore: ignore as string[] } : {}),
    ...(typeof json.sheet === 'string' ? { sheet: json.sheet } : {}),
    ...(typeof json.headerRow === 'number' ? { headerRow: json.headerRow } : {}),
  };
}

export async function loadMapping(file: string): Promise<RegisterLayout> {
  let text: string;
  try {
    const src = await openSource(file);
    try {
      text = new TextDecoder('utf-8').decode(await src.read(0, src.size));
    } finally {
      await src.close();
    }
  } catch {
    throw new OptionError('REGISTER_MAPPING_INVALID', { file, detail: 'the file cannot be read' });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw invalid(file, `not valid JSON (${e instanceof Error ? e.message.split('\n')[0]!.slice(0, 120) : 'parse error'})`);
  }
  return mappingLayout(json, file);
}

// ------------------------------------------------------------------------------ drafting

export interface DraftedMapping {
  readonly mapping: MappingFile;
  /** the built-in preset the headers match (as convert's `--layout auto` finds it): the draft is its reading */
  readonly preset?: { readonly id: string; readonly name: string };
  /** fields given a column, with the header and whether it is certain (false: a guess to check) */
  readonly mapped: readonly { field: RegisterField; header: string; exact: boolean }[];
  /** fields with no column, with the nearest headers (may be empty) */
  readonly unmapped: readonly { field: RegisterField; required: boolean; candidates: string[] }[];
  /** headers no field took, with the fields they are nearest to */
  readonly unusedHeaders: readonly { header: string; near: RegisterField[] }[];
}

type Chosen = Map<RegisterField, { ref: ColumnRef; exact: boolean }>;

/**
 * Drafts a mapping from a header row. Headers that match a built-in preset are drafted as that
 * preset reads them, so the mapping converts the file as convert does without one (Tally's "Rate"
 * is the item price, not the GST rate). Other headers are matched by name: exact names (a field's
 * label, a synonym, or a preset's header) first, then the closest plausible spellings; each header
 * serves one field.
 */
export function draftMapping(headers: readonly ColumnRef[], opts: { sheet?: string; headerRow?: number; name?: string } = {}): DraftedMapping {
  const cells: string[] = [];
  for (const h of headers) cells[h.col - 1] = h.header;
  const preset = bestLayout(PRESETS, cells);
  const chosen = preset ? presetColumns(preset) : closestHeaders(headers);
  const taken = new Set([...chosen.values()].map((c) => c.ref.col));
  const columns: Partial<Record<RegisterField, string | null>> = {};
  const mapped: { field: RegisterField; header: string; exact: boolean }[] = [];
  const unmapped: { field: RegisterField; required: boolean; candidates: string[] }[] = [];
  const free = headers.filter((h) => !taken.has(h.col));
  for (const field of REGISTER_FIELDS) {
    const c = chosen.get(field);
    if (c) {
      columns[field] = c.ref.header;
      mapped.push({ field, header: c.ref.header, exact: c.exact });
    } else {
      columns[field] = null;
      unmapped.push({
        field,
        required: REQUIRED_FIELDS.includes(field),
        candidates: candidatesFor(field, free, PRESETS, 3, REQUIRED_FIELDS.includes(field)).map((r) => r.header),
      });
    }
  }
  // a header the preset knows and does not read (Tally's Rate) is no near miss of a field
  const known = new Set(preset?.ignored.map((r) => r.col));
  const unusedHeaders = free.map((h) => ({ header: h.header, near: known.has(h.col) ? [] : fieldsNear(h.header, PRESETS) }));
  const mapping: MappingFile = {
    layout: 'register',
    name: opts.name ?? 'sales register',
    ...(opts.sheet ? { sheet: opts.sheet } : {}),
    ...(opts.headerRow ? { headerRow: opts.headerRow } : {}),
    columns,
    // the preset's value translations and the columns it knows to hold nothing the return needs
    ...(preset?.layout.values ? { values: preset.layout.values } : {}),
    ...(preset?.ignored.length ? { ignore: preset.ignored.map((r) => r.header) } : {}),
  };
  return { mapping, ...(preset ? { preset: { id: preset.layout.id, name: preset.layout.name } } : {}), mapped, unmapped, unusedHeaders };
}

/** The columns a preset reads, as certain as convert is when it reads them without a mapping. */
function presetColumns(match: LayoutMatch): Chosen {
  const chosen: Chosen = new Map();
  for (const field of REGISTER_FIELDS) {
    const ref = match.columns[field];
    if (ref) chosen.set(field, { ref, exact: true });
  }
  return chosen;
}

/**
 * Each field's closest header, best pairs first. A match is certain only when it is one of the
 * field's names and no other header fits the field as well: "Rate" beside "GST Rate" is a guess.
 * A header that is two fields' name ("IGST": the amount's, and the rate's "IGST %" once "%" is
 * dropped) is read as the generic layout reads it (match.ts): as the field it spells exactly,
 * unless another header is that field's name alone ("IGST" beside "IGST Amount" is the rate).
 */
function closestHeaders(headers: readonly ColumnRef[]): Chosen {
  let pairs: { field: RegisterField; ref: ColumnRef; d: number; standing: number }[] = [];
  for (const field of REGISTER_FIELDS) {
    for (const ref of headers) {
      const d = fieldDistance(ref.header, field, PRESETS);
      if (d === 0 || closeEnough(ref.header, d)) pairs.push({ field, ref, d, standing: 0 });
    }
  }
  // between the names a header is: 0 for the one it spells exactly, 1 for another, 2 for a field
  // another header is the name of alone
  const named = (col: number) => pairs.filter((p) => p.d === 0 && p.ref.col === col);
  const alone = new Map<RegisterField, number>();
  for (const ref of headers) {
    const n = named(ref.col);
    if (n.length === 1) alone.set(n[0]!.field, ref.col);
  }
  const secondNames = new Set<number>();
  for (const ref of headers) {
    const n = named(ref.col);
    if (n.length < 2) continue;
    for (const p of n) {
      const other = alone.get(p.field);
      p.standing = other !== undefined && other !== ref.col ? 2 : spellsName(ref.header, p.field, PRESETS) ? 0 : 1;
    }
    // "IGST" beside "IGST Rate" and "IGST Amount": a second name of both, no guess at a third field
    if (n.every((p) => p.standing === 2)) secondNames.add(ref.col);
  }
  pairs = pairs.filter((p) => !secondNames.has(p.ref.col));
  // best pairs first; between equals, the field listed first in REGISTER_FIELDS
  pairs.sort((a, b) => a.d - b.d || a.standing - b.standing || REGISTER_FIELDS.indexOf(a.field) - REGISTER_FIELDS.indexOf(b.field) || a.ref.col - b.ref.col);
  const taken = new Set<number>();
  const chosen: Chosen = new Map();
  for (const p of pairs) {
    if (chosen.has(p.field) || taken.has(p.ref.col)) continue;
    const rivalled = pairs.some((q) => q.field === p.field && q.ref.col !== p.ref.col && (q.d < p.d || (q.d === p.d && q.standing <= p.standing)));
    chosen.set(p.field, { ref: p.ref, exact: p.d === 0 && !rivalled });
    taken.add(p.ref.col);
  }
  return chosen;
}

/** The mapping file's text, as `gstr1 mapping init` writes it and the web page exports it. */
export function mappingText(mapping: MappingFile): string {
  return `${JSON.stringify(mapping, null, 2)}\n`;
}

// ------------------------------------------------------------------------------ a file's headers

export interface FileHeaders {
  readonly sheet: string;
  readonly row: number;
  readonly headers: readonly ColumnRef[];
}

/**
 * The header row of a register file: in the named sheet (or the first sheet that is not a
 * template, help or hidden sheet), the row among the first 10 non-blank ones whose texts look
 * most like register fields.
 */
export async function readFileHeaders(file: string, sheetName?: string): Promise<FileHeaders | undefined> {
  const kind = await detectFile(file);
  const sheets = kind === 'xlsx' ? readXlsx(file) : readCsv(file);
  let best: (FileHeaders & { score: number }) | undefined;
  for await (const sheet of sheets) {
    const n = normaliseSheetName(sheet.name);
    const skip = best !== undefined
      || (sheetName !== undefined ? normaliseSheetName(sheetName) !== n : kind === 'xlsx' && (sheet.hidden || NON_DATA_SHEETS.includes(n) || n.startsWith('help')));
    const rows = await firstRows(sheet, 10);
    if (skip) continue;
    for (const r of rows) {
      const headers = headerCells(r.cells).filter((h) => !/^[-+]?[\d,.]+$/.test(h.header));
      if (headers.length < 3) continue;
      const score = headers.filter((h) => fieldsNear(h.header, PRESETS, 1).length > 0).length;
      if (!best || score > best.score) best = { sheet: sheet.name, row: r.row, headers, score };
    }
    if (best && best.score === 0) best = undefined;
  }
  return best && { sheet: best.sheet, row: best.row, headers: best.headers };
}
