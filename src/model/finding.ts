/**
 * A finding is data: a stable code, a severity, where it is, and the parameters its message
 * needs. Wording lives in one catalogue (src/report/messages.ts), never here.
 */

export type Severity = 'error' | 'warning';

/** Where a finding points: a file, and when known a sheet, the spreadsheet's own row and a column. */
export interface Location {
  readonly file: string;
  /** sheet name as in the workbook; for a CSV, the file's section (e.g. `b2b`) */
  readonly sheet?: string;
  /** Excel row number; for a CSV the line number with the header as line 1 */
  readonly row?: number;
  /** header text as it appears in the file */
  readonly column?: string;
  /** 1-based column index, for annotating the cell */
  readonly col?: number;
}

export type Params = Readonly<Record<string, string | number | boolean | undefined>>;

export interface Finding extends Partial<Location> {
  readonly code: string;
  readonly severity: Severity;
  /** the offending cell value as read (text) */
  readonly value?: string;
  readonly params?: Params;
  /** portal findings carry the portal's own message text */
  readonly portalMessage?: string;
  /** the finding came back from the portal and matched no source row */
  readonly unmatched?: boolean;
}

/** Collects findings; rules and parsers push into one. */
export interface FindingSink {
  push(f: Finding): void;
}

export class FindingList implements FindingSink {
  readonly items: Finding[] = [];
  errors = 0;
  warnings = 0;
  push(f: Finding): void {
    this.items.push(f);
    if (f.severity === 'error') this.errors++;
    else this.warnings++;
  }
}
