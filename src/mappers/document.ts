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
import { at, isBlankCell, type ParsedRow } from '../parsers/rows.js';
import { amt, paise, toPortalDate } from './convert.js';
import { DocumentStore, type GivenTax, type Item } from './document-store.js';
import type { KeyTable } from '../model/key-table.js';
import type { DocumentSchema, MapContext, SectionBuilder, SectionMapper, SectionOutput, SheetRow } from './types.js';
import type { ReturnContext } from '../model/return.js';
import { noTaxType } from '../model/no-tax.js';
import { givesTax, taxCell } from '../model/given-tax.js';

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

/**
 * A way to find a section's document valid against the schema from the store, without its JSON
 * (document-shortcut.ts); undefined when the schema is not the one it was written for. Given to one
 * section's mapper, not on its spec: a spec spread into another (b2ba from b2b) would take it along.
 */
export type Shortcut = (store: DocumentStore, spec: DocumentSectionSpec, numbers: KeyTable, schema: DocumentSchema) => ((id: number) => boolean) | undefined;

export function documentMapper(spec: DocumentSectionSpec, shortcut?: Shortcut): SectionMapper {
  return {
    key: spec.key,
    sheets: [spec.sheet],
    create: (ctx) => new DocumentBuilder(spec, ctx, shortcut),
    toRows: (json, ctx) => documentRows(spec, json, ctx),
    documents: {
      number: spec.number === 'ntNum' ? 'nt_num' : 'inum',
      ...(spec.group && spec.listKey ? { group: { jsonKey: spec.group.jsonKey, listKey: spec.listKey } } : {}),
    },
  };
}

/**
 * Keeps every document of the section compactly while rows stream: the document number in the
 * run's table of numbers (shared with the duplicate rules; compared without case, first spelling
 * kept), the rest in the section's document store (one record per document, one per item).
 */
class DocumentBuilder implements SectionBuilder {
  private readonly numbers: NumberSeries;
  /** this section's place among its series' sheets */
  private readonly member: number;
  private readonly store: DocumentStore;
  /** the mapping context's precheck of a document's JSON, for a grouped section (see Prechecks) */
  private readonly prechecks: Prechecks | undefined;

  constructor(
    private readonly spec: DocumentSectionSpec,
    private readonly ctx: MapContext,
    shortcut?: Shortcut,
  ) {
    this.store = new DocumentStore(spec.docFields);
    this.numbers = (ctx.documents ?? new DocumentNumbers()).of(spec.sheet)!;
    this.member = DOCUMENT_SERIES[spec.sheet]!.member;
    const check = spec.group && spec.listKey ? ctx.precheck?.(spec.key, spec.listKey) : undefined;
    const sure = check?.schema && shortcut?.(this.store, spec, this.numbers.keys, check.schema);
    this.prechecks = check ? new Prechecks(check, (id) => documentJson(spec, ctx, this.doc(id)), sure) : undefined;
  }

  add(row: ParsedRow): boolean {
    const v = row.values;
    const given = givesTax(v);
    const num = v[this.spec.number] as string;
    const store = this.store;
    const key = this.numbers.intern(num);
    let id = this.numbers.document(key, this.member);
    if (id < 0) {
      id = store.create(key, row.row, v, (f) => isBlankCell(row, f));
      this.numbers.setDocument(key, this.member, id);
      this.prechecks?.created(id);
    } else {
      this.prechecks?.changed(id);
      const differs = store.mismatch(id, v);
      if (differs) {
        this.ctx.findings.push({
          code: 'DOC_FIELD_MISMATCH', severity: 'error', ...at(row, differs.field),
          params: { document: num, firstRow: store.firstRow(id), expected: shown(differs.field, differs.kept) },
        });
        return false;
      }
      if (this.partlyGiven(id, row, given)) return false;
    }
    const item = store.addItem(id, v.rt!, v.txval ?? 0, v.csamt ?? 0);
    if (given) store.addTax(item, v);
    return true;
  }

  /**
   * A line summed into an item whose other lines gave their tax amounts while this one leaves them
   * blank, or the reverse: the item's tax would be understated (or overstated) without a word. A
   * supply without payment of tax writes 0 either way (RET191150 judges what was given).
   */
  private partlyGiven(id: number, row: ParsedRow, given: boolean): boolean {
    const v = row.values;
    const store = this.store;
    if (!given && !store.anyTaxGiven) return false;
    const item = store.itemAt(id, v.rt!);
    if (item < 0 || store.taxGiven(item) === given || noTaxType(v)) return false;
    this.ctx.findings.push({
      code: 'DOC_TAX_PARTLY_GIVEN', severity: 'error', ...at(row, taxCell(v)),
      params: { document: v[this.spec.number] as string, rate: v.rt!, given: given ? 'this' : 'other' },
    });
    return true;
  }

  private doc(id: number): Doc {
    // plain stores, not a computed key in a literal (a runtime call per document), into an object
    // with room for every field (see DocFields)
    const first = new DocFields() as Record<string, unknown>;
    first[this.spec.number] = this.numbers.keys.key(this.store.numberId(id));
    this.store.fieldsOf(id, first);
    return { first: first as Values, items: this.store.itemsOf(id) };
  }

  build(): SectionOutput | undefined {
    const count = this.store.count;
    if (count === 0) return undefined;
    const { spec, ctx } = this;
    const toJson = (id: number) => documentJson(spec, ctx, this.doc(id));
    if (!spec.group) return { kind: 'array', items: mapIter(range(count), toJson) };
    const { keys, members } = this.store.groupBy(spec.group.field);
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
        ...(this.prechecks ? { passed: (id: number) => this.prechecks!.passed(id) } : {}),
      },
    };
  }
}

interface Doc {
  first: Values;
  items: Item[];
}

/**
 * Documents checked while rows stream, LAG documents behind the newest: the lines of a document
 * usually come together, so by then it is complete. One that gets a line after its check is
 * marked unchecked again, so `passed` is what checking it at the end would say (its JSON depends
 * on its own lines only); one that failed is left for the end to spell out.
 */
class Prechecks {
  private state = new Uint8Array(1024);

  constructor(
    private readonly check: (json: unknown) => boolean,
    private readonly json: (id: number) => unknown,
    /** true: the document is certainly valid, found without its JSON (false: ask `check`) */
    private readonly sure: ((id: number) => boolean) | undefined,
  ) {}

  created(id: number): void {
    if (id >= this.state.length) {
      const grown = new Uint8Array(this.state.length * 2);
      grown.set(this.state);
      this.state = grown;
    }
    const due = id - PRECHECK_LAG;
    if (due >= 0 && this.state[due] === UNCHECKED && (this.sure?.(due) || this.check(this.json(due)))) this.state[due] = PASSED;
  }

  /** a line added to document `id`: a check already made no longer holds */
  changed(id: number): void {
    if (this.state[id] === PASSED) this.state[id] = CHANGED;
  }

  passed(id: number): boolean {
    return this.state[id] === PASSED;
  }
}

const PRECHECK_LAG = 256;
const UNCHECKED = 0;
const PASSED = 1;
/** a line came after the document passed: checked again at the end only */
const CHANGED = 2;

/**
 * A document's fields while its JSON is built (twice per document: the schema check, the payload).
 * Instances of a class get room for their fields inside the object once V8 has seen a few; a `{}`
 * has room for four and grows a side array for the rest, about 7 % of the JSON's building time.
 */
class DocFields {}

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
      itms[i] = givenItem(spec, i, it, it.given, txval, noTax);
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
 * An item whose tax amounts were given: written as they are, heads exactly as given, so a JSON
 * read through to-excel comes back the same and the rules judge its amounts. A supply without
 * payment of tax (SEWOP, WOPAY, EXPWOP) keeps its heads at 0, cess included, as the computed
 * item does: the portal takes nothing else, and RET191150 reports any amount that was given.
 */
function givenItem(spec: DocumentSectionSpec, i: number, it: Item, g: GivenTax, txval: number, noTax: boolean): Record<string, unknown> {
  const mag = noTax ? () => 0 : (x: number) => amt(spec.positive ? Math.abs(x) : x);
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
    // a document without items has no row: the JSON's check reports it (JSON_NO_ITEMS)
    for (const it of Array.isArray(doc.itms) ? (doc.itms as Record<string, unknown>[]) : []) {
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
