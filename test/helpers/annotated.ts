/** Reading an annotated workbook back with exceljs: a cell's fill colour and its note's text. */
import type ExcelJS from 'exceljs';

export const argb = (cell: ExcelJS.Cell): string | undefined => (cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined);

export const noteOf = (cell: ExcelJS.Cell): string | undefined => {
  const n = cell.note as unknown;
  if (n === undefined || n === null) return undefined;
  if (typeof n === 'string') return n;
  return ((n as { texts?: { text: string }[] }).texts ?? []).map((t) => t.text).join('');
};
