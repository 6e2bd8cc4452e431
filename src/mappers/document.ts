/**
 * The engine behind every invoice- or note-shaped section (b2b, b2cl, cdnr, cdnur, exp and their
 * amendments): lines of one document are grouped into one document, lines with the same rate are
 * summed into one item (never overwritten), tax is computed per item after summing, and
 * documents are grouped under their top-level key (recipient, POS, export type).
 */
import { FIELD_KINDS, type Field, type FieldValues } from '../model/fields.js';
import { DOCUMENT_SERIES, DocumentNumbers, type NumberSeries } from '../model/document-numbers.js';
import { formatPaise, taxHead } from '../model/money.js';
import type { SectionKey, SheetId } from '../model/sheets.js';
import { defaultFor } from '../parsers/coerce.js';
import { isBlank } from '../parsers/raw.js';
import { at, type ParsedRow } from '../parsers/rows.js';
import { Interner, RecordStore } from '../model/columns.js';
import { amt, paise, toPortalDate } from './convert.js';
import type { MapContext, ReturnContext, SectionBuilder, SectionMapper, SectionOutput, SheetRow } from './types.js';

type Values = Partial<FieldValues>;

export interface DocumentSectionSpec {
  readonly key: SectionKey;
  readonly sheet: SheetId;
  /** field holding the document number (unique within the section, case-insensitive) */
  readonly number: 'inum' | 'ntNum';
  /** fields every line of a document must agree on */
  readonly docFields: readonly Field[];
  /** top-level grouping: JSON key and field (b2b: ctin), and the key of the documents list */
  readonly group?: { readonly jsonKey: string; readonly field: Field };
  /** key of the documents list inside a group (`inv`, `nt`) */
  readonly listKey?: string;
  /** item shape: `{num, itm_det:{...}}` or flat `{txval, rt, iamt, csamt}` (exp) */
  readonly itemStyle: 'wrapped' | 'flat';
  /**
   * credit/debit notes: the portal takes every amount as positive (the note type says credit or
   * debit), so item sums are written as magnitudes; docJson does the same for `val`
   */
  readonly positive?: boolean;
  /** how a document is taxed: inter-State (IGST) or not, and whether it carries no tax at all */
  tax(ctx: ReturnContext, v: Values): { inter: boolean; noTax: boolean };
  /** the document's JSON fields other than items (and the group key) */
  docJson(v: Values): Record<string, unknown>;
  /** reverse of docJson: document JSON (and its group key value) → row values */
  docValues(doc: Record<string, unknown>, groupValue: string | undefined): Values;
}

export function documentMapper(spec: DocumentSectionSpec): SectionMapper {
  return {
    key: spec.key,
    sheets: [spec.sheet],
    create: (ctx) => new DocumentBuilder(spec, ctx),
    toRows: (json, ctx) => documentRows(spec, json, ctx),
  };
}

/** Amounts are stored as numbers; everything else (strings, rates, percentages) is interned. */
const STORED_AS_NUMBERS = new Set(['money']);

/** int slots of a document record after its interned fields */
const FIRST_ROW = 0;
/** the newest item: items are linked newest first, and read back in reverse */
const ITEM_HEAD = 1;
/** the document number's id in its series */
const NUMBER = 2;
const OWN_SLOTS = 3;
/** slots of an item record: floats, then the int */
const TXVAL = 0;
const CSAMT = 1;
/** tax amounts as given (a JSON's, through to-excel's columns); NaN: none given, computed */
const IAMT = 2;
const CAMT = 3;
const SAMT = 4;
const HEADS = [['iamt', IAMT], ['camt', CAMT], ['samt', SAMT]] as const;
/** the rate, interned */
const RT = 0;
const NEXT = 1;

/**
 * Where a document-level field is kept: a float slot (an amount) or an int slot with its interner.
 * A field with a default (reverse charge N, 100 %) is kept as absent when the first line left it
 * blank, so a message quotes that line as it was typed.
 */
type FieldSlot = { readonly field: Field; readonly slot: number; readonly interner?: Interner; readonly dflt?: unknown };

/**
 * Keeps every document of the section compactly while rows stream: the document number in the
 * run's table of numbers (shared with the duplicate rules; compared without case, first spelling
 * kept), the document-level fields in one fixed-size record per document, and one item record
 * per rate, linked from the document.
 */
class DocumentBuilder implements SectionBuilder {
  private readonly numbers: NumberSeries;
  /** this section's place among its series' sheets */
  private readonly member: number;
  private readonly fields: FieldSlot[];
  /** int slot where FIRST_ROW, ITEM_HEAD and NUMBER start */
  private readonly own: number;
  private readonly docs: RecordStore;
  private readonly items = new RecordStore(5, 2);
  private readonly rates = new Interner<number>();

  constructor(
    private readonly spec: DocumentSectionSpec,
    private readonly ctx: MapContext,
  ) {
    let floats = 0;
    let ints = 0;
    this.fields = spec.docFields.map((field) => {
      if (STORED_AS_NUMBERS.has(FIELD_KINDS[field])) return { field, slot: floats++ };
      const dflt = defaultFor(field);
      return { field, slot: ints++, interner: new Interner(), ...(dflt !== undefined ? { dflt } : {}) };
    });
    this.own = ints;
    this.docs = new RecordStore(floats, ints + OWN_SLOTS);
    this.numbers = (ctx.documents ?? new DocumentNumbers()).of(spec.sheet)!;
    this.member = DOCUMENT_SERIES[spec.sheet]!.member;
  }

  /** the value of a document-level field as it was first given */
  private kept(id: number, f: FieldSlot): unknown {
    if (f.interner) return f.interner.value(this.docs.int(id, f.slot));
    const x = this.docs.float(id, f.slot);
    return Number.isNaN(x) ? undefined : x;
  }

  add(row: ParsedRow): boolean {
    const v = row.values;
    const num = v[this.spec.number] as string;
    const docs = this.docs;
    const key = this.numbers.intern(num);
    let id = this.numbers.document(key, this.member);
    if (id < 0) {
      id = docs.push();
      this.numbers.setDocument(key, this.member, id);
      docs.setInt(id, this.own + NUMBER, key);
      docs.setInt(id, this.own + FIRST_ROW, row.row);
      for (const f of this.fields) {
        let x = v[f.field];
        if (f.dflt !== undefined && x === f.dflt && blankCell(row, f.field)) x = undefined;
        if (f.interner) docs.setInt(id, f.slot, f.interner.id(x as string | number | undefined));
        else if (x !== undefined) docs.setFloat(id, f.slot, x as number);
      }
    } else {
      for (const f of this.fields) {
        const kept = this.kept(id, f);
        const now = v[f.field];
        if (now !== kept && now !== (kept ?? f.dflt)) {
          this.ctx.findings.push({
            code: 'DOC_FIELD_MISMATCH', severity: 'error', ...at(row, f.field),
            params: { document: num, firstRow: docs.int(id, this.own + FIRST_ROW), expected: shown(f.field, kept) },
          });
          return false;
        }
      }
    }
    const i = this.addItem(id, v.rt!, v.txval ?? 0, v.csamt ?? 0);
    if (v.iamt !== undefined || v.camt !== undefined || v.samt !== undefined) this.addTax(i, v);
    return true;
  }

  /** Lines with the same rate are summed into one item, never overwritten; the item's record. */
  private addItem(id: number, rt: number, txval: number, csamt: number): number {
    const { docs, items, own } = this;
    const rate = this.rates.id(rt);
    const head = docs.int(id, own + ITEM_HEAD);
    for (let i = head; i >= 0; i = items.int(i, NEXT)) {
      if (items.int(i, RT) === rate) {
        items.setFloat(i, TXVAL, items.float(i, TXVAL) + txval);
        items.setFloat(i, CSAMT, items.float(i, CSAMT) + csamt);
        return i;
      }
    }
    const i = items.push();
    items.setInt(i, RT, rate);
    items.setFloat(i, TXVAL, txval);
    items.setFloat(i, CSAMT, csamt);
    items.setFloat(i, IAMT, NaN);
    items.setFloat(i, CAMT, NaN);
    items.setFloat(i, SAMT, NaN);
    items.setInt(i, NEXT, head);
    docs.setInt(id, own + ITEM_HEAD, i);
    return i;
  }

  /** Tax amounts given on the line are summed as they are (the JSON's own figures). */
  private addTax(i: number, v: Values) {
    const items = this.items;
    for (const [field, slot] of HEADS) {
      const x = v[field];
      if (x === undefined) continue;
      const kept = items.float(i, slot);
      items.setFloat(i, slot, (Number.isNaN(kept) ? 0 : kept) + x);
    }
  }

  private doc(id: number): Doc {
    // plain stores, not a computed key in a literal (a runtime call per document)
    const first: Record<string, unknown> = {};
    first[this.spec.number] = this.numbers.keys.key(this.docs.int(id, this.own + NUMBER));
    const fields = this.fields;
    for (let c = 0; c < fields.length; c++) {
      const f = fields[c]!;
      const x = this.kept(id, f) ?? f.dflt;
      if (x !== undefined) first[f.field] = x;
    }
    const items: Item[] = [];
    const store = this.items;
    for (let i = this.docs.int(id, this.own + ITEM_HEAD); i >= 0; i = store.int(i, NEXT)) {
      const given = given3(store.float(i, IAMT), store.float(i, CAMT), store.float(i, SAMT));
      items.push({ rt: this.rates.value(store.int(i, RT))!, txval: store.float(i, TXVAL), csamt: store.float(i, CSAMT), ...(given ? { given } : {}) });
    }
    items.reverse(); // in the order their rates first came
    return { first: first as Values, items };
  }

  build(): SectionOutput | undefined {
    const count = this.docs.length;
    if (count === 0) return undefined;
    const { spec, ctx } = this;
    const toJson = (id: number) => documentJson(spec, ctx, this.doc(id));
    if (!spec.group) return { kind: 'array', items: mapIter(range(count), toJson) };
    const g = this.fields.find((f) => f.field === spec.group!.field)!;
    const { keys, members } = groupDocuments(g.interner!, (id) => this.docs.int(id, g.slot), count);
    const { jsonKey } = spec.group;
    const listKey = spec.listKey!;
    return {
      kind: 'array',
      splitKey: listKey,
      items: mapIter(
        keys.map((g, k) => [g, k] as const),
        ([g, k]) => ({ [jsonKey]: g, [listKey]: Array.from(members(k), toJson) }),
      ),
      documents: {
        count,
        json: toJson,
        headers: () => mapIter(keys, (g) => ({ [jsonKey]: g, [listKey]: [] })),
        members,
      },
    };
  }
}

/**
 * The documents of each group (b2b: each recipient) in order of first appearance, without a list
 * per group: the document ids are sorted by group into one integer array (a counting sort).
 */
function groupDocuments(
  interner: Interner,
  refOf: (id: number) => number,
  count: number,
): { keys: string[]; members: (k: number) => Int32Array } {
  const keys: string[] = [];
  const byKey = new Map<string, number>();
  // group of each stored value (index ref + 1; 0 is "absent", which groups with the empty text as
  // String() made it), found when a document first shows it, so groups keep that order
  const values = interner.distinct();
  const groupOfRef = new Int32Array(values.length + 1).fill(-1);
  const groupOf = new Int32Array(count);
  const sizes: number[] = [];
  for (let id = 0; id < count; id++) {
    const r = refOf(id) + 1;
    let k = groupOfRef[r]!;
    if (k < 0) {
      const key = String(r === 0 ? '' : values[r - 1]);
      k = byKey.get(key) ?? -1;
      if (k < 0) {
        k = keys.push(key) - 1;
        byKey.set(key, k);
        sizes.push(0);
      }
      groupOfRef[r] = k;
    }
    groupOf[id] = k;
    sizes[k]!++;
  }
  const starts = new Int32Array(keys.length + 1);
  for (let k = 0; k < keys.length; k++) starts[k + 1] = starts[k]! + sizes[k]!;
  const fill = starts.slice(0, keys.length);
  const ids = new Int32Array(count);
  for (let id = 0; id < count; id++) ids[fill[groupOf[id]!]!++] = id;
  return { keys, members: (k) => ids.subarray(starts[k]!, starts[k + 1]!) };
}

interface Item {
  rt: number;
  txval: number;
  csamt: number;
  /** tax amounts as given, in paise (a head not given is undefined) */
  given?: GivenTax;
}

interface GivenTax {
  iamt?: number;
  camt?: number;
  samt?: number;
}

function given3(iamt: number, camt: number, samt: number): GivenTax | undefined {
  if (Number.isNaN(iamt) && Number.isNaN(camt) && Number.isNaN(samt)) return undefined;
  return {
    ...(Number.isNaN(iamt) ? {} : { iamt }),
    ...(Number.isNaN(camt) ? {} : { camt }),
    ...(Number.isNaN(samt) ? {} : { samt }),
  };
}

interface Doc {
  first: Values;
  items: Item[];
}

function range(n: number): Iterable<number> {
  return {
    *[Symbol.iterator]() {
      for (let i = 0; i < n; i++) yield i;
    },
  };
}

function documentJson(spec: DocumentSectionSpec, ctx: ReturnContext, d: Doc): Record<string, unknown> {
  const { inter, noTax } = spec.tax(ctx, d.first);
  const diff = d.first.diffPercent ?? 100;
  const itms: Record<string, unknown>[] = new Array(d.items.length);
  // objects are written as literals of one shape each (no spreads): the schema check walks every
  // key of every document, and spread-built objects make that several times slower
  for (let i = 0; i < d.items.length; i++) {
    const it = d.items[i]!;
    const txval = spec.positive ? Math.abs(it.txval) : it.txval;
    if (it.given) {
      itms[i] = givenItem(spec, i, it, it.given, txval);
      continue;
    }
    // IGST, or each of CGST and SGST: what taxJson writes
    const tax = noTax ? 0 : amt(taxHead(txval, it.rt, inter, diff));
    const csamt = noTax ? 0 : amt(spec.positive ? Math.abs(it.csamt) : it.csamt);
    if (spec.itemStyle === 'flat') itms[i] = { txval: amt(txval), rt: it.rt, iamt: inter ? tax : 0, csamt };
    else if (inter) itms[i] = { num: i + 1, itm_det: { rt: it.rt, txval: amt(txval), iamt: tax, csamt } };
    else itms[i] = { num: i + 1, itm_det: { rt: it.rt, txval: amt(txval), camt: tax, samt: tax, csamt } };
  }
  // docJson gives a fresh object without `itms`: the items go last, as a spread would put them
  const json = spec.docJson(d.first);
  json.itms = itms;
  return json;
}

/**
 * An item whose tax amounts were given: written as they are, heads included exactly as given, so
 * a JSON read through to-excel comes back the same and the rules judge its amounts.
 */
function givenItem(spec: DocumentSectionSpec, i: number, it: Item, g: GivenTax, txval: number): Record<string, unknown> {
  const mag = (x: number) => amt(spec.positive ? Math.abs(x) : x);
  const heads: Record<string, number> = {};
  if (g.iamt !== undefined) heads.iamt = mag(g.iamt);
  if (g.camt !== undefined) heads.camt = mag(g.camt);
  if (g.samt !== undefined) heads.samt = mag(g.samt);
  const csamt = mag(it.csamt);
  if (spec.itemStyle === 'flat') return { txval: amt(txval), rt: it.rt, ...heads, csamt };
  return { num: i + 1, itm_det: { rt: it.rt, txval: amt(txval), ...heads, csamt } };
}

/** A coerced value as the user would recognise it in a message: amounts in rupees, dates dd-mm-yyyy. */
function shown(f: Field, v: unknown): string {
  if (v === undefined) return '';
  if (FIELD_KINDS[f] === 'money' && typeof v === 'number') return formatPaise(v);
  if (FIELD_KINDS[f] === 'date' && typeof v === 'string') return toPortalDate(v);
  return String(v);
}

/** The row left the field's cell blank (or has no such column). */
function blankCell(row: ParsedRow, field: Field): boolean {
  const col = row.ctx.columns[field];
  return !col || isBlank(row.cells[col.col - 1]);
}

/** A lazily mapped view that can be iterated again (the schema check and the writer both read it). */
function mapIter<T, U>(it: Iterable<T>, f: (t: T) => U): Iterable<U> {
  return {
    *[Symbol.iterator]() {
      for (const x of it) yield f(x);
    },
  };
}

function* documentRows(spec: DocumentSectionSpec, json: unknown, _ctx: ReturnContext): Generator<SheetRow> {
  if (!Array.isArray(json)) return;
  const emit = function* (doc: Record<string, unknown>, groupValue: string | undefined): Generator<SheetRow> {
    const base = spec.docValues(doc, groupValue);
    for (const it of (doc.itms as Record<string, unknown>[]) ?? []) {
      const det = (spec.itemStyle === 'wrapped' ? it.itm_det : it) as Record<string, number>;
      yield {
        sheet: spec.sheet,
        values: {
          ...base, rt: det.rt!, txval: paise(det.txval), ...(det.csamt ? { csamt: paise(det.csamt) } : {}),
          // the JSON's tax amounts, kept as they are (to-excel writes them in its tax columns)
          ...(det.iamt !== undefined ? { iamt: paise(det.iamt) } : {}),
          ...(det.camt !== undefined ? { camt: paise(det.camt) } : {}),
          ...(det.samt !== undefined ? { samt: paise(det.samt) } : {}),
        },
      };
    }
  };
  for (const entry of json as Record<string, unknown>[]) {
    if (spec.group) {
      const g = entry[spec.group.jsonKey] as string | undefined;
      for (const doc of (entry[spec.listKey!] as Record<string, unknown>[]) ?? []) yield* emit(doc, g);
    } else yield* emit(entry, undefined);
  }
}
