/**
 * The template workbook written to a file (Node): streamed sheet by sheet, then its zip entries
 * put in Excel's order so exceljs's streaming reader reads every sheet (see zip-order.ts).
 */
import ExcelJS from 'exceljs';
import { reorderXlsx } from './reorder-file.js';
import { writeTemplateSheets, type TemplateWriteOptions, type TemplateWriteResult } from './writer.js';

export async function writeTemplateWorkbook(file: string, opts: TemplateWriteOptions = {}): Promise<TemplateWriteResult> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const sheets = await writeTemplateSheets(wb, opts);
  await wb.commit();
  await reorderXlsx(file);
  return { file, sheets };
}
