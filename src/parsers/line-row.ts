/**
 * A CSV row read from quote-free text: its line, with its cells cut only when asked for. The
 * template reader (rows.ts) coerces such a row from the line itself, by where each cell starts,
 * so the cells of most rows are never cut: a string per cell, an array per row, and papaparse's
 * records, each made and collected for every row of a return, were a fifth of the reading.
 */
import type { RawCell, RawRow } from './raw.js';

export class LineRow implements RawRow {
  private cut: RawCell[] | undefined;

  constructor(
    readonly row: number,
    readonly line: string,
    private readonly delimiter: string,
  ) {}

  /** The line cut at every separator, an empty cell null: what papaparse's record of it gives (csv.ts). */
  get cells(): readonly RawCell[] {
    return (this.cut ??= cellsOf(this.line, this.delimiter));
  }

  /** Whether the cells were cut already (by a reader that needed them): then they are read, not the line. */
  get wasCut(): boolean {
    return this.cut !== undefined;
  }
}

export function cellsOf(line: string, delimiter: string): RawCell[] {
  const cells: RawCell[] = line.split(delimiter);
  for (let i = 0; i < cells.length; i++) if (cells[i] === '') cells[i] = null;
  return cells;
}

/**
 * Where each cell of a line starts, for a one-character separator: `starts[i]` for cell i, and
 * `starts[count]` one past the line's end, so cell i is `starts[i]` to `starts[i + 1] - 1`. One
 * instance is reused from line to line.
 */
export class LineCells {
  starts = new Int32Array(64);
  count = 0;
  line = '';

  cut(line: string, delimiter: string): void {
    this.line = line;
    let starts = this.starts;
    let n = 0;
    starts[0] = 0;
    // indexOf finds the next separator natively; a loop over charCodeAt was three times slower on sliced strings
    for (let at = line.indexOf(delimiter); at >= 0; at = line.indexOf(delimiter, at + 1)) {
      if (++n + 1 >= starts.length) {
        const grown = new Int32Array(starts.length * 2);
        grown.set(starts);
        this.starts = starts = grown;
      }
      starts[n] = at + 1;
    }
    starts[n + 1] = line.length + 1;
    this.count = n + 1;
  }

  /** Cell i's text (beyond the last cell, as papaparse's record reads: null); an empty cell is null. */
  cell(i: number): string | null {
    if (i >= this.count) return null;
    const s = this.starts[i]!;
    const e = this.starts[i + 1]! - 1;
    return s === e ? null : this.line.slice(s, e);
  }

  /** Whether every cell is blank (rows.ts allBlank). */
  allBlank(): boolean {
    for (let i = 0; i < this.count; i++) if (!this.blank(i)) return false;
    return true;
  }

  /** Whether the cells at these indexes are all blank (unread-row.ts holdsOnlyUnread). */
  allBlankAt(indexes: readonly number[]): boolean {
    for (let i = 0; i < indexes.length; i++) if (!this.blank(indexes[i]!)) return false;
    return true;
  }

  /** isBlank of cell i's text (raw.ts), without cutting it where its first character settles it. */
  blank(i: number): boolean {
    if (i >= this.count) return true;
    const s = this.starts[i]!;
    const e = this.starts[i + 1]! - 1;
    if (s === e) return true;
    // printable ASCII is never white space
    const c = this.line.charCodeAt(s);
    if (c > 0x20 && c < 0x7f) return false;
    return this.line.slice(s, e).trim() === '';
  }
}
