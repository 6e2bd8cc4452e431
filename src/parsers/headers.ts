/**
 * Finds a sheet's header row and matches its columns to a sheet spec by header text, tolerating
 * case, spacing, a trailing `*` and known old spellings. Extra columns and a second column of one
 * field are not read: the caller reports them (rows.ts reportHeader).
 */
import type { Field } from '../model/fields.js';
import { SHEETS, type SheetSpec } from '../model/sheets.js';
import { cellText, type RawCell } from './raw.js';

/** Header text compared without case, spaces or a trailing `*`. */
export function normaliseHeader(h: string): string {
  return h.toLowerCase().replace(/\*+\s*$/, '').replace(/\s+/g, '');
}

export interface ColumnRef {
  /** header text as it appears in the file */
  readonly header: string;
  /** 1-based column number */
  readonly col: number;
}

/** A second column whose header names a field that an earlier column already names. */
export interface RepeatedColumn extends ColumnRef {
  readonly field: Field;
  /** the earlier column, the one that is read */
  readonly first: ColumnRef;
}

export interface HeaderMatch {
  readonly columns: Partial<Record<Field, ColumnRef>>;
  readonly missing: readonly Field[];
  /** headers in the row that match no column of the spec */
  readonly unknown: readonly ColumnRef[];
  /** columns naming a field already matched (by its header or an alias): not read */
  readonly repeated: readonly RepeatedColumn[];
  /** how many of the spec's columns were found */
  readonly matched: number;
}

const LOOKUP = new Map<SheetSpec, Map<string, Field>>();
function lookupFor(spec: SheetSpec): Map<string, Field> {
  let m = LOOKUP.get(spec);
  if (!m) {
    m = new Map();
    for (const col of spec.columns) {
      m.set(normaliseHeader(col.header), col.field);
      for (const a of col.aliases ?? []) m.set(normaliseHeader(a), col.field);
    }
    LOOKUP.set(spec, m);
  }
  return m;
}

export function matchHeaders(spec: SheetSpec, cells: readonly RawCell[]): HeaderMatch {
  const lookup = lookupFor(spec);
  const columns: Partial<Record<Field, ColumnRef>> = {};
  const unknown: ColumnRef[] = [];
  const repeated: RepeatedColumn[] = [];
  let matched = 0;
  cells.forEach((cell, i) => {
    const text = cellText(cell).trim();
    if (!text) return;
    const field = lookup.get(normaliseHeader(text));
    const first = field && columns[field];
    if (first) repeated.push({ header: text, col: i + 1, field, first });
    else if (field) {
      columns[field] = { header: text, col: i + 1 };
      matched++;
    } else unknown.push({ header: text, col: i + 1 });
  });
  const missing = spec.columns.filter((c) => c.required && !columns[c.field]).map((c) => c.field);
  return { columns, missing, unknown, repeated, matched };
}

/** A row is taken as the header row when it names at least half of the spec's mandatory columns. */
export function looksLikeHeader(spec: SheetSpec, m: HeaderMatch): boolean {
  const required = spec.columns.filter((c) => c.required).length;
  return m.matched >= 2 && m.matched - 0 >= Math.ceil(required / 2);
}

const BY_NAME_ONLY: ReadonlySet<string> = new Set(['ecom', 'ecoma']);

/** The sheet spec whose headers a row matches best (for CSVs and sheets with other names). */
export function specBySignature(cells: readonly RawCell[]): { spec: SheetSpec; match: HeaderMatch } | undefined {
  let best: { spec: SheetSpec; match: HeaderMatch; score: number } | undefined;
  for (const spec of SHEETS) {
    // Table 15 sheets are known by their names only: their few headers (Place Of Supply, Rate,
    // Taxable Value, Document Number...) would claim any B2C list or sales register
    if (BY_NAME_ONLY.has(spec.section)) continue;
    const match = matchHeaders(spec, cells);
    if (!looksLikeHeader(spec, match)) continue;
    // prefer full coverage of mandatory columns, then fewer unknown headers
    const score = match.matched * 10 - match.missing.length * 100 - match.unknown.length;
    if (!best || score > best.score) best = { spec, match, score };
  }
  return best && { spec: best.spec, match: best.match };
}

/** Levenshtein distance, for "did you mean" hints on misspelled headers. */
export function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

/**
 * The tax heads as headers name them, spelled out or abbreviated. Two headers that name different
 * heads, or a head and none, are never misspellings of each other, however few letters apart
 * ("IGST Amount" and "Cess Amount" are three); an abbreviation is compared spelled out, so
 * "IGST Amount" is "Integrated Tax Amount".
 */
const TAX_HEADS: readonly { readonly head: string; readonly words: RegExp; readonly abbreviation?: RegExp; readonly spelled?: string }[] = [
  { head: 'integrated', words: /\b(igst|integrated)\b/, abbreviation: /\bigst\b/g, spelled: 'integrated tax' },
  { head: 'central', words: /\b(cgst|central)\b/, abbreviation: /\bcgst\b/g, spelled: 'central tax' },
  { head: 'state', words: /\b(sgst|utgst|state\s*\/\s*ut|state tax)\b/, abbreviation: /\b(sgst|utgst)\b/g, spelled: 'state/ut tax' },
  { head: 'cess', words: /\bcess\b/ },
];
/** What else tells a sheet's columns apart: a date, a value, a number and a type are different columns. */
const KINDS: readonly { readonly kind: string; readonly words: RegExp }[] = [
  { kind: 'date', words: /\b(date|dt)\b/ },
  { kind: 'type', words: /\btype\b/ },
  { kind: 'value', words: /\b(value|val)\b/ },
  { kind: 'number', words: /\b(number|no|num)\b/ },
];
const headOf = (lower: string) => TAX_HEADS.find((h) => h.words.test(lower))?.head;
const kindOf = (lower: string) => KINDS.find((k) => k.words.test(lower))?.kind;
const spelledOut = (lower: string) => TAX_HEADS.reduce((t, h) => (h.abbreviation ? t.replace(h.abbreviation, h.spelled!) : t), lower);

/** Whether `a` and `b` may name the same column: the same tax head (or none), no two kinds of value. */
function mayBeSame(a: string, b: string): boolean {
  if (headOf(a) !== headOf(b)) return false;
  const ka = kindOf(a);
  const kb = kindOf(b);
  return ka === undefined || kb === undefined || ka === kb;
}

/** The candidate closest to `text`, when it is close enough to be a likely misspelling. */
export function nearest(text: string, candidates: readonly string[]): string | undefined {
  return closest(text, candidates, (lower) => normaliseHeader(lower));
}

/** nearest for column headers: abbreviated tax heads spelled out, and never a column of another head or kind. */
export function nearestHeader(text: string, candidates: readonly string[]): string | undefined {
  return closest(text, candidates, (lower) => normaliseHeader(spelledOut(lower)), mayBeSame);
}

function closest(text: string, candidates: readonly string[], key: (lower: string) => string, may?: (a: string, b: string) => boolean): string | undefined {
  const lower = text.toLowerCase();
  const t = key(lower);
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    if (may && !may(lower, cl)) continue;
    const d = distance(t, key(cl));
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(t.length / 3)) ? best : undefined;
}
