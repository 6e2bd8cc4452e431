/**
 * Columns of a register sheet that are not read, and whether they hold anything: no column with
 * data is left out without a word. Said once per column, when the sheet has been read:
 *  - a field's header twice (two "Taxable Value" columns) is an error naming both: which of
 *    them holds the figure cannot be known;
 *  - a column no field and no layout knows ("Freight") is a warning;
 *  - a column the layout knows to carry nothing GSTR-1 needs (Tally's "Narration"), or a second
 *    name of a field it read (ERPNext's "Customer Name" beside "Customer"), is listed in the
 *    register summary instead: real exports have many, and a warning for each on every run
 *    would bury the warnings that matter.
 * Blank columns are not mentioned.
 */
import type { Finding } from '../model/finding.js';
import type { ColumnRef } from '../parsers/headers.js';
import { isBlank, type RawCell } from '../parsers/raw.js';
import { registerFieldSpec, type RegisterField } from './fields.js';
import type { LayoutMatch } from './match.js';

type Unread =
  | { readonly kind: 'duplicate'; readonly ref: ColumnRef; readonly field: RegisterField; readonly first: ColumnRef }
  | { readonly kind: 'unknown' | 'ignored'; readonly ref: ColumnRef };

export class UnreadColumns {
  /** columns not yet seen holding data */
  private pending: Unread[];
  private readonly filled: Unread[] = [];

  /** `reported`: columns already named by a finding at the header (a misspelt field name) */
  constructor(match: LayoutMatch, reported: ReadonlySet<number>) {
    this.pending = [
      ...match.duplicates.map((d): Unread => ({ kind: 'duplicate', ref: d.second, field: d.field, first: d.first })),
      ...match.unknown.filter((u) => !reported.has(u.col)).map((ref): Unread => ({ kind: 'unknown', ref })),
      ...match.ignored.map((ref): Unread => ({ kind: 'ignored', ref })),
    ];
  }

  /** Notes the columns a data row fills. */
  see(cells: readonly RawCell[]): void {
    if (this.pending.length === 0) return;
    let i = 0;
    while (i < this.pending.length) {
      const u = this.pending[i]!;
      if (isBlank(cells[u.ref.col - 1])) i++;
      else {
        this.filled.push(u);
        this.pending.splice(i, 1);
      }
    }
  }

  /** One finding per column that held data and was not read (not those the layout ignores). */
  findings(place: { file: string; sheet: string; row: number }): Finding[] {
    const out: Finding[] = [];
    for (const u of this.sorted()) {
      if (u.kind === 'ignored') continue;
      const at = { ...place, column: u.ref.header, col: u.ref.col };
      if (u.kind === 'duplicate') {
        out.push({
          code: 'REGISTER_COLUMN_DUPLICATE', severity: 'error', ...at,
          params: { field: registerFieldSpec(u.field).label, first: u.first.header, firstCol: u.first.col, second: u.ref.header, secondCol: u.ref.col },
        });
      } else out.push({ code: 'REGISTER_COLUMN_IGNORED', severity: 'warning', ...at, params: { found: u.ref.header } });
    }
    return out;
  }

  /** The headers the layout ignores that held data, for the summary. */
  ignored(): string[] {
    return this.sorted().filter((u) => u.kind === 'ignored').map((u) => u.ref.header);
  }

  private sorted(): Unread[] {
    return [...this.filled].sort((a, b) => a.ref.col - b.ref.col);
  }
}
