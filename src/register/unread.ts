/**
 * Columns of a register sheet that are not read, and whether they hold anything: no column with
 * data is left out without a word. Said once per column:
 *  - a field's header twice (two "Taxable Value" columns) is an error naming both, at the first
 *    row that fills the second (as a template sheet's is): which of them holds the figure cannot be
 *    known, and that cell is one to look at;
 *  - a column no field and no layout knows ("Freight") is a warning at the header row, when the
 *    sheet has been read; one holding buyers' GSTINs where no recipient GSTIN column is read is
 *    a warning at its first GSTIN instead, saying the sales were taken as unregistered
 *    (gstin-columns.ts);
 *  - a column the layout knows to carry nothing GSTR-1 needs (Tally's "Narration"), or a second
 *    name of a field it read (ERPNext's "Customer Name" beside "Customer"), is listed in the
 *    register summary instead: real exports have many, and a warning for each on every run
 *    would bury the warnings that matter. The two are listed apart: a second name is not
 *    "not needed", it names the column the field is read from;
 *  - a second name whose cell says something else than the column read, on a row where both are
 *    filled (Tally's "Voucher Date" 05-09-2025 beside "Date" 02-09-2025), is a warning at the first
 *    such cell: the return takes the column read, and the user may have meant the other. Cells are
 *    compared as read (so "Karnataka" and "29-Karnataka" agree); names and descriptions are not
 *    compared (ERPNext's "Customer" is an id, its "Customer Name" the name).
 * Blank columns are not mentioned.
 */
import type { Finding } from '../model/finding.js';
import type { ColumnRef } from '../parsers/headers.js';
import { cellText, isBlank, type RawRow } from '../parsers/raw.js';
import { coerceRegisterCell, translatedCell } from './coerce.js';
import { registerFieldSpec, type RegisterField } from './fields.js';
import { GstinColumns } from './gstin-columns.js';
import type { RegisterLayout } from './layouts.js';
import type { LayoutMatch } from './match.js';

type Unread =
  | { readonly kind: 'duplicate'; readonly ref: ColumnRef; readonly field: RegisterField; readonly first: ColumnRef }
  | { readonly kind: 'unknown' | 'ignored'; readonly ref: ColumnRef }
  /** another name of a field read from another column (`read`); no field: a name of two fields both read */
  | { readonly kind: 'second'; readonly ref: ColumnRef; readonly field?: RegisterField; readonly read?: ColumnRef };

export class UnreadColumns {
  /** columns not yet seen holding data */
  private pending: Unread[];
  private readonly filled: Unread[] = [];
  /** second names of a field whose cells are compared with the column read, until one differs */
  private watched: { readonly ref: ColumnRef; readonly field: RegisterField; readonly read: ColumnRef }[];
  private readonly layout: RegisterLayout;
  private readonly gstins: GstinColumns;

  /**
   * `reported`: columns already named by a finding at the header (a misspelt field name);
   * `own`: the filer's GSTIN (a column of it holds no buyer's)
   */
  constructor(
    match: LayoutMatch, reported: ReadonlySet<number>,
    private readonly place: { readonly file: string; readonly sheet: string; readonly headerRow: number },
    private readonly sink: { push(f: Finding): void },
    own: string,
  ) {
    this.gstins = new GstinColumns(match, reported, own.toUpperCase());
    this.pending = [
      ...match.duplicates.map((d): Unread => ({ kind: 'duplicate', ref: d.second, field: d.field, first: d.first })),
      ...match.unknown.filter((u) => !reported.has(u.col)).map((ref): Unread => ({ kind: 'unknown', ref })),
      ...match.ignored.map((ref): Unread => {
        const second = match.seconds.find((x) => x.ref.col === ref.col);
        if (!second) return { kind: 'ignored', ref };
        const read = second.field && match.columns[second.field];
        return { kind: 'second', ref, ...(second.field ? { field: second.field } : {}), ...(read ? { read } : {}) };
      }),
    ];
    this.layout = match.layout;
    this.watched = this.pending.flatMap((u) =>
      u.kind === 'second' && u.field && u.read && registerFieldSpec(u.field).kind !== 'text' ? [{ ref: u.ref, field: u.field, read: u.read }] : [],
    );
  }

  /** Notes the columns a data row fills; a second column of a field, filled here first, is reported at its cell. */
  see(raw: RawRow): void {
    this.gstins.see(raw);
    if (this.watched.length > 0) this.compare(raw);
    if (this.pending.length === 0) return;
    let i = 0;
    while (i < this.pending.length) {
      const u = this.pending[i]!;
      const cell = raw.cells[u.ref.col - 1];
      if (isBlank(cell)) {
        i++;
        continue;
      }
      this.pending.splice(i, 1);
      if (u.kind !== 'duplicate') {
        this.filled.push(u);
        continue;
      }
      const { file, sheet, headerRow } = this.place;
      this.sink.push({
        code: 'REGISTER_COLUMN_DUPLICATE', severity: 'error', file, sheet, row: raw.row, column: u.ref.header, col: u.ref.col, value: cellText(cell),
        params: { field: registerFieldSpec(u.field).label, first: u.first.header, firstCol: u.first.col, second: u.ref.header, secondCol: u.ref.col, headerRow },
      });
    }
  }

  /** A second name's cell against the column read, where both are filled: the first that differs is said. */
  private compare(raw: RawRow): void {
    this.watched = this.watched.filter((w) => {
      const other = raw.cells[w.ref.col - 1];
      const read = raw.cells[w.read.col - 1];
      if (isBlank(other) || isBlank(read)) return true;
      // as the reader reads a cell (coerceRegisterRow): the layout's own words translated first
      const a = coerceRegisterCell(w.field, translatedCell(w.field, read!, this.layout));
      const b = coerceRegisterCell(w.field, translatedCell(w.field, other!, this.layout));
      // a cell that cannot be read is said by the reader (the column read) or not at all (the other)
      if (!a.ok || !b.ok || JSON.stringify(a.value) === JSON.stringify(b.value)) return true;
      const { file, sheet } = this.place;
      this.sink.push({
        code: 'REGISTER_COLUMN_SECOND_DIFFERS', severity: 'warning', file, sheet, row: raw.row, column: w.ref.header, col: w.ref.col, value: cellText(other),
        params: { field: registerFieldSpec(w.field).label, read: w.read.header, readValue: cellText(read), other: w.ref.header },
      });
      return false;
    });
  }

  /**
   * One warning per column that held data, no field and no layout knows, at the header row (said
   * once the sheet has been read); at its first GSTIN for one that held buyers' GSTINs.
   */
  findings(): Finding[] {
    const { file, sheet, headerRow } = this.place;
    const ignored = this.sorted()
      .filter((u) => u.kind === 'unknown' && !this.gstins.holds(u.ref.col))
      .map((u): Finding => ({
        code: 'REGISTER_COLUMN_IGNORED', severity: 'warning', file, sheet, row: headerRow, column: u.ref.header, col: u.ref.col, params: { found: u.ref.header },
      }));
    return [...ignored, ...this.gstins.findings(this.place)].sort((a, b) => a.col! - b.col!);
  }

  /** The headers the layout ignores that held data, for the summary. */
  ignored(): string[] {
    return this.sorted().filter((u) => u.kind === 'ignored').map((u) => u.ref.header);
  }

  /** The second names of fields read from another column that held data, for the summary: the header, the field and the column read. */
  seconds(): { header: string; field?: string; read?: string }[] {
    return this.sorted().flatMap((u) =>
      u.kind === 'second'
        ? [{ header: u.ref.header, ...(u.field ? { field: registerFieldSpec(u.field).label } : {}), ...(u.read ? { read: u.read.header } : {}) }]
        : [],
    );
  }

  private sorted(): Unread[] {
    return [...this.filled].sort((a, b) => a.ref.col - b.ref.col);
  }
}
