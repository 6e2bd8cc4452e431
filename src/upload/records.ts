/**
 * Documents inside a retsave payload or an `error_report`, and their keys. One walker serves the
 * emulator (cumulative saves keyed by document, error reports), the totals (summary comparison)
 * and the error-report parser (portal errors back to rows): error reports mirror the payload's
 * shapes with `error_cd`/`error_msg` added on the group (b2b, cdnr, exp, b2cl, nil, hsn list
 * entries, doc_issue entries) or on the record (b2cs, at, txpd, cdnur, hsn rows).
 *
 *   payload b2b:  [{ctin, inv:[{inum, idt, ..., itms:[{num, itm_det:{rt, txval, ...}}]}]}]
 *   report  b2b:  [{ctin, error_cd, error_msg, inv:[...the rejected invoices...]}]
 *   payload hsn:  {data:[rows]} | {hsn_b2b:[rows], hsn_b2c:[rows]}
 *   report  hsn:  [{data|hsn_b2b|hsn_b2c:[rows], error_cd, error_msg}]
 * Older shapes are read too: cdnr notes with `inum`/`idt`, b2cs `typ: "E"` with `etin`, HSN rows
 * with `val` and no `rt`, doc_issue as a bare list.
 */

import type { SectionKey } from '../model/sheets.js';
import { MAPPERS } from '../mappers/registry.js';
import { isObject } from '../model/json-object.js';

type Obj = Record<string, unknown>;

/** What identifies a document or aggregate row; the fields a section does not use are absent. */
export interface DocKey {
  readonly section: string;
  /** hsn tab (`data`, `hsn_b2b`, `hsn_b2c`), supeco part (`clttx`...) */
  readonly part?: string;
  readonly ctin?: string;
  readonly pos?: string;
  readonly expTyp?: string;
  readonly typ?: string;
  readonly splyTy?: string;
  readonly etin?: string;
  /** Table 15: the supplier's GSTIN (the recipient's is `ctin`, from `rtin`) */
  readonly stin?: string;
  readonly omon?: string;
  readonly inum?: string;
  readonly oinum?: string;
  readonly idt?: string;
  readonly ntNum?: string;
  readonly ontNum?: string;
  readonly ntty?: string;
  /** rates of the document's or row's items */
  readonly rates?: readonly number[];
  readonly diffPercent?: number;
  readonly hsn?: string;
  readonly uqc?: string;
  readonly rt?: number;
  readonly docNum?: number;
  readonly from?: string;
  readonly to?: string;
}

export interface RecordEntry {
  readonly section: string;
  readonly key: DocKey;
  /** canonical identity: a later save of the same id replaces this one */
  readonly id: string;
  /** the document or row, as in the JSON */
  readonly record: Obj;
  /** the object it sits in (b2b recipient, hsn tab wrapper, nil object, doc_det entry), without the list */
  readonly group?: Obj;
  /** the list key inside the group (`inv`, `nt`, `data`, `docs`...) */
  readonly listKey?: string;
}

/** How each section nests its documents. */
export type Layout =
  | { kind: 'grouped'; groupField: string; groupKey: keyof DocKey; listKey: string; number: 'inum' | 'nt_num' }
  | { kind: 'flat'; number?: 'inum' | 'nt_num' }
  | { kind: 'hsn' }
  | { kind: 'nil' }
  | { kind: 'doc' }
  | { kind: 'eco'; parts: readonly string[] }
  /** Table 15 / 15A: named parts, each a flat list or a list of groups (`inv`, `posItms`) */
  | { kind: 'parts'; parts: Readonly<Record<string, { readonly list?: string }>> };

/** The DocKey field of each JSON group key. */
const GROUP_KEYS: Readonly<Record<string, keyof DocKey>> = { ctin: 'ctin', pos: 'pos', exp_typ: 'expTyp' };

/** An invoice- or note-shaped section's layout, as its mapper nests the documents. */
function documentLayout(section: SectionKey): Layout {
  const d = MAPPERS[section].documents;
  if (!d) throw new Error(`${section} has no documents`);
  if (!d.group) return { kind: 'flat', number: d.number };
  const groupKey = GROUP_KEYS[d.group.jsonKey];
  if (!groupKey) throw new Error(`${section}: no DocKey field for the group key ${d.group.jsonKey}`);
  return { kind: 'grouped', groupField: d.group.jsonKey, groupKey, listKey: d.group.listKey, number: d.number };
}

/** Every section's layout: a section missing here does not compile. */
export const LAYOUTS: Readonly<Record<SectionKey, Layout>> = {
  b2b: documentLayout('b2b'),
  b2ba: documentLayout('b2ba'),
  b2cl: documentLayout('b2cl'),
  b2cla: documentLayout('b2cla'),
  exp: documentLayout('exp'),
  expa: documentLayout('expa'),
  cdnr: documentLayout('cdnr'),
  cdnra: documentLayout('cdnra'),
  cdnur: documentLayout('cdnur'),
  cdnura: documentLayout('cdnura'),
  b2cs: { kind: 'flat' },
  b2csa: { kind: 'flat' },
  at: { kind: 'flat' },
  ata: { kind: 'flat' },
  txpd: { kind: 'flat' },
  txpda: { kind: 'flat' },
  nil: { kind: 'nil' },
  hsn: { kind: 'hsn' },
  doc_issue: { kind: 'doc' },
  supeco: { kind: 'eco', parts: ['clttx', 'paytx'] },
  supecoa: { kind: 'eco', parts: ['clttxa', 'paytxa'] },
  ecom: { kind: 'parts', parts: { b2b: { list: 'inv' }, urp2b: { list: 'inv' }, b2c: {}, urp2c: {} } },
  ecoma: { kind: 'parts', parts: { b2ba: { list: 'inv' }, urp2ba: { list: 'inv' }, b2ca: { list: 'posItms' }, urp2ca: {} } },
};

/** The layout of a section named in a JSON (undefined for a key that is not a section). */
export function layoutOf(section: string): Layout | undefined {
  return Object.hasOwn(LAYOUTS, section) ? LAYOUTS[section as SectionKey] : undefined;
}

export const HSN_TABS = ['data', 'hsn_b2b', 'hsn_b2c'] as const;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : undefined);

function without(o: Obj, key: string): Obj {
  const { [key]: _drop, ...rest } = o;
  return rest;
}

/** Item rates of a document: `itms[].itm_det.rt` or flat `itms[].rt`. */
export function itemRates(doc: Obj): number[] {
  const out: number[] = [];
  const itms = doc.itms;
  if (!Array.isArray(itms)) return out;
  for (const it of itms) {
    if (!isObject(it)) continue;
    const det = isObject(it.itm_det) ? it.itm_det : it;
    const rt = num(det.rt);
    if (rt !== undefined && !out.includes(rt)) out.push(rt);
  }
  return out;
}

/** Every document or row of a payload (or error report), section by section. */
export function* walkRecords(json: unknown): Generator<RecordEntry> {
  if (!isObject(json)) return;
  for (const [section, value] of Object.entries(json)) {
    const layout = layoutOf(section);
    if (!layout) continue;
    yield* walkSection(section, layout, value);
  }
}

export function* walkSection(section: string, layout: Layout, value: unknown): Generator<RecordEntry> {
  switch (layout.kind) {
    case 'grouped': {
      if (!Array.isArray(value)) return;
      for (const g of value) {
        if (!isObject(g)) continue;
        const group = without(g, layout.listKey);
        const gv = str(g[layout.groupField]);
        const list = g[layout.listKey];
        if (!Array.isArray(list)) continue;
        for (const doc of list) {
          if (!isObject(doc)) continue;
          const key = documentKey(section, doc, gv === undefined ? {} : { [layout.groupKey]: gv });
          yield { section, key, id: keyId(key), record: doc, group, listKey: layout.listKey };
        }
      }
      return;
    }
    case 'flat': {
      if (!Array.isArray(value)) return;
      for (const rec of value) {
        if (!isObject(rec)) continue;
        const key = documentKey(section, rec, {});
        yield { section, key, id: keyId(key), record: rec };
      }
      return;
    }
    case 'nil': {
      // payload {inv:[...]}; report {error_cd, error_msg, inv:[...]} (older: a list of such)
      for (const o of Array.isArray(value) ? value : [value]) {
        if (!isObject(o) || !Array.isArray(o.inv)) continue;
        const group = without(o, 'inv');
        for (const rec of o.inv) {
          if (!isObject(rec)) continue;
          const key = documentKey(section, rec, {});
          yield { section, key, id: keyId(key), record: rec, group, listKey: 'inv' };
        }
      }
      return;
    }
    case 'hsn': {
      // payload {data:[...]} or {hsn_b2b, hsn_b2c}; report: a list of such wrappers with error_cd
      for (const o of Array.isArray(value) ? value : [value]) {
        if (!isObject(o)) continue;
        for (const tab of HSN_TABS) {
          const rows = o[tab];
          if (!Array.isArray(rows)) continue;
          const group = without(o, tab);
          for (const rec of rows) {
            if (!isObject(rec)) continue;
            const key = documentKey(section, rec, { part: tab });
            yield { section, key, id: keyId(key), record: rec, group, listKey: tab };
          }
        }
      }
      return;
    }
    case 'doc': {
      // payload {doc_det:[{doc_num, docs:[...]}]}; report: the doc_det list itself
      const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.doc_det) ? value.doc_det : [];
      for (const d of list) {
        if (!isObject(d) || !Array.isArray(d.docs)) continue;
        const group = without(d, 'docs');
        const docNum = num(d.doc_num);
        for (const rec of d.docs) {
          if (!isObject(rec)) continue;
          const key = documentKey(section, rec, docNum === undefined ? {} : { docNum });
          yield { section, key, id: keyId(key), record: rec, group, listKey: 'docs' };
        }
      }
      return;
    }
    case 'parts': {
      // {b2b:[{stin, rtin, inv:[...]}], b2c:[{stin, pos, rt...}], b2ca:[{pos, posItms:[...]}]...}
      if (!isObject(value)) return;
      for (const [part, { list }] of Object.entries(layout.parts)) {
        const entries = value[part];
        if (!Array.isArray(entries)) continue;
        for (const g of entries) {
          if (!isObject(g)) continue;
          if (!list) {
            const key = documentKey(section, g, { part });
            yield { section, key, id: keyId(key), record: g, group: {}, listKey: part };
            continue;
          }
          const group = without(g, list);
          const from: { -readonly [P in keyof DocKey]?: DocKey[P] } = { part };
          if (str(g.stin)) from.stin = str(g.stin);
          if (str(g.rtin)) from.ctin = str(g.rtin);
          if (str(g.pos)) from.pos = str(g.pos);
          const docs = g[list];
          if (!Array.isArray(docs)) continue;
          for (const rec of docs) {
            if (!isObject(rec)) continue;
            const key = documentKey(section, rec, from);
            yield { section, key, id: keyId(key), record: rec, group, listKey: list };
          }
        }
      }
      return;
    }
    case 'eco': {
      if (!isObject(value)) return;
      for (const part of layout.parts) {
        const rows = value[part];
        if (!Array.isArray(rows)) continue;
        for (const rec of rows) {
          if (!isObject(rec)) continue;
          const key = documentKey(section, rec, { part });
          yield { section, key, id: keyId(key), record: rec, group: {}, listKey: part };
        }
      }
      return;
    }
  }
}

/** The key of one record, with what the group supplies (ctin, pos, exp_typ, hsn tab, doc_num). */
export function documentKey(section: string, r: Obj, from: Partial<DocKey>): DocKey {
  const k: { -readonly [P in keyof DocKey]?: DocKey[P] } = { section, ...from };
  const set = <P extends keyof DocKey>(p: P, v: DocKey[P] | undefined) => {
    if (v !== undefined && v !== '') k[p] = v;
  };
  if (k.pos === undefined) set('pos', str(r.pos));
  set('ctin', k.ctin ?? str(r.ctin) ?? str(r.rtin));
  if (k.stin === undefined) set('stin', str(r.stin));
  set('typ', str(r.typ));
  set('splyTy', str(r.sply_ty));
  set('etin', str(r.etin));
  set('omon', str(r.omon));
  set('inum', str(r.inum));
  set('oinum', str(r.oinum));
  set('idt', str(r.idt));
  set('ntNum', str(r.nt_num));
  set('ontNum', str(r.ont_num));
  set('ntty', str(r.ntty));
  const diff = num(r.diff_percent);
  if (diff !== undefined) k.diffPercent = diff;
  if (section === 'hsn') {
    set('hsn', str(r.hsn_sc));
    set('uqc', str(r.uqc));
    set('rt', num(r.rt));
  } else if (section === 'b2cs' || section === 'ecom') {
    set('rt', num(r.rt));
  } else if (section === 'doc_issue') {
    set('from', str(r.from));
    set('to', str(r.to));
  }
  const rates = itemRates(r);
  if (rates.length) k.rates = rates;
  return k as DocKey;
}

const lc = (s: string | undefined) => (s ?? '').trim().toLowerCase();

/** The identity of a record within its section (what "the same document" means for a save). */
export function keyId(k: DocKey): string {
  const parts: (string | number | undefined)[] = [k.section];
  switch (k.section) {
    case 'b2b':
    case 'b2ba':
      parts.push(lc(k.ctin), lc(k.inum), lc(k.oinum));
      break;
    case 'cdnr':
    case 'cdnra':
      parts.push(lc(k.ctin), lc(k.ntNum), lc(k.ontNum));
      break;
    case 'b2cl':
    case 'b2cla':
      parts.push(k.pos, lc(k.inum), lc(k.oinum));
      break;
    case 'exp':
    case 'expa':
      parts.push(lc(k.expTyp), lc(k.inum), lc(k.oinum));
      break;
    case 'cdnur':
    case 'cdnura':
      parts.push(lc(k.ntNum), lc(k.ontNum));
      break;
    case 'b2cs':
    case 'b2csa':
      parts.push(k.omon, k.pos, k.rt ?? (k.rates ?? []).join('+'), lc(k.typ), lc(k.etin), k.diffPercent);
      break;
    case 'at':
    case 'ata':
    case 'txpd':
    case 'txpda':
      parts.push(k.omon, k.pos, k.diffPercent);
      break;
    case 'nil':
      parts.push(lc(k.splyTy));
      break;
    case 'hsn':
      parts.push(k.part, lc(k.hsn), lc(k.uqc), k.rt);
      break;
    case 'doc_issue':
      parts.push(k.docNum, lc(k.from), lc(k.to));
      break;
    case 'ecom':
    case 'ecoma':
      parts.push(k.part, lc(k.stin), lc(k.ctin), lc(k.inum), k.pos, k.omon, k.rt);
      break;
    default:
      parts.push(k.part, k.omon, lc(k.etin));
  }
  return parts.map((p) => (p === undefined ? '' : String(p))).join('|');
}

/**
 * keyId(documentKey(section, doc, { [groupKey]: groupValue })) of a document in a grouped section
 * (b2b, cdnr, b2cl, exp and their amendments), without the key object: the page's totals take an
 * id of each of a large return's hundreds of thousands of documents, and making the key was most
 * of their time. undefined for another section. A test holds the two equal.
 */
export function groupedDocumentId(section: string, groupValue: string | undefined, doc: Obj): string | undefined {
  const layout = layoutOf(section);
  return layout?.kind === 'grouped' ? `${groupIdPart(section, groupValue, doc)}|${ownIdPart(layout, doc)}` : undefined;
}

type GroupedLayout = Extract<Layout, { kind: 'grouped' }>;

/** the field of the original's number, beside a grouped layout's `number` */
const ORIGINAL: Readonly<Record<GroupedLayout['number'], string>> = { inum: 'oinum', nt_num: 'ont_num' };

/** a document's own part of its id: its number and the original's, without case */
const ownIdPart = (layout: GroupedLayout, doc: Obj): string => `${lc(str(doc[layout.number]))}|${lc(str(doc[ORIGINAL[layout.number]]))}`;

/** groupedDocumentId's first part, the group's: `${group}|${own}` is the id */
function groupIdPart(section: string, groupValue: string | undefined, doc: Obj): string {
  switch (section) {
    case 'b2cl':
    case 'b2cla':
      return `${section}|${groupValue ?? str(doc.pos) ?? ''}`;
    case 'exp':
    case 'expa':
      return `${section}|${lc(groupValue)}`;
    default:
      return `${section}|${lc(groupValue ?? str(doc.ctin) ?? str(doc.rtin))}`;
  }
}

/**
 * eachRecordOf for one group of a grouped section (a b2b recipient with its invoices, a b2cl
 * place, an export type), its ids given in two parts: the group's, the same for all its documents
 * when the group has its value (as a mapper's groups do), and each document's own. The id is
 * `${group}|${own}`, groupedDocumentId's. False, with nothing given, for any other element.
 */
export function eachGroupedRecord(section: string, part: string, element: unknown, each: (group: string, own: string, record: Obj) => void): boolean {
  const layout = layoutOf(section);
  if (layout?.kind !== 'grouped' || part !== '' || !isObject(element)) return false;
  const list = element[layout.listKey];
  if (!Array.isArray(list)) return true;
  const gv = str(element[layout.groupField]);
  let group: string | undefined;
  for (const doc of list) {
    if (!isObject(doc)) continue;
    group = gv === undefined || group === undefined ? groupIdPart(section, gv, doc) : group;
    each(group, ownIdPart(layout, doc), doc);
  }
  return true;
}

/**
 * Each record of one payload element (a b2b recipient, an HSN row, the nil object...) with its
 * id, as walkRecords gives them for a payload holding that element: `part` is '' in an array
 * section, the part's name in an object one.
 */
export function eachRecordOf(section: string, part: string, element: unknown, each: (id: string, record: Obj) => void): void {
  if (eachGroupedRecord(section, part, element, (group, own, doc) => each(`${group}|${own}`, doc))) return;
  const layout = layoutOf(section);
  // a grouped section's element that is not an object holds no record
  if (!layout || (layout.kind === 'grouped' && part === '')) return;
  for (const e of walkSection(section, layout, part === '' ? [element] : { [part]: [element] })) each(e.id, e.record);
}

/** A short human description of a key, for messages: `b2b 27AAAAA1111A1Z1 INV-7`. */
export function describeKey(k: DocKey): string {
  const bits: string[] = [k.section || 'return'];
  if (k.part && k.part !== 'data') bits.push(k.part);
  for (const v of [k.stin, k.ctin, k.expTyp, k.omon, k.inum ?? k.ntNum, k.hsn, k.uqc]) if (v) bits.push(v);
  if (k.section === 'b2cs' || k.section === 'at' || k.section === 'txpd' || k.section === 'ata' || k.section === 'txpda' || k.section === 'b2csa' || k.section === 'b2cl') {
    if (k.pos) bits.push(`POS ${k.pos}`);
  }
  if (k.splyTy && k.section === 'nil') bits.push(k.splyTy);
  if (k.rt !== undefined) bits.push(`${k.rt}%`);
  else if (k.rates?.length && k.section !== 'b2b' && k.section !== 'cdnr') bits.push(k.rates.map((r) => `${r}%`).join('/'));
  if (k.docNum !== undefined) bits.push(`doc ${k.docNum}${k.from ? ` ${k.from}-${k.to ?? ''}` : ''}`);
  return bits.join(' ');
}

/**
 * Rebuilds section JSON from entries (the reverse of walkRecords), in the payload's shapes; the
 * hook may decorate each group or record (the emulator adds error_cd/error_msg).
 */
export function buildSections(entries: Iterable<RecordEntry>): Obj {
  const out: Obj = {};
  const grouped = new Map<string, Map<string, { group: Obj; list: Obj[] }>>();
  for (const e of entries) {
    const layout = layoutOf(e.section);
    if (!layout) continue;
    switch (layout.kind) {
      case 'flat':
        ((out[e.section] ??= []) as Obj[]).push(e.record);
        break;
      case 'grouped':
      case 'doc': {
        let sec = grouped.get(e.section);
        if (!sec) grouped.set(e.section, (sec = new Map()));
        const gk = JSON.stringify(e.group ?? {});
        let g = sec.get(gk);
        if (!g) sec.set(gk, (g = { group: e.group ?? {}, list: [] }));
        g.list.push(e.record);
        break;
      }
      case 'nil': {
        const o = (out.nil ??= { inv: [] }) as { inv: Obj[] };
        o.inv.push(e.record);
        break;
      }
      case 'hsn': {
        const o = (out.hsn ??= {}) as Record<string, Obj[]>;
        (o[e.key.part ?? 'data'] ??= []).push(e.record);
        break;
      }
      case 'eco': {
        const o = (out[e.section] ??= {}) as Record<string, Obj[]>;
        (o[e.key.part ?? layout.parts[0]!] ??= []).push(e.record);
        break;
      }
      case 'parts':
        addToPart((out[e.section] ??= {}) as Record<string, Obj[]>, e, e.record);
        break;
    }
  }
  for (const [section, groups] of grouped) {
    const layout = layoutOf(section)!;
    if (layout.kind === 'grouped') {
      out[section] = [...groups.values()].map((g) => ({ ...g.group, [layout.listKey]: g.list }));
    } else {
      out[section] = { doc_det: [...groups.values()].map((g) => ({ ...g.group, docs: g.list })) };
    }
  }
  return out;
}

/**
 * A Table 15 record back into its part: flat parts list it, grouped parts list it under the group
 * it came from (one group per supplier and recipient, or per POS). `record` may be decorated.
 */
export function addToPart(sectionJson: Record<string, Obj[]>, e: RecordEntry, record: Obj, groupExtra: Obj = {}): void {
  const part = e.key.part ?? '';
  const list = (sectionJson[part] ??= []);
  if (e.listKey === part || !e.listKey) {
    list.push(record);
    return;
  }
  const head = { ...(e.group ?? {}), ...groupExtra };
  const hk = JSON.stringify(head);
  let g = list.find((x) => JSON.stringify(without(x, e.listKey!)) === hk);
  if (!g) list.push((g = { ...head, [e.listKey]: [] }));
  (g[e.listKey] as Obj[]).push(record);
}
