/**
 * The template workbook written to a file (Node): streamed sheet by sheet, then its zip entries
 * put in Excel's order so exceljs's streaming reader reads every sheet (see zip-order.ts). Both
 * steps write beside the file, which appears when complete (output-file.ts).
 */
import { rm } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { outputStream, writeBeside } from '../output-file.js';
import { reorderXlsx } from './reorder-file.js';
import { writeTemplateSheets, type TemplateWriteOptions, type TemplateWriteResult } from './writer.js';

export async function writeTemplateWorkbook(file: string, opts: TemplateWriteOptions = {}): Promise<TemplateWriteResult> {
  return writeBeside(file, async (partial) => {
    // exceljs's zip first, then the reordered copy at `partial`
    const draft = `${partial}.draft`;
    const out = outputStream(draft);
    try {
      await out.opened;
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out.stream, useStyles: true, useSharedStrings: false });
      const sheets = await out.until(writeTemplateSheets(wb, opts));
      await out.until(wb.commit());
      await reorderXlsx(draft, partial);
      return { file, sheets };
    } finally {
      out.stream.destroy();
      await rm(draft, { force: true });
    }
  });
}
