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
  /** portal findings carry the portal's own message text ('' when it gave none), and so are told apart */
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

/**
 * The findings in the order a reader works through them: by input file (in the order given), by
 * sheet (in the order read), then by row; findings of the whole return (no file) last. A row's
 * findings keep the order they were made in (the cell's reading, then the rules as listed), as
 * do a sheet's own (no row) ahead of its rows.
 */
export function byPlace(findings: readonly Finding[], files: readonly string[], sheets: readonly { readonly file: string; readonly sheet: string }[]): readonly Finding[] {
  const fileRank = new Map<string, number>();
  for (const f of files) if (!fileRank.has(f)) fileRank.set(f, fileRank.size);
  const sheetRank = new Map<string, Map<string | undefined, number>>();
  let nextSheet = 0;
  const rankSheet = (file: string, sheet: string | undefined): number => {
    let inFile = sheetRank.get(file);
    if (!inFile) sheetRank.set(file, (inFile = new Map()));
    let r = inFile.get(sheet);
    if (r === undefined) inFile.set(sheet, (r = sheet === undefined ? -1 : nextSheet++));
    return r;
  };
  for (const s of sheets) rankSheet(s.file, s.sheet);
  // one number per key and finding (no object per finding): a return with every row wrong has as many findings as rows
  const n = findings.length;
  const fileKey = new Float64Array(n);
  const sheetKey = new Float64Array(n);
  const rowKey = new Float64Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const f = findings[i]!;
    if (f.file === undefined) {
      fileKey[i] = sheetKey[i] = Number.MAX_SAFE_INTEGER;
    } else {
      let r = fileRank.get(f.file);
      if (r === undefined) fileRank.set(f.file, (r = fileRank.size));
      fileKey[i] = r;
      sheetKey[i] = rankSheet(f.file, f.sheet);
    }
    rowKey[i] = f.row ?? -1;
    if (sorted && i > 0 && compare(i - 1, i) > 0) sorted = false;
  }
  if (sorted) return findings;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => compare(a, b) || a - b);
  return order.map((i) => findings[i]!);

  function compare(a: number, b: number): number {
    return fileKey[a]! - fileKey[b]! || sheetKey[a]! - sheetKey[b]! || rowKey[a]! - rowKey[b]!;
  }
}
