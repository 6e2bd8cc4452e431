/**
 * Where the findings land in an annotated copy written part by part (copy-xlsx.ts, copy-csv.ts):
 * each marked cell is filled, the first `maxNotes` of them (in tab, row, column order) get a
 * note, and every finding on a cell gets the Errors sheet's link to it.
 */
import type { Finding, Severity } from '../../model/finding.js';
import type { CellLink, ErrorsSheetInfo } from './errors-sheet.js';
import type { SheetMarks } from './marks.js';
import type { Note } from './notes-xml.js';
import { noteText } from './style.js';

/** Most cells given a note in the whole workbook; beyond it cells are only filled. */
export const DEFAULT_MAX_NOTES = 20_000;

export interface CopyCounts {
  notes: number;
  fills: number;
  unmatched: number;
}

export class Placement {
  readonly links: (CellLink | undefined)[];
  notes = 0;
  fills = 0;
  notesSkipped = 0;

  constructor(
    private readonly findings: readonly Finding[],
    readonly maxNotes: number,
  ) {
    this.links = new Array<CellLink | undefined>(findings.length);
  }

  /** Places the marks of the sheet `sheet` (its name in the copy); returns its notes, row by row. */
  place(sheet: string, marks: SheetMarks): Note[] {
    const notes: Note[] = [];
    for (const row of [...marks.keys()].sort((a, b) => a - b)) {
      const cols = marks.get(row)!;
      for (const col of [...cols.keys()].sort((a, b) => a - b)) {
        const idx = cols.get(col)!;
        this.fills++;
        if (this.notes < this.maxNotes) {
          this.notes++;
          notes.push({ row, col, text: noteText(idx.map((i) => this.findings[i]!)) });
        } else this.notesSkipped++;
        for (const i of idx) this.links[i] = { sheet, row, col };
      }
    }
    return notes;
  }

  /** The fill a marked cell shows: red when any of its findings is an error. */
  severity(idx: readonly number[]): Severity {
    return idx.some((i) => this.findings[i]!.severity === 'error') ? 'error' : 'warning';
  }

  /** What the Errors sheet's title says about the notes. */
  get info(): ErrorsSheetInfo {
    return { notes: this.notes, maxNotes: this.maxNotes, notesSkipped: this.notesSkipped };
  }

  counts(): CopyCounts {
    let unmatched = 0;
    for (let i = 0; i < this.findings.length; i++) if (!this.links[i]) unmatched++;
    return { notes: this.notes, fills: this.fills, unmatched };
  }
}
