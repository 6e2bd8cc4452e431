/**
 * The pieces of a worksheet we write from nothing (the Errors sheet, a CSV's sheet): the part
 * before the rows (tab colour, a frozen top, column widths), a text cell, the page margins.
 */
import { NS_MAIN, NS_REL, ooxmlText, XML_DECL } from './ooxml.js';

export interface WorksheetStart {
  /** rows kept in view at the top (a frozen pane below them) */
  readonly frozenRows: number;
  /** the workbook's selected tab */
  readonly selected: boolean;
  /** widths of columns A, B... */
  readonly widths: readonly number[];
  /** ARGB */
  readonly tabColor?: string;
  /** the `<dimension>` range, when known before the rows */
  readonly dimension?: string;
}

/** The worksheet up to and including `<sheetData>`. */
export function worksheetStart(o: WorksheetStart): string {
  const top = o.frozenRows + 1;
  const cols = o.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return (
    `${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    (o.tabColor ? `<sheetPr><tabColor rgb="${o.tabColor}"/></sheetPr>` : '') +
    (o.dimension ? `<dimension ref="${o.dimension}"/>` : '') +
    `<sheetViews><sheetView${o.selected ? ' tabSelected="1"' : ''} workbookViewId="0"><pane ySplit="${o.frozenRows}" topLeftCell="A${top}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A${top}" sqref="A${top}"/></sheetView></sheetViews>` +
    // (a <cols> element needs at least one column)
    `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`
  );
}

/** The page margins Excel writes: after the rows, filter and links; before a legacy drawing. */
export const PAGE_MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';

/**
 * A cell holding `value` as text (an inline string: the shared strings would grow with the
 * rows), with the format `s` when given. Spaces at either end are kept (`xml:space`).
 */
export function textCell(ref: string, value: string, s?: number): string {
  const last = value.charCodeAt(value.length - 1);
  const space = value.charCodeAt(0) <= 32 || last <= 32 ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s ? ` s="${s}"` : ''} t="inlineStr"><is><t${space}>${ooxmlText(value)}</t></is></c>`;
}
