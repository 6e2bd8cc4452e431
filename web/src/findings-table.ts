/**
 * A finding as a row of the page's findings tables: the check's own, and the one under an upload
 * or status through gstr1 serve (what stopped the upload, what the portal refused). The same
 * columns in both: severity, place, row, column, value, what is wrong, how to fix it, code.
 */
import type { ReportRow } from '../../src/report/findings-data.js';

/** Rows drawn at most; the CSV or the annotated workbook has them all. */
export const MAX_SHOWN = 2000;

/** Where a finding is: its sheet, and its file when the findings come from several files (two b2b CSVs are two places). */
export function placeOf(f: { readonly file: string; readonly sheet: string }, manyFiles: boolean): string {
  return manyFiles && f.file ? (f.sheet ? `${f.file} › ${f.sheet}` : f.file) : f.sheet;
}

export function findingRow(f: ReportRow, place: string): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.className = `sev-${f.severity}`;
  const texts = [f.severity === 'error' ? 'Error' : 'Warning', place, f.row === null ? '' : String(f.row), f.column, f.value, f.message, f.hint];
  tr.append(...texts.map((t) => Object.assign(document.createElement('td'), { textContent: t })), codeCell(f.code));
  return tr;
}

/** A code that may wrap after its underscores (REGISTER_ / HEADER_ / NOT_FOUND), so a narrow window cuts none of it. */
function codeCell(code: string): HTMLTableCellElement {
  const td = document.createElement('td');
  code.split(/(?<=_)/).forEach((part, i) => td.append(...(i ? [document.createElement('wbr')] : []), part));
  return td;
}
