/**
 * Matching a sheet's header row to a register layout, and the "did you mean" candidates when a
 * field's column cannot be found. Headers are compared by `headerKey` (no case, spaces or
 * punctuation), so "Voucher No." matches "VOUCHER NO" and "DocumentNumber" matches "Document Number".
 * Where two fields' names are one `headerKey` ("IGST %", the IGST rate, and "IGST", its amount), a
 * header is read as the field it spells with its "%" (see `fieldsOf`).
 */
import { distance, type ColumnRef } from '../parsers/headers.js';
import { cellText, type RawCell } from '../parsers/raw.js';
import { REGISTER_FIELDS, REQUIRED_FIELDS, headerKey, registerFieldSpec, type RegisterField } from './fields.js';
import type { RegisterLayout } from './layouts.js';

export type RegisterColumns = Partial<Record<RegisterField, ColumnRef>>;

export interface LayoutMatch {
  readonly layout: RegisterLayout;
  /** the column read for each field found, by the layout's headers or (for a field they leave without one) its alternates */
  readonly columns: RegisterColumns;
  /** required fields with no column */
  readonly missing: readonly RegisterField[];
  /** headers of the row that carry no field and are not known to the layout */
  readonly unknown: readonly ColumnRef[];
  /** headers the layout knows and does not read (Tally's Narration, a second name of a field found) */
  readonly ignored: readonly ColumnRef[];
  /**
   * those of `ignored` that are another name of a field read from another column (ERPNext's
   * "Customer Name" beside "Customer"), with the field; none for a name of two fields both found
   * ("IGST" beside "IGST Rate" and "IGST Amount")
   */
  readonly seconds: readonly { readonly ref: ColumnRef; readonly field?: RegisterField }[];
  /** the same header as a field's column, again: not read */
  readonly duplicates: readonly { readonly field: RegisterField; readonly first: ColumnRef; readonly second: ColumnRef }[];
  /** fields found by the layout's own headers (`columns`, not `alternates`): what layouts are ranked by */
  readonly matched: number;
  /** signature headers found */
  readonly signature: number;
  /** every required field found and enough of the signature */
  readonly complete: boolean;
}

type Names = RegisterLayout['columns'];

/**
 * A layout's header names (its `columns` or its `alternates`): by `headerKey`, the fields named so,
 * in REGISTER_FIELDS order (two where "IGST %" and "IGST" are one key); by `strictKey`, the first
 * field named exactly so.
 */
interface Lookup {
  readonly loose: ReadonlyMap<string, readonly RegisterField[]>;
  readonly strict: ReadonlyMap<string, RegisterField>;
}
const LOOKUPS = new WeakMap<Names, Lookup>();

/** `headerKey` with "%" kept: "IGST %" and "IGST%" are one strict key, "IGST" another. */
function strictKey(h: string): string {
  return h.toLowerCase().replace(/\*+\s*$/, '').replace(/[^a-z0-9%]/g, '');
}

function lookupFor(names: Names): Lookup {
  let m = LOOKUPS.get(names);
  if (!m) {
    const loose = new Map<string, RegisterField[]>();
    const strict = new Map<string, RegisterField>();
    for (const field of REGISTER_FIELDS) {
      for (const h of names[field] ?? []) {
        const k = headerKey(h);
        if (!k) continue;
        const fields = loose.get(k) ?? [];
        if (!fields.includes(field)) fields.push(field);
        loose.set(k, fields);
        if (!strict.has(strictKey(h))) strict.set(strictKey(h), field);
      }
    }
    m = { loose, strict };
    LOOKUPS.set(names, m);
  }
  return m;
}

/**
 * The fields a header may carry, the likeliest first: none, one, or where two fields' names
 * share its `headerKey`, the field one of whose names it spells exactly ("%" kept: "IGST" is the
 * amount, "IGST %" the rate), then the others that can carry it (`canCarry`: "IGST %" is no
 * amount), in REGISTER_FIELDS order. A header that spells none of them exactly keeps today's
 * reading (the first field) first.
 */
function fieldsOf(lookup: Lookup, header: string): readonly RegisterField[] {
  const fields = lookup.loose.get(headerKey(header)) ?? [];
  if (fields.length < 2) return fields;
  const exact = lookup.strict.get(strictKey(header));
  const first = exact !== undefined && fields.includes(exact) ? [exact] : [];
  const rest = fields.filter((f) => f !== exact && canCarry(header, f));
  return first.length || rest.length ? [...first, ...rest] : fields.slice(0, 1);
}

/**
 * The field each header of a row is read as. A header that can carry one field only carries it;
 * one that can carry two ("IGST": an amount by its spelling, or a rate) carries the likeliest that
 * no other header of the row carries alone (nor is `found` already): "IGST" beside "IGST Amount"
 * is the rate. When every field it can carry is taken so, it is `null`: a second name of fields found.
 */
function readHeaders(lookup: Lookup, refs: readonly ColumnRef[], found: readonly RegisterField[] = []): Map<number, RegisterField | null> {
  const candidates = refs.map((ref) => ({ ref, fields: fieldsOf(lookup, ref.header) }));
  const alone = new Set([...found, ...candidates.filter((c) => c.fields.length === 1).map((c) => c.fields[0]!)]);
  const out = new Map<number, RegisterField | null>();
  for (const { ref, fields } of candidates) {
    if (fields.length === 1) out.set(ref.col, fields[0]!);
    else if (fields.length > 1) out.set(ref.col, fields.find((f) => !alone.has(f)) ?? null);
  }
  return out;
}

/** The header texts of a row, with their 1-based columns (blank cells left out). */
export function headerCells(cells: readonly RawCell[]): ColumnRef[] {
  const out: ColumnRef[] = [];
  cells.forEach((c, i) => {
    const t = cellText(c).trim();
    if (t) out.push({ header: t, col: i + 1 });
  });
  return out;
}

export function matchLayout(layout: RegisterLayout, cells: readonly RawCell[]): LayoutMatch {
  const lookup = lookupFor(layout.columns);
  const ignore = new Set((layout.ignore ?? []).map(headerKey));
  const sig = new Set(layout.signature.map(headerKey));
  const columns: RegisterColumns = {};
  let unknown: ColumnRef[] = [];
  const ignored: ColumnRef[] = [];
  const seconds: { ref: ColumnRef; field?: RegisterField }[] = [];
  const duplicates: { field: RegisterField; first: ColumnRef; second: ColumnRef }[] = [];
  let matched = 0;
  let signature = 0;
  const refs = headerCells(cells);
  const fields = readHeaders(lookup, refs);
  for (const ref of refs) {
    const k = headerKey(ref.header);
    if (sig.has(k)) {
      signature++;
      sig.delete(k);
    }
    const field = fields.get(ref.col);
    if (field === null) {
      // "IGST" beside "IGST Rate" and "IGST Amount": a second name of fields found
      ignored.push(ref);
      seconds.push({ ref });
      continue;
    }
    const first = field && columns[field];
    if (field && !first) {
      columns[field] = ref;
      matched++;
    } else if (field && first && headerKey(first.header) === k) duplicates.push({ field, first, second: ref });
    // another of the field's names (ERPNext's "Customer" and "Customer Name"): the first is read
    else if (field) {
      ignored.push(ref);
      seconds.push({ ref, field });
    } else if (ignore.has(k)) ignored.push(ref);
    else unknown.push(ref);
  }
  const missing = REQUIRED_FIELDS.filter((f) => !columns[f]);
  const complete = missing.length === 0 && signature >= layout.minSignature;
  if (layout.alternates) unknown = readAlternates(lookupFor(layout.alternates), unknown, columns, duplicates);
  return { layout, columns, missing, unknown, ignored, seconds, duplicates, matched, signature, complete };
}

/**
 * Gives each field the layout's own headers left without a column the first header among the
 * unknown ones that is an alternate spelling of it; returns the headers still unknown. The same
 * alternate twice is a duplicate, as the same header is; any other header of a field already
 * found stays unknown, as it was before the layout read alternates. Nothing here counts towards
 * recognising the layout (missing, matched, signature are settled before).
 */
function readAlternates(
  lookup: Lookup, unknown: readonly ColumnRef[], columns: RegisterColumns,
  duplicates: { field: RegisterField; first: ColumnRef; second: ColumnRef }[],
): ColumnRef[] {
  const byAlternate = new Set<RegisterField>();
  const still: ColumnRef[] = [];
  const fields = readHeaders(lookup, unknown, Object.keys(columns) as RegisterField[]);
  for (const ref of unknown) {
    const k = headerKey(ref.header);
    const field = fields.get(ref.col) ?? undefined;
    const first = field && columns[field];
    if (field && !first) {
      columns[field] = ref;
      byAlternate.add(field);
    } else if (field && first && byAlternate.has(field) && headerKey(first.header) === k) duplicates.push({ field, first, second: ref });
    else still.push(ref);
  }
  return still;
}

/**
 * The complete match with the most fields (then the most signature headers), if any; a fallback
 * layout (the generic one) only when no other is complete.
 */
export function bestLayout(layouts: readonly RegisterLayout[], cells: readonly RawCell[]): LayoutMatch | undefined {
  return bestOf(layouts.filter((l) => !l.fallback), cells) ?? bestOf(layouts.filter((l) => l.fallback), cells);
}

function bestOf(layouts: readonly RegisterLayout[], cells: readonly RawCell[]): LayoutMatch | undefined {
  let best: LayoutMatch | undefined;
  for (const l of layouts) {
    const m = matchLayout(l, cells);
    if (!m.complete) continue;
    if (!best || m.matched > best.matched || (m.matched === best.matched && m.signature > best.signature)) best = m;
  }
  return best;
}

/** The match that came closest (for reporting why a header row was not taken). */
export function closestLayout(layouts: readonly RegisterLayout[], cells: readonly RawCell[]): LayoutMatch | undefined {
  let best: LayoutMatch | undefined;
  for (const l of layouts) {
    const m = matchLayout(l, cells);
    const score = (x: LayoutMatch) => x.matched * 10 + x.signature * 5 - x.missing.length * 100;
    if (!best || score(m) > score(best)) best = m;
  }
  return best;
}

/** Every header text a field is known by: its label, its synonyms, and the names the layouts give it. */
export function namesOf(field: RegisterField, layouts: readonly RegisterLayout[] = []): string[] {
  const spec = registerFieldSpec(field);
  const names = [spec.label, ...spec.synonyms];
  for (const l of layouts) names.push(...(l.columns[field] ?? []));
  return [...new Set(names)];
}

const AMOUNT_WORDS = /\b(amount|amt|value|total|tax|cess|igst|cgst|sgst|utgst)\b/;
const RATE_WORDS = /\b(rate|percent|percentage)\b|%/;
const ID_WORDS = /\b(gstin|uin|gst ?no|gst number|tax id)\b/;
/** an id header naming the e-commerce operator ("ECO GST No") is the operator's, not the recipient's */
const OPERATOR_WORDS = /\b(eco|ecom|ecomm|e commerce|ecommerce|operator)\b/;
const RATE_FIELDS: ReadonlySet<RegisterField> = new Set(['rate', 'igstRate', 'cgstRate', 'sgstRate', 'diffPercent']);
const ID_FIELDS: ReadonlySet<RegisterField> = new Set(['ctin', 'etin', 'stin']);

/**
 * Whether a header can carry a field at all, whatever its spelling: a header naming a GSTIN is
 * an id, never an amount (and the operator's when it names the e-commerce operator); an amount is never a rate ("CGST Amount" beside "CGST Rate"); a rate
 * or percentage is never an amount.
 */
export function canCarry(header: string, field: RegisterField): boolean {
  const t = ` ${header.toLowerCase().replace(/[^a-z0-9%]+/g, ' ')} `;
  const kind = registerFieldSpec(field).kind;
  if (ID_WORDS.test(t)) return ID_FIELDS.has(field) && (field === 'etin' || !OPERATOR_WORDS.test(t));
  if (ID_FIELDS.has(field)) return false;
  const rateish = RATE_WORDS.test(t);
  const amountish = /\b(amount|amt)\b/.test(t);
  if (RATE_FIELDS.has(field)) return !amountish;
  if (kind === 'money') return !rateish || AMOUNT_WORDS.test(t.replace(RATE_WORDS, ' ')) && /\b(amount|amt|value)\b/.test(t);
  return true;
}

/**
 * Whether a header is one of a field's names with its "%" (or without it) as the name has it:
 * "IGST" is the IGST amount's name exactly and the IGST rate's ("IGST %") only once "%" is dropped,
 * where `fieldDistance` puts both at 0.
 */
export function spellsName(header: string, field: RegisterField, layouts: readonly RegisterLayout[] = []): boolean {
  const k = strictKey(header);
  return namesOf(field, layouts).some((n) => strictKey(n) === k);
}

/** How far a header is from a field's names (0 = one of them exactly, after normalising). */
export function fieldDistance(header: string, field: RegisterField, layouts: readonly RegisterLayout[] = []): number {
  const k = headerKey(header);
  let best = Infinity;
  if (!canCarry(header, field)) return best;
  for (const n of namesOf(field, layouts)) {
    const nk = headerKey(n);
    if (!nk) continue;
    let d = distance(k, nk);
    // "Invoice No" in "Invoice No (Original)": containment is a strong hint
    if (d > 0 && nk.length >= 4 && k.length >= 4 && (k.includes(nk) || nk.includes(k))) d = Math.min(d, 1 + Math.abs(k.length - nk.length) / 4);
    if (d < best) best = d;
  }
  return best;
}

/** A distance small enough to call the header a likely spelling of the field. */
export function closeEnough(header: string, d: number): boolean {
  return d <= Math.max(2, Math.floor(headerKey(header).length / 3));
}

/**
 * The headers of a row closest to a field, best first: the plausible spellings (at most `n`);
 * when there is none and `any` is set, the single closest header.
 */
export function candidatesFor(field: RegisterField, headers: readonly ColumnRef[], layouts: readonly RegisterLayout[] = [], n = 3, any = false): ColumnRef[] {
  const ranked = headers.map((h) => ({ h, d: fieldDistance(h.header, field, layouts) })).sort((a, b) => a.d - b.d);
  const plausible = ranked.filter((x) => closeEnough(x.h.header, x.d)).slice(0, n);
  return (plausible.length || !any ? plausible : ranked.slice(0, 1)).map((x) => x.h);
}

/** The fields closest to a header, best first (only those about as close as the closest). */
export function fieldsNear(header: string, layouts: readonly RegisterLayout[] = [], n = 3): RegisterField[] {
  const near = REGISTER_FIELDS
    .map((f) => ({ f, d: fieldDistance(header, f, layouts) }))
    .filter((x) => closeEnough(header, x.d))
    .sort((a, b) => a.d - b.d);
  const best = near[0]?.d ?? 0;
  return near.filter((x) => x.d <= best + 1).slice(0, n).map((x) => x.f);
}
