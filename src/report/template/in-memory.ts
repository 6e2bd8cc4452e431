/**
 * The template workbook as bytes, for the web page: exceljs's browser build has no streaming
 * writer, so its in-memory Workbook takes the same sheets (writer.ts), with the streaming
 * writer's commits as no-ops. Rows already commit to nothing on an in-memory sheet.
 */
import ExcelJS from 'exceljs';
import { writeTemplateSheets, type TemplateWriteOptions, type WrittenSheet } from './writer.js';

export interface TemplateBytes {
  readonly bytes: Uint8Array;
  readonly sheets: readonly WrittenSheet[];
}

export async function templateToBytes(opts: TemplateWriteOptions = {}): Promise<TemplateBytes> {
  const book = new ExcelJS.Workbook();
  const add = book.addWorksheet.bind(book);
  Object.assign(book, {
    addWorksheet: (name: string, o?: Partial<ExcelJS.AddWorksheetOptions>) => Object.assign(add(name, o), { commit: () => {} }),
  });
  const sheets = await writeTemplateSheets(book as unknown as ExcelJS.stream.xlsx.WorkbookWriter, opts);
  return { bytes: new Uint8Array(await book.xlsx.writeBuffer()), sheets };
}
