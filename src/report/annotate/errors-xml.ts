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
import { NS_MAIN, NS_REL, ooxmlText, XML_DECL } from './ooxml.js';
import type { ErrorsSheetStyles } from './styles-xml.js';

/** Rows gathered into one piece of text. */
const ROWS_PER_PIECE = 500;

const str = (ref: string, value: string | undefined, s?: number) =>
  value ? `<c r="${ref}"${s ? ` s="${s}"` : ''} t="inlineStr"><is><t xml:space="preserve">${ooxmlText(value)}</t></is></c>` : '';
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
  const cols = COLUMNS.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
  yield (
    `${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetPr><tabColor rgb="FFFF0000"/></sheetPr>` +
    `<dimension ref="A1:${last}${HEADER_ROW + listed}"/>` +
    `<sheetViews><sheetView${o.selected ? ' tabSelected="1"' : ''} workbookViewId="0"><pane ySplit="${HEADER_ROW}" topLeftCell="A${HEADER_ROW + 1}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A${HEADER_ROW + 1}" sqref="A${HEADER_ROW + 1}"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>` +
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
  yield `${links_}${any ? '</hyperlinks>' : ''}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}
