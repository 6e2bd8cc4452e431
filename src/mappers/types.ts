/** The contract every section mapper meets; the registry (registry.ts) lists one per JSON section. */
import type { DocumentNumbers } from '../model/document-numbers.js';
import type { FieldValues } from '../model/fields.js';
import type { FindingSink } from '../model/finding.js';
import type { ReturnContext } from '../model/return.js';
import type { SectionKey, SheetId } from '../model/sheets.js';
import type { ParsedRow } from '../parsers/rows.js';

export interface MapContext extends ReturnContext {
  readonly findings: FindingSink;
  /** the run's document numbers, shared with the rules; a builder made without one keeps its own */
  readonly documents?: DocumentNumbers;
  /** a judgment of one document's JSON a rule offers to have made while rows stream (DocumentPrecheck) */
  readonly precheck?: DocumentPrecheck;
}

/**
 * A rule's check of one document of a grouped section (its JSON as `GroupedDocuments.json` gives
 * it), offered to the mappers so it is made while rows stream rather than all at the end: the
 * thread that maps has time to spare while the rows are read. Undefined: no such check for this
 * section and list.
 */
export type DocumentPrecheck = (section: SectionKey, listKey: string) => DocumentCheck | undefined;

/** A rule's verdict on one document's JSON, and the schema it judges by when that is a schema. */
export interface DocumentCheck {
  (json: unknown): boolean;
  /** for a mapper's shortcut that must agree with the check (document-shortcut.ts) */
  readonly schema?: DocumentSchema;
}

/** The JSON schema a document is checked against: its definitions, and a validator of any of them. */
export interface DocumentSchema {
  /** the document's definition, as a JSON pointer into the schema (/definitions/b2bInvoice) */
  readonly pointer: string;
  readonly definitions: Readonly<Record<string, unknown>>;
  /** the validator of the definition `name` */
  validator(name: string): (value: unknown) => boolean;
}

/**
 * A section's JSON value, produced lazily: an array section yields its top-level groups
 * (b2b: one per recipient); an object section (nil, hsn, doc_issue, supeco) has named lists.
 */
export type SectionOutput =
  | { readonly kind: 'array'; readonly items: Iterable<unknown>; readonly splitKey?: string; readonly documents?: GroupedDocuments }
  | { readonly kind: 'object'; readonly parts: Readonly<Record<string, readonly unknown[]>> };

/**
 * The documents of a grouped section (b2b...) by themselves, for checks that look at one document
 * at a time: in storage order they are read from consecutive memory, while `items` reads them
 * group by group. Group k of `items` is `{[groupKey]: headers[k] key, [splitKey]: members(k) as JSON}`.
 */
export interface GroupedDocuments {
  /** documents are 0 … count - 1 */
  readonly count: number;
  /** document `id` as `items` writes it */
  json(id: number): unknown;
  /** each group's own keys, its list of documents empty, in the order of `items` */
  headers(): Iterable<Record<string, unknown>>;
  /** the documents of group k, in their order in the group */
  members(k: number): ArrayLike<number>;
  /**
   * Whether document `id` passed the mapping context's precheck and has not changed since (false
   * also when it was not checked, or failed it: then it is to be checked again).
   */
  passed?(id: number): boolean;
}

export interface SectionBuilder {
  /** Adds one parsed row; false when the row is rejected (a finding says why). */
  add(row: ParsedRow): boolean;
  /** The section's JSON, or undefined when it has nothing to report. */
  build(): SectionOutput | undefined;
}

/** A row of a template sheet, produced from JSON by `toRows` (the reverse direction). */
export interface SheetRow {
  readonly sheet: SheetId;
  readonly values: Partial<FieldValues>;
}

export interface SectionMapper {
  readonly key: SectionKey;
  /** template sheets that feed this section */
  readonly sheets: readonly SheetId[];
  create(ctx: MapContext): SectionBuilder;
  /** JSON of this section → template rows, so that JSON → workbook → JSON is lossless */
  toRows(json: unknown, ctx: ReturnContext): Iterable<SheetRow>;
  /** invoice- and note-shaped sections: how their documents sit in the JSON */
  readonly documents?: DocumentNesting;
}

/** Where a section's documents are in its JSON: their number's key, and the group they are listed in. */
export interface DocumentNesting {
  /** JSON key of the document number */
  readonly number: 'inum' | 'nt_num';
  /** grouped sections (b2b: `[{ctin, inv: [...]}]`): the group's key and its list's key */
  readonly group?: { readonly jsonKey: string; readonly listKey: string };
}
