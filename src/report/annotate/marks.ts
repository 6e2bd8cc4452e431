/**
 * Findings indexed by where they point: input file → sheet → row → column → finding indexes.
 * A finding with a row but no column marks the row's first cell. Findings marked `unmatched`
 * (portal errors that matched no source row) and findings without a row point at no cell.
 */
import { host } from '../../parsers/host/source.js';
import type { Finding } from '../../model/finding.js';
import { MAX_COLS, MAX_ROWS } from './names.js';

/** row → column → indexes into the findings list */
export type SheetMarks = Map<number, Map<number, number[]>>;

export interface FileMarks {
  /** by the sheet name the findings use */
  readonly sheets: Map<string, SheetMarks>;
  /** the sheet names findings use, most used first (for a CSV, its section name) */
  readonly sheetNames: string[];
}

export function fileKey(file: string): string {
  return host().resolve(file);
}

export function indexFindings(findings: readonly Finding[]): Map<string, FileMarks> {
  const byFile = new Map<string, FileMarks>();
  const nameCounts = new Map<string, Map<string, number>>();
  findings.forEach((f, i) => {
    if (!f.file) return;
    const key = fileKey(f.file);
    let fm = byFile.get(key);
    if (!fm) {
      fm = { sheets: new Map(), sheetNames: [] };
      byFile.set(key, fm);
      nameCounts.set(key, new Map());
    }
    if (f.sheet !== undefined) {
      const counts = nameCounts.get(key)!;
      counts.set(f.sheet, (counts.get(f.sheet) ?? 0) + 1);
    }
    // rows a sales register derived (HSN summary, documents issued) have no cell in the file
    if (f.unmatched || f.sheet === undefined || f.sheet.endsWith('(derived)') || !isRow(f.row)) return;
    const col = f.col === undefined ? 1 : f.col;
    if (!Number.isInteger(col) || col < 1 || col > MAX_COLS) return;
    let sm = fm.sheets.get(f.sheet);
    if (!sm) fm.sheets.set(f.sheet, (sm = new Map()));
    let rm = sm.get(f.row);
    if (!rm) sm.set(f.row, (rm = new Map()));
    const list = rm.get(col);
    if (list) list.push(i);
    else rm.set(col, [i]);
  });
  for (const [key, fm] of byFile) {
    const counts = nameCounts.get(key)!;
    fm.sheetNames.push(...[...counts.entries()].sort((a, b) => b[1] - a[1]).map(([n]) => n));
  }
  return byFile;
}

function isRow(r: number | undefined): r is number {
  return r !== undefined && Number.isInteger(r) && r >= 1 && r <= MAX_ROWS;
}

/** The marks for one workbook sheet: by exact name, else ignoring case and outer spaces. */
export function marksForSheet(fm: FileMarks | undefined, sheet: string): SheetMarks | undefined {
  if (!fm) return undefined;
  const exact = fm.sheets.get(sheet);
  if (exact) return exact;
  const want = sheet.trim().toLowerCase();
  for (const [name, m] of fm.sheets) if (name.trim().toLowerCase() === want) return m;
  return undefined;
}

/** All marks of a file in one sheet (a CSV has one sheet, whatever section name its findings use). */
export function mergedMarks(fm: FileMarks | undefined): SheetMarks | undefined {
  if (!fm || fm.sheets.size === 0) return undefined;
  if (fm.sheets.size === 1) return fm.sheets.values().next().value;
  const out: SheetMarks = new Map();
  for (const sm of fm.sheets.values()) {
    for (const [row, rm] of sm) {
      let orm = out.get(row);
      if (!orm) out.set(row, (orm = new Map()));
      for (const [col, list] of rm) orm.set(col, [...(orm.get(col) ?? []), ...list]);
    }
  }
  for (const rm of out.values()) for (const list of rm.values()) list.sort((a, b) => a - b);
  return out;
}
