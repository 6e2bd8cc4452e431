/** Sheet names and cell addresses for the annotated workbook. */

/** Excel's limits. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
const MAX_SHEET_NAME = 31;

/** 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** `'b2b,sez,de'!D12`: always quoted, apostrophes doubled, as Excel writes references. */
export function sheetRef(sheet: string, row: number, col: number): string {
  return `'${sheet.replace(/'/g, "''")}'!${cellAddress(row, col)}`;
}

/** A name Excel accepts: no `[]:*?/\`, not blank, no leading/trailing apostrophe, at most 31 characters. */
export function cleanSheetName(name: string): string {
  let s = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim();
  if (!s) s = 'Sheet';
  return s.slice(0, MAX_SHEET_NAME);
}

/** Hands out sheet names that are unique ignoring case (as Excel requires), suffixing ` (2)`, ` (3)`... */
export class SheetNames {
  private readonly taken = new Set<string>();

  reserve(name: string): void {
    this.taken.add(name.toLowerCase());
  }

  unique(wanted: string): string {
    const base = cleanSheetName(wanted);
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    this.taken.add(name.toLowerCase());
    return name;
  }
}

export function xmlEscape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
