/** What both readers (xlsx, csv) produce: sheets of raw rows, streamed. */

export interface CellError {
  readonly error: string;
}

/** A cell as read: text, number, boolean, date, an Excel error (`#N/A`), or empty. */
export type RawCell = string | number | boolean | Date | CellError | null;

export interface RawRow {
  /** Excel row number, or CSV line number (header line = 1) */
  readonly row: number;
  /** index 0 = column A */
  readonly cells: readonly RawCell[];
}

export interface RawSheet {
  /** sheet name in the workbook; for a CSV, the file's base name */
  readonly name: string;
  readonly hidden: boolean;
  readonly rows: AsyncIterable<RawRow>;
}

export function isCellError(v: RawCell | undefined): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

/** A cell's text as the user would read it, for messages. */
export function cellText(v: RawCell | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  return String(v);
}

export function isBlank(v: RawCell | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}
