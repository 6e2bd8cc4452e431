/**
 * What a retsave JSON says that its to-excel workbook cannot: checked on the JSON itself, before
 * its rows are read, each finding naming the JSON path (`b2b[0].inv[1].itms[0].itm_det.txval`).
 * The workbook holds one row per item and reads the rows of one number as one document, so a
 * repeated invoice, a repeated rate, an invoice without items or a summary entry given twice
 * (json-summary-entries.ts) would otherwise be merged or dropped without a word; an amount that
 * is not a number, a date the calendar does not have or a delete flag would be changed or lost. No Node built-ins: the web page may use it too.
 */
import type { Finding } from '../model/finding.js';
import { parseDecimalNumber } from '../model/money.js';
import { SECTION_KEYS, type SectionKey } from '../model/sheets.js';
import { MAPPERS } from '../mappers/registry.js';
import { portalDateToIso } from '../mappers/convert.js';
import type { ReturnJson } from './return-rows.js';
import { table15SupplyTypeFindings } from './json-supply-type.js';
import { duplicateEntries } from './json-summary-entries.js';
import { isObject } from '../model/json-object.js';

type Json = Record<string, unknown>;

/** Amount keys of every section: JSON numbers with at most 2 decimals (GSTN: Decimal(11,2) / (15,2)). */
const AMOUNT_KEYS = new Set(['val', 'txval', 'iamt', 'camt', 'samt', 'csamt', 'ad_amt', 'nil_amt', 'expt_amt', 'ngsup_amt', 'suppval', 'igst', 'cgst', 'sgst', 'cess']);
const DATE_KEYS = new Set(['idt', 'nt_dt', 'oidt', 'ont_dt', 'sbdt']);

const isSection = (k: string): k is SectionKey => (SECTION_KEYS as readonly string[]).includes(k);
/** A value as the JSON wrote it: a string with its quotes, so "1180.50" reads as text. */
const asWritten = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(JSON.stringify(v) ?? v));

/** The errors of a return's JSON that its rows cannot show: structure, amounts, dates, flags. */
export function jsonInputFindings(ret: ReturnJson): Finding[] {
  const out: Finding[] = [];
  for (const [section, json] of Object.entries(ret.sections)) {
    if (!isSection(section)) continue;
    const file = ret.origin[section]!;
    const report: Report = (code, path, params = {}, value) =>
      out.push({ code, severity: 'error', file, ...(value !== undefined ? { value: asWritten(value) } : {}), params: { section, path, ...params } });
    checkValues(json, { key: section }, report, new Set());
    checkDocuments(section, json, report);
    for (const d of duplicateEntries(section, json)) report('JSON_DUPLICATE_ENTRY', d.path, { ...d.key, first: d.first });
  }
  return [...out, ...table15SupplyTypeFindings(ret)];
}

type Report = (code: string, path: string, params?: Record<string, string | number>, value?: unknown) => void;

/** Where a value sits, spelt out only for a finding (a return has millions of values). */
interface Path {
  readonly up?: Path;
  readonly key: string | number;
}
function spell(p: Path): string {
  const head = p.up ? spell(p.up) : '';
  return typeof p.key === 'number' ? `${head}[${p.key}]` : head ? `${head}.${p.key}` : p.key;
}

/** At most 2 decimals as written: k / 100 is the double nearest the text "k/100", so a quick test decides most. */
const twoDecimals = (v: number) => Math.round(v * 100) / 100 === v || (parseDecimalNumber(v)?.decimals ?? 0) <= 2;

/** Every amount, rate, date, diff_percent and flag of a section, wherever it sits. */
function checkValues(node: unknown, path: Path, report: Report, goodDates: Set<string>): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) checkValues(node[i], { up: path, key: i }, report, goodDates);
    return;
  }
  if (!isObject(node)) return;
  for (const key in node) {
    const v = node[key];
    if (v === undefined || v === null) continue;
    if (AMOUNT_KEYS.has(key) || key === 'rt') {
      if (typeof v !== 'number') report('JSON_NOT_A_NUMBER', spell({ up: path, key }), {}, v);
      else if (key !== 'rt' && !twoDecimals(v)) report('JSON_AMOUNT_DECIMALS', spell({ up: path, key }), {}, v);
    } else if (DATE_KEYS.has(key)) {
      // documents share a few hundred dates: each is judged once
      if (typeof v === 'string' && goodDates.has(v)) continue;
      if (portalDateToIso(v) !== undefined) goodDates.add(v as string);
      else {
        const shaped = typeof v === 'string' && /^\d{2}-\d{2}-\d{4}$/.test(v);
        report('JSON_DATE', spell({ up: path, key }), { reason: shaped ? 'day' : 'format' }, v);
      }
    } else if (key === 'diff_percent') {
      if (v !== 0.65) report('JSON_DIFF_PERCENT', spell({ up: path, key }), {}, v);
    } else if (key === 'flag') {
      if (String(v).trim().toUpperCase() === 'D') report('JSON_DELETE_FLAG', spell(path), recordName(node), v);
    } else if (typeof v === 'object') checkValues(v, { up: path, key }, report, goodDates);
  }
}

/** A record's document number, when it has one, for messages. */
function recordName(r: Json): Record<string, string> {
  const n = r.inum ?? r.nt_num;
  return typeof n === 'string' ? { number: n } : {};
}

/** Table 15 (15A) parts that list documents: one document per supplier and number. */
const TABLE15_DOCUMENTS: Partial<Record<SectionKey, readonly string[]>> = { ecom: ['b2b', 'urp2b'], ecoma: ['b2ba', 'urp2ba'] };

interface JsonDocument {
  readonly doc: unknown;
  readonly path: string;
  /** documents of one scope share their numbers (Table 15: a part and a supplier) */
  readonly scope: string;
}

/** The documents of a section's JSON, wherever its nesting puts them. */
function* documentsOf(section: SectionKey, json: unknown): Generator<JsonDocument> {
  const nesting = MAPPERS[section].documents;
  if (nesting && Array.isArray(json)) {
    for (const [i, entry] of json.entries()) {
      const path = `${section}[${i}]`;
      if (!nesting.group) yield { doc: entry, path, scope: '' };
      else {
        const list = isObject(entry) ? entry[nesting.group.listKey] : undefined;
        if (Array.isArray(list)) for (const [j, doc] of list.entries()) yield { doc, path: `${path}.${nesting.group.listKey}[${j}]`, scope: '' };
      }
    }
  }
  for (const part of TABLE15_DOCUMENTS[section] ?? []) {
    const list = isObject(json) ? json[part] : undefined;
    if (!Array.isArray(list)) continue;
    for (const [i, entry] of list.entries()) {
      const inv = isObject(entry) ? entry.inv : undefined;
      const scope = `${part}|${isObject(entry) ? String(entry.stin ?? '') : ''}`;
      if (Array.isArray(inv)) for (const [j, doc] of inv.entries()) yield { doc, path: `${section}.${part}[${i}].inv[${j}]`, scope };
    }
  }
}

/**
 * The documents of an invoice- or note-shaped section: a number given twice (RET191190), a rate
 * repeated within one document (RET191117) and a document without items (RET191107).
 */
function checkDocuments(section: SectionKey, json: unknown, report: Report): void {
  const numberKey = MAPPERS[section].documents?.number ?? 'inum';
  const seen = new Map<string, string>();
  for (const { doc, path, scope } of documentsOf(section, json)) {
    if (!isObject(doc)) continue;
    const number = doc[numberKey];
    const name: Record<string, string> = typeof number === 'string' ? { number } : {};
    if (typeof number === 'string') {
      const key = `${scope}|${number.trim().toLowerCase()}`;
      const first = seen.get(key);
      if (first !== undefined) report('JSON_DUPLICATE_DOCUMENT', path, { number, first });
      else seen.set(key, path);
    }
    const items = doc.itms;
    if (!Array.isArray(items) || items.length === 0) {
      report('JSON_NO_ITEMS', path, name);
      continue;
    }
    const rates = new Map<number, string>();
    items.forEach((it, i) => {
      const det = isObject(it) && isObject(it.itm_det) ? it.itm_det : it;
      const rt = isObject(det) ? det.rt : undefined;
      if (typeof rt !== 'number') return; // reported as not a number
      const first = rates.get(rt);
      if (first !== undefined) report('JSON_REPEATED_RATE', `${path}.itms[${i}]`, { ...name, rate: rt, first });
      else rates.set(rt, `${path}.itms[${i}]`);
    });
  }
}

/**
 * What the workbook has no column for, though the JSON is otherwise carried: the receiver's name
 * (`cname`) and, in Table 5, the invoice type (`inv_typ` CBW, a sale from a customs bonded
 * warehouse). Warnings of `to-excel`: a JSON converted from its workbook will not have them.
 */
export function notCarriedFindings(ret: ReturnJson): Finding[] {
  const out: Finding[] = [];
  for (const [section, json] of Object.entries(ret.sections)) {
    if (!isSection(section) || !Array.isArray(json)) continue;
    const file = ret.origin[section]!;
    const warn = (path: string, field: string, value: unknown, number?: unknown) =>
      out.push({
        code: 'JSON_NOT_CARRIED', severity: 'warning', file, value: asWritten(value),
        params: { section, path, field, ...(typeof number === 'string' ? { number } : {}) },
      });
    json.forEach((entry, i) => {
      if (!isObject(entry)) return;
      if (entry.cname !== undefined && entry.cname !== '') warn(`${section}[${i}].cname`, 'cname', entry.cname);
      if (section !== 'b2cl' && section !== 'b2cla') return;
      const inv = Array.isArray(entry.inv) ? entry.inv : [];
      inv.forEach((doc, j) => {
        if (isObject(doc) && doc.inv_typ !== undefined && doc.inv_typ !== '') warn(`${section}[${i}].inv[${j}].inv_typ`, 'inv_typ', doc.inv_typ, doc.inum);
      });
    });
  }
  return out;
}
