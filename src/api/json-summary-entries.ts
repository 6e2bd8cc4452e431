/**
 * Summary sections of a retsave JSON (b2cs, b2csa, at, ata, txpd, txpda, nil, Table 14, and
 * Table 15's b2c / urp2c and their amendments) hold one entry per key: b2cs one per type × place
 * of supply × applicable % × operator × rate, Table 15's b2c one per supplier × place of supply ×
 * rate, at one per place of supply × applicable % with each rate once in its items, and so on.
 * The portal keeps one entry per key (the Offline Tool: "This Place of Supply(pos) already
 * exists", a second row of a rate replaces the first), and the workbook reads the rows of one key
 * as one entry, adding them up. An entry given twice is therefore reported here, at the JSON path
 * of the second, so that it is never merged without a word (JSON_DUPLICATE_ENTRY).
 *
 * The keys are the ones the section mappers group rows by (mappers/summary.ts, table15.ts,
 * sections/nil.ts, sections/supeco.ts): what this reports is exactly what a round trip through
 * the workbook would merge. HSN (Table 12) is not here: its rows are not merged, and the rule
 * RET191117 reports a repeated HSN + UQC + rate on the to-excel row. No Node built-ins: the web
 * page may use it too.
 */
import type { SectionKey } from '../model/sheets.js';
import { isObject } from '../model/json-object.js';

type Json = Record<string, unknown>;

/** One list of entries: where it sits in its parent, what names an entry, and the entries' own list. */
interface Level {
  /** the key of the list in its parent; '' when the section's JSON is the list */
  readonly list: string;
  /** the JSON fields whose values, together, name one entry among its siblings */
  readonly key: readonly string[];
  /** a list inside each entry (its rate lines), checked within that entry */
  readonly items?: Level;
}

/** Rate lines inside an entry: each rate once. */
const RATES: Level = { list: 'itms', key: ['rt'] };
const ADVANCES: readonly Level[] = [{ list: '', key: ['pos', 'diff_percent'], items: RATES }];
const ADVANCES_AMENDED: readonly Level[] = [{ list: '', key: ['omon', 'pos', 'diff_percent'], items: RATES }];

const SUMMARY_ENTRIES: Partial<Record<SectionKey, readonly Level[]>> = {
  b2cs: [{ list: '', key: ['typ', 'pos', 'diff_percent', 'etin', 'rt'] }],
  b2csa: [{ list: '', key: ['omon', 'typ', 'pos', 'diff_percent', 'etin'], items: RATES }],
  at: ADVANCES,
  txpd: ADVANCES,
  ata: ADVANCES_AMENDED,
  txpda: ADVANCES_AMENDED,
  nil: [{ list: 'inv', key: ['sply_ty'] }],
  supeco: [{ list: 'clttx', key: ['etin'] }, { list: 'paytx', key: ['etin'] }],
  supecoa: [{ list: 'clttxa', key: ['omon', 'oetin', 'etin'] }, { list: 'paytxa', key: ['omon', 'oetin', 'etin'] }],
  ecom: [{ list: 'b2c', key: ['stin', 'pos', 'rt'] }, { list: 'urp2c', key: ['pos', 'rt'] }],
  ecoma: [
    { list: 'b2ca', key: ['pos'], items: { list: 'posItms', key: ['stin', 'omon'], items: RATES } },
    { list: 'urp2ca', key: ['pos', 'omon'], items: RATES },
  ],
};

/** The finding's parameter for a key field: named for the reader, not the JSON. */
const PARAM: Readonly<Record<string, string>> = {
  stin: 'supplier', pos: 'pos', rt: 'rate', typ: 'type', diff_percent: 'diffPercent', etin: 'operator',
  oetin: 'originalOperator', omon: 'month', sply_ty: 'supplyType',
};

export interface DuplicateEntry {
  /** the JSON path of the second entry */
  readonly path: string;
  /** where the first one is */
  readonly first: string;
  /** the key the two share (with the keys of the entries they sit in), by PARAM names */
  readonly key: Readonly<Record<string, string | number>>;
}

/** The entries of a summary section given a second time under one key. */
export function duplicateEntries(section: SectionKey, json: unknown): DuplicateEntry[] {
  const out: DuplicateEntry[] = [];
  for (const level of SUMMARY_ENTRIES[section] ?? []) walk(level, json, section, [], out);
  return out;
}

/** An entry with the level it sits at: its key is spelt out only for a finding. */
type Named = readonly [Level, Json];

function walk(level: Level, parent: unknown, at: string, outer: readonly Named[], out: DuplicateEntry[]): void {
  const list = level.list === '' ? parent : isObject(parent) ? parent[level.list] : undefined;
  if (!Array.isArray(list)) return;
  const base = level.list === '' ? at : `${at}.${level.list}`;
  // the index of each key's first entry; paths are spelt out only for a finding or a nested list
  const seen = new Map<string, number>();
  list.forEach((entry, i) => {
    if (!isObject(entry)) return;
    const key = keyText(level, entry);
    if (key === undefined) return; // a rate that is not a number: reported as such, and the row is not read
    const named = (): readonly Named[] => [...outer, [level, entry]];
    const first = seen.get(key);
    if (first !== undefined) out.push({ path: `${base}[${i}]`, first: `${base}[${first}]`, key: keyParams(named()) });
    else seen.set(key, i);
    if (level.items) walk(level.items, entry, `${base}[${i}]`, named(), out);
  });
}

/** The text of each key value, blank when absent, as the mappers compare them. */
function keyText(level: Level, entry: Json): string | undefined {
  let text = '';
  for (const field of level.key) {
    const v = entry[field];
    if (field === 'rt' && typeof v !== 'number') return undefined;
    if (typeof v === 'object' && v !== null) return undefined;
    text += `${v === undefined || v === null ? '' : String(v)}\u0001`;
  }
  return text;
}

/** The key values an entry and the entries it sits in give, by PARAM names (blank ones left out). */
function keyParams(named: readonly Named[]): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [level, entry] of named) {
    for (const field of level.key) {
      const v = entry[field];
      if (v === undefined || v === null || v === '') continue;
      params[PARAM[field] ?? field] = typeof v === 'number' ? v : String(v);
    }
  }
  return params;
}
