/** What both readers (xlsx, csv) produce: sheets of raw rows, streamed. */

export interface CellError {
  readonly error: string;
  /** a formula cell saved without its result (written by a script, never calculated) */
  readonly uncalculated?: true;
}

/** A cell as read: text, number, boolean, date, an Excel error (`#N/A`), or empty. */
export type RawCell = string | number | boolean | Date | CellError | null;

export interface RawRow {
  /** Excel row number, or CSV record number (header = 1; a quoted line break makes a record of two lines) */
  readonly row: number;
  /** index 0 = column A */
  readonly cells: readonly RawCell[];
  /**
   * A CSV row's line as read (line endings made LF), where its cells are that line cut at every
   * separator (no quotes in its batch): rows cross threads as this text (row-ship.ts).
   */
  readonly line?: string;
}

export interface RawSheet {
  /** sheet name in the workbook; for a CSV, the file's base name */
  readonly name: string;
  readonly hidden: boolean;
  /** a CSV's separator */
  readonly delimiter?: string;
  readonly rows: AsyncIterable<RawRow>;
  /**
   * The same rows in batches as the reader produces them (one parsed chunk), for callers that
   * iterate synchronously within a batch. Read `rows` or `batches`, not both.
   */
  readonly batches?: AsyncIterable<readonly RawRow[]>;
}

/** The rows of a batch stream, one by one. */
export async function* rowsOf(batches: AsyncIterable<readonly RawRow[]>): AsyncGenerator<RawRow> {
  for await (const batch of batches) for (const row of batch) yield row;
}

export function isCellError(v: RawCell | undefined): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

/** The finding for a cell that holds no usable value: an Excel error, or a formula never calculated. */
export function cellErrorFinding(v: CellError): [code: string, params: Record<string, string>] {
  return v.uncalculated ? ['CELL_FORMULA_NO_VALUE', {}] : ['CELL_EXCEL_ERROR', { error: v.error }];
}

/** A cell's text as the user would read it, for messages. */
export function cellText(v: RawCell | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  return String(v);
}

export function isBlank(v: RawCell | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  // printable ASCII is never white space: no need to trim
  const c = v.charCodeAt(0);
  if (c > 0x20 && c < 0x7f) return false;
  return v.trim() === '';
}
