/**
 * The `Errors` sheet: a title row, a header row with an autofilter, and one row per finding
 * with a link to its cell. Written last (see writer-hooks.ts) and listed first.
 */
import type ExcelJS from 'exceljs';
import type { Finding } from '../../model/finding.js';
import { hintOf, messageOf } from '../messages/index.js';
import { MAX_ROWS, cellAddress, columnLetter, sheetRef } from './names.js';
import { ERROR_FILL, PLAIN, PLAIN_NUMBER, PLAIN_ROW, WARNING_FILL } from './style.js';
import { InternalLinks } from './writer-hooks.js';

export const ERRORS_SHEET = 'Errors';

/** Where a finding was placed in the copy. */
export interface CellLink {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

export interface ErrorsSheetInfo {
  readonly notes: number;
  readonly maxNotes: number;
  /** cells that got a fill but no note because of the cap */
  readonly notesSkipped: number;
}

export const COLUMNS: readonly { header: string; width: number }[] = [
  { header: 'Severity', width: 10 },
  { header: 'Code', width: 26 },
  { header: 'File', width: 28 },
  { header: 'Sheet', width: 16 },
  { header: 'Row', width: 8 },
  { header: 'Column', width: 24 },
  { header: 'Cell', width: 11 },
  { header: 'Value', width: 24 },
  { header: 'Message', width: 70 },
  { header: 'Hint', width: 60 },
];
export const LINK_COL = 7;
export const HEADER_ROW = 2;
/** Excel's most characters in a cell. */
const MAX_TEXT = 32_767;

const TITLE_STYLE: Partial<ExcelJS.Style> = { font: { bold: true, size: 12 } };
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } },
  border: { bottom: { style: 'thin' } },
};
const LINK_STYLE: Partial<ExcelJS.Style> = { font: { color: { argb: 'FF0563C1' }, underline: true } };
const UNMATCHED_STYLE: Partial<ExcelJS.Style> = { font: { italic: true, color: { argb: 'FF7F7F7F' } } };
const SEVERITY_STYLE = {
  error: { fill: ERROR_FILL } as Partial<ExcelJS.Style>,
  warning: { fill: WARNING_FILL } as Partial<ExcelJS.Style>,
};

/** Sets a cell unless the value is empty; unstyled cells share one empty style (see style.ts). */
function put(row: ExcelJS.Row, col: number, value: ExcelJS.CellValue | undefined, style?: Partial<ExcelJS.Style>): void {
  if (value === undefined || value === null || value === '') return;
  const cell = row.getCell(col);
  cell.value = value;
  cell.style = style ?? (typeof value === 'number' ? PLAIN_NUMBER : PLAIN);
}

/** Text cut to what a cell holds. */
export function text(s: string | undefined): string {
  if (!s) return '';
  return s.length > MAX_TEXT ? s.slice(0, MAX_TEXT - 1) + '…' : s;
}

export async function writeErrorsSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  findings: readonly Finding[],
  links: readonly (CellLink | undefined)[],
  info: ErrorsSheetInfo,
  tick: () => Promise<void>,
): Promise<ExcelJS.Worksheet> {
  const listed = Math.min(findings.length, MAX_ROWS - HEADER_ROW);
  const ws = wb.addWorksheet(ERRORS_SHEET, {
    // tabSelected is written by exceljs's SheetViewXform but missing from its typings
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, tabSelected: true } as Partial<ExcelJS.WorksheetView>],
    properties: { tabColor: { argb: 'FFFF0000' } },
  });
  ws.autoFilter = `A${HEADER_ROW}:${columnLetter(COLUMNS.length)}${HEADER_ROW + listed}`;
  COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  const internal = new InternalLinks(ws);

  const title = ws.getRow(1);
  const t = title.getCell(1);
  t.value = titleText(findings, info, listed);
  t.style = TITLE_STYLE;
  title.commit();

  const header = ws.getRow(HEADER_ROW);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.style = HEADER_STYLE;
  });
  header.commit();

  for (let i = 0; i < listed; i++) {
    const f = findings[i]!;
    const r = HEADER_ROW + 1 + i;
    const row = ws.getRow(r);
    (row as unknown as { style: Partial<ExcelJS.Style> }).style = PLAIN_ROW;
    put(row, 1, f.severity, SEVERITY_STYLE[f.severity] ?? PLAIN);
    put(row, 2, f.code);
    put(row, 3, text(f.file));
    put(row, 4, text(f.sheet));
    put(row, 5, f.row);
    put(row, 6, text(f.column ?? (f.col ? columnLetter(f.col) : undefined)));
    const link = links[i];
    if (link) {
      const address = cellAddress(link.row, link.col);
      const location = sheetRef(link.sheet, link.row, link.col);
      if (internal.installed) {
        put(row, LINK_COL, address, LINK_STYLE);
        internal.add(cellAddress(r, LINK_COL), location, address);
      } else {
        put(row, LINK_COL, { text: address, hyperlink: `#${location}` }, LINK_STYLE);
      }
    } else if (f.unmatched) {
      put(row, LINK_COL, 'unmatched', UNMATCHED_STYLE);
    }
    put(row, 8, text(f.value));
    put(row, 9, text(messageOf(f)));
    put(row, 10, text(hintOf(f)));
    row.commit();
    await tick();
  }
  return ws;
}

export function titleText(findings: readonly Finding[], info: ErrorsSheetInfo, listed: number): string {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  const warnings = findings.length - errors;
  const plural = (n: number, w: string) => `${n.toLocaleString('en-IN')} ${w}${n === 1 ? '' : 's'}`;
  const parts = [
    findings.length === 0
      ? 'No errors or warnings.'
      : `${plural(errors, 'error')} and ${plural(warnings, 'warning')}. Click a cell in the Cell column to go to it; the cell is filled red (error) or amber (warning) and its note explains the problem.`,
  ];
  if (info.notesSkipped > 0) {
    parts.push(
      `Notes were added to the first ${info.maxNotes.toLocaleString('en-IN')} cells only; ${plural(info.notesSkipped, 'more cell')} ${info.notesSkipped === 1 ? 'is' : 'are'} filled without a note, and every finding is listed here.`,
    );
  }
  if (listed < findings.length) {
    parts.push(`Only the first ${listed.toLocaleString('en-IN')} findings fit on this sheet.`);
  }
  return parts.join(' ');
}
