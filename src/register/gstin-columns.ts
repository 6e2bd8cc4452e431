/**
 * Columns not read that hold recipients' GSTINs, in a register read without a recipient GSTIN
 * column ("Cust GST No" that no layout knows): every document of the sheet is then taken as one to
 * an unregistered recipient (b2cs, b2cl...), and the buyers lose the credit. Such a column is named
 * at its first GSTIN, with the number of rows holding one, instead of the generic "column not
 * read" (unread.ts). A value counts when it is a recipient id with a valid check character
 * (gstin.ts), not the filer's own GSTIN (a column of it says nothing about the buyers) nor an
 * e-commerce operator's TCS registration.
 */
import type { Finding } from '../model/finding.js';
import { isRecipientId, isTcsGstin } from '../model/gstin.js';
import type { ColumnRef } from '../parsers/headers.js';
import { cellText, type RawRow } from '../parsers/raw.js';
import type { LayoutMatch } from './match.js';

interface Watched {
  readonly ref: ColumnRef;
  first?: { readonly row: number; readonly value: string };
  rows: number;
}

export class GstinColumns {
  private readonly watched: Watched[];

  /**
   * Watches the columns no field and no layout knows, but those `reported` at the header (a
   * misspelt field name, "did you mean ctin"): a column is said once.
   */
  constructor(match: LayoutMatch, reported: ReadonlySet<number>, private readonly own: string) {
    this.watched = match.columns.ctin ? [] : match.unknown.filter((u) => !reported.has(u.col)).map((ref) => ({ ref, rows: 0 }));
  }

  see(raw: RawRow): void {
    for (const w of this.watched) {
      const text = cellText(raw.cells[w.ref.col - 1]).trim();
      const id = text.toUpperCase();
      if (!isRecipientId(id) || isTcsGstin(id) || id === this.own) continue;
      w.rows++;
      w.first ??= { row: raw.row, value: text };
    }
  }

  /** Whether the column held a buyer's GSTIN (and is said here, not as a column ignored). */
  holds(col: number): boolean {
    return this.watched.some((w) => w.ref.col === col && w.rows > 0);
  }

  /** One warning per such column, at its first GSTIN. */
  findings(place: { readonly file: string; readonly sheet: string; readonly headerRow: number }): Finding[] {
    const { file, sheet, headerRow } = place;
    return this.watched.flatMap((w): Finding[] =>
      w.first
        ? [{
            code: 'REGISTER_COLUMN_GSTIN_UNREAD', severity: 'warning', file, sheet, row: w.first.row, column: w.ref.header, col: w.ref.col,
            value: w.first.value, params: { found: w.ref.header, rows: w.rows, headerRow },
          }]
        : [],
    );
  }
}
