/**
 * The `Errors` sheet's XML for the annotated copy of a workbook, written by us as it streams
 * (no exceljs): the same title, columns, filter, frozen header and internal links as the
 * exceljs-written one (errors-sheet.ts), with inline strings so the workbook's shared strings
 * stay untouched.
 */
import type { Finding } from '../../model/finding.js';
import { hintOf, messageOf } from '../messages/index.js';
import { COLUMNS, HEADER_ROW, LINK_COL, text, titleText, type CellLink, type ErrorsSheetInfo } from './errors-sheet.js';
import { MAX_ROWS, cellAddress, columnLetter, sheetRef, xmlEscape } from './names.js';
import type { ErrorsSheetStyles } from './styles-xml.js';
import { PAGE_MARGINS, textCell, worksheetStart } from './worksheet-xml.js';

/** Rows gathered into one piece of text. */
const ROWS_PER_PIECE = 500;

const str = (ref: string, value: string | undefined, s?: number) => (value ? textCell(ref, value, s) : '');
const num = (ref: string, value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '' : `<c r="${ref}"><v>${value}</v></c>`);

export interface ErrorsSheetXmlOptions {
  readonly styles: ErrorsSheetStyles;
  readonly info: ErrorsSheetInfo;
  /** the sheet is the workbook's selected tab */
  readonly selected: boolean;
}

export async function* errorsSheetXml(
  findings: readonly Finding[],
  links: readonly (CellLink | undefined)[],
  o: ErrorsSheetXmlOptions,
): AsyncGenerator<string> {
  const listed = Math.min(findings.length, MAX_ROWS - HEADER_ROW);
  const last = columnLetter(COLUMNS.length);
  const st = o.styles;
  yield (
    worksheetStart({
      frozenRows: HEADER_ROW,
      selected: o.selected,
      widths: COLUMNS.map((c) => c.width),
      tabColor: 'FFFF0000',
      dimension: `A1:${last}${HEADER_ROW + listed}`,
    }) +
    `<row r="1">${str('A1', titleText(findings, o.info, listed), st.title)}</row>` +
    `<row r="${HEADER_ROW}">${COLUMNS.map((c, i) => str(cellAddress(HEADER_ROW, i + 1), c.header, st.header)).join('')}</row>`
  );
  let piece = '';
  for (let i = 0; i < listed; i++) {
    const f = findings[i]!;
    const r = HEADER_ROW + 1 + i;
    const link = links[i];
    const at = (c: number) => cellAddress(r, c);
    piece +=
      `<row r="${r}">` +
      str(at(1), f.severity, f.severity === 'error' ? st.error : st.warning) +
      str(at(2), f.code) +
      str(at(3), text(f.file)) +
      str(at(4), text(f.sheet)) +
      num(at(5), f.row) +
      str(at(6), text(f.column ?? (f.col ? columnLetter(f.col) : undefined))) +
      (link ? str(at(LINK_COL), cellAddress(link.row, link.col), st.link) : f.unmatched ? str(at(LINK_COL), 'unmatched', st.unmatched) : '') +
      str(at(8), text(f.value)) +
      str(at(9), text(messageOf(f))) +
      str(at(10), text(hintOf(f))) +
      '</row>';
    if ((i + 1) % ROWS_PER_PIECE === 0) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}</sheetData><autoFilter ref="A${HEADER_ROW}:${last}${HEADER_ROW + listed}"/>`;
  let links_ = '';
  let any = false;
  for (let i = 0; i < listed; i++) {
    const link = links[i];
    if (!link) continue;
    if (!any) links_ += '<hyperlinks>';
    any = true;
    const address = cellAddress(link.row, link.col);
    links_ += `<hyperlink ref="${cellAddress(HEADER_ROW + 1 + i, LINK_COL)}" location="${xmlEscape(sheetRef(link.sheet, link.row, link.col))}" display="${address}"/>`;
    if (links_.length > 64 * 1024) {
      yield links_;
      links_ = '';
    }
  }
  yield `${links_}${any ? '</hyperlinks>' : ''}${PAGE_MARGINS}</worksheet>`;
}
