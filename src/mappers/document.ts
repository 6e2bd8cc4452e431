/**
 * The engine behind every invoice- or note-shaped section (b2b, b2cl, cdnr, cdnur, exp and their
 * amendments): lines of one document are grouped into one document, lines with the same rate are
 * summed into one item (never overwritten), tax is computed per item after summing, and
 * documents are grouped under their top-level key (recipient, POS, export type).
 */
import type { Field, FieldValues } from '../model/fields.js';
import type { SectionKey, SheetId } from '../model/sheets.js';
import { at, type ParsedRow } from '../parsers/rows.js';
import { amt, paise, taxJson } from './convert.js';
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
  /** how a document is taxed: inter-State (IGST) or not, and whether it carries no tax at all */
  tax(ctx: ReturnContext, v: Values): { inter: boolean; noTax: boolean };
  /** the document's JSON fields other than items (and the group key) */
  docJson(v: Values): Record<string, unknown>;
  /** reverse of docJson: document JSON (and its group key value) → row values */
  docValues(doc: Record<string, unknown>, groupValue: string | undefined): Values;
}

interface Item {
  rt: number;
  txval: number;
  csamt: number;
}

interface Doc {
  first: Values;
  firstRow: number;
  items: Item[];
}

export function documentMapper(spec: DocumentSectionSpec): SectionMapper {
  return {
    key: spec.key,
    sheets: [spec.sheet],
    create: (ctx) => new DocumentBuilder(spec, ctx),
    toRows: (json, ctx) => documentRows(spec, json, ctx),
  };
}

class DocumentBuilder implements SectionBuilder {
  private readonly docs = new Map<string, Doc>();
  constructor(
    private readonly spec: DocumentSectionSpec,
    private readonly ctx: MapContext,
  ) {}

  add(row: ParsedRow): boolean {
    const v = row.values;
    const num = v[this.spec.number] as string;
    const key = num.toLowerCase();
    const rt = v.rt!;
    const txval = v.txval ?? 0;
    const csamt = v.csamt ?? 0;
    let doc = this.docs.get(key);
    if (!doc) {
      doc = { first: v, firstRow: row.row, items: [] };
      this.docs.set(key, doc);
    } else {
      for (const f of this.spec.docFields) {
        if (v[f] !== doc.first[f]) {
          this.ctx.findings.push({
            code: 'DOC_FIELD_MISMATCH', severity: 'error', ...at(row, f),
            params: { document: num, firstRow: doc.firstRow, expected: String(doc.first[f] ?? '') },
          });
          return false;
        }
      }
    }
    const item = doc.items.find((i) => i.rt === rt);
    if (item) {
      item.txval += txval;
      item.csamt += csamt;
    } else doc.items.push({ rt, txval, csamt });
    return true;
  }

  build(): SectionOutput | undefined {
    if (this.docs.size === 0) return undefined;
    const { spec, ctx } = this;
    const toJson = (d: Doc) => documentJson(spec, ctx, d);
    if (!spec.group) return { kind: 'array', items: mapIter(this.docs.values(), toJson) };
    const groups = new Map<string, Doc[]>();
    for (const d of this.docs.values()) {
      const g = String(d.first[spec.group.field] ?? '');
      let list = groups.get(g);
      if (!list) groups.set(g, (list = []));
      list.push(d);
    }
    const { jsonKey } = spec.group;
    const listKey = spec.listKey!;
    return {
      kind: 'array',
      splitKey: listKey,
      items: mapIter(groups, ([g, docs]) => ({ [jsonKey]: g, [listKey]: docs.map(toJson) })),
    };
  }
}

function documentJson(spec: DocumentSectionSpec, ctx: ReturnContext, d: Doc): Record<string, unknown> {
  const { inter, noTax } = spec.tax(ctx, d.first);
  const diff = d.first.diffPercent ?? 100;
  const itms = d.items.map((it, i) => {
    const tax = taxJson(it.txval, it.rt, inter, diff, noTax);
    const csamt = noTax ? 0 : amt(it.csamt);
    if (spec.itemStyle === 'flat') return { txval: amt(it.txval), rt: it.rt, iamt: tax.iamt ?? 0, csamt };
    const det = { rt: it.rt, txval: amt(it.txval), ...tax, csamt };
    return { num: i + 1, itm_det: det };
  });
  return { ...spec.docJson(d.first), itms };
}

function* mapIter<T, U>(it: Iterable<T>, f: (t: T) => U): Generator<U> {
  for (const x of it) yield f(x);
}

function* documentRows(spec: DocumentSectionSpec, json: unknown, _ctx: ReturnContext): Generator<SheetRow> {
  if (!Array.isArray(json)) return;
  const emit = function* (doc: Record<string, unknown>, groupValue: string | undefined): Generator<SheetRow> {
    const base = spec.docValues(doc, groupValue);
    for (const it of (doc.itms as Record<string, unknown>[]) ?? []) {
      const det = (spec.itemStyle === 'wrapped' ? it.itm_det : it) as Record<string, number>;
      yield {
        sheet: spec.sheet,
        values: { ...base, rt: det.rt!, txval: paise(det.txval), ...(det.csamt ? { csamt: paise(det.csamt) } : {}) },
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
