/**
 * Writes a workbook in the official GSTR-1 template layout, blank or filled: a Help Instruction
 * sheet, one sheet per template sheet (row 1 title and HELP, rows 2-3 a summary block, row 4 the
 * exact header texts, data from row 5), and the hidden `master` sheet whose lists feed the
 * drop-downs. Streams with exceljs's WorkbookWriter: one sheet at a time, committed before the
 * next, yielding to the event loop every 100 rows (packages-perf §5/§7), so memory stays flat;
 * then puts the zip entries in Excel's order so exceljs's streaming reader reads every sheet
 * (see zip-order.ts).
 */
import ExcelJS from 'exceljs';
import { FIELD_KINDS, type Field, type FieldValues } from '../../model/fields.js';
import { paiseToNumber } from '../../model/money.js';
import type { Period } from '../../model/period.js';
import { sheetSpec, type SheetId, type SheetSpec } from '../../model/sheets.js';
import {
  DEFAULT_VALIDATION_ROWS, FIRST_DATA_ROW, HEADER_ROW, HELP_SHEET, MASTER_LISTS, MASTER_SHEET, TOTAL_FIELDS,
  columnLetter, helpLines, listFor, masterRange, templateSheetIds,
} from './layout.js';
import { AMOUNT_FORMAT, DATE_FORMAT, cellValue } from './render.js';
import { reorderXlsx } from './reorder-file.js';

export type RowValues = Partial<FieldValues>;

export interface TemplateWriteOptions {
  /** return period: decides the hsn sheet(s); default the current layout */
  readonly period?: Period;
  /** data sheets to write, in order; default the template's sheets for the period */
  readonly sheets?: readonly SheetId[];
  /**
   * A sheet's rows. Called twice per sheet (once for the row-3 totals, once to write), so it
   * must give the same rows each time.
   */
  readonly rows?: (sheet: SheetId) => Iterable<RowValues>;
  /** the drop-downs cover at least this many data rows (default 5000) */
  readonly validationRows?: number;
  /** lines for the Help Instruction sheet (default: the how-to text) */
  readonly help?: readonly string[];
  /** also the tax-amount columns the official template leaves out (to-excel: a JSON's amounts as they are) */
  readonly taxAmounts?: boolean;
}

export interface WrittenSheet {
  readonly id: SheetId;
  readonly name: string;
  readonly rows: number;
}

export interface TemplateWriteResult {
  readonly file: string;
  readonly sheets: readonly WrittenSheet[];
}

const LAST_ROW = 1_048_576;
const YIELD_EVERY = 100;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9BB7D4' } };
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: HEADER_FILL,
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
  border: { top: THIN, left: THIN, bottom: THIN, right: THIN },
};

/** exceljs has `dataValidations` on worksheets (and the stream writer) but not in its typings. */
type WithValidations = { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } };

const tick = () => new Promise<void>((r) => setImmediate(r));

export async function writeTemplateWorkbook(file: string, opts: TemplateWriteOptions = {}): Promise<TemplateWriteResult> {
  const ids = opts.sheets ?? templateSheetIds(opts.period);
  const specs = ids.map((id) => sheetSpec(id));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = 'gstr1';

  writeHelp(wb, opts.help ?? helpLines(specs));
  const written: WrittenSheet[] = [];
  for (const spec of specs) {
    const rows = opts.rows ? () => opts.rows!(spec.id) : () => [];
    const columns = spec.columns.filter((c) => !c.extra || opts.taxAmounts);
    written.push(await writeDataSheet(wb, { ...spec, columns }, rows, opts.validationRows ?? DEFAULT_VALIDATION_ROWS));
  }
  writeMaster(wb);
  await wb.commit();
  await reorderXlsx(file);
  return { file, sheets: written };
}

function writeHelp(wb: ExcelJS.stream.xlsx.WorkbookWriter, lines: readonly string[]): void {
  const ws = wb.addWorksheet(HELP_SHEET);
  ws.columns = [{ width: 120 }];
  lines.forEach((text, i) => {
    const row = ws.getRow(i + 1);
    const cell = row.getCell(1);
    cell.value = text;
    if (i === 0) cell.style = { font: { bold: true, size: 14 } };
    else if (/^(How to fill it|Convert|Sheets)/.test(text)) cell.style = { font: { bold: true } };
    row.commit();
  });
  ws.commit();
}

interface Summary {
  count: number;
  sums: Map<Field, number>;
}

function summarise(spec: SheetSpec, rows: Iterable<RowValues>): Summary {
  const first = spec.columns[0]!.field;
  const sums = new Map<Field, number>();
  let count = 0;
  for (const r of rows) {
    if (cellValue(first, r[first]) !== undefined) count++;
    for (const col of spec.columns) {
      if (!TOTAL_FIELDS.has(col.field)) continue;
      const v = r[col.field];
      if (typeof v === 'number') sums.set(col.field, (sums.get(col.field) ?? 0) + v);
    }
  }
  return { count, sums };
}

function columnFormat(field: Field): string | undefined {
  const kind = FIELD_KINDS[field];
  if (kind === 'date') return DATE_FORMAT;
  if (kind === 'money' || kind === 'percent') return AMOUNT_FORMAT;
  return undefined;
}

async function writeDataSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  spec: SheetSpec,
  rows: () => Iterable<RowValues>,
  validationRows: number,
): Promise<WrittenSheet> {
  const name = spec.names[0]!;
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  const cols = spec.columns;
  ws.columns = cols.map((c) => {
    const numFmt = columnFormat(c.field);
    return { width: Math.min(40, Math.max(14, c.header.length + 4)), ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const summary = summarise(spec, rows());

  // row 1: title and HELP
  const r1 = ws.getRow(1);
  r1.getCell(1).value = spec.title;
  r1.getCell(1).style = { font: { bold: true, size: 12 } };
  const help = r1.getCell(Math.max(cols.length, 2));
  help.value = 'HELP';
  help.style = { font: { bold: true, color: { argb: 'FF1F4E79' } } };
  r1.commit();

  // rows 2-3: what is counted and summed, and the formulas (with their values for this data)
  const r2 = ws.getRow(2);
  const r3 = ws.getRow(3);
  const label = (c: number, text: string) => {
    const cell = r2.getCell(c);
    cell.value = text;
    cell.style = { font: { bold: true, italic: true }, alignment: { wrapText: true } };
  };
  label(1, 'No. of Rows');
  r3.getCell(1).value = { formula: `COUNTA(A${FIRST_DATA_ROW}:A${LAST_ROW})`, result: summary.count } as ExcelJS.CellFormulaValue;
  cols.forEach((c, i) => {
    if (!TOTAL_FIELDS.has(c.field)) return;
    const col = columnLetter(i + 1);
    label(i + 1, c.header.startsWith('Total ') ? `Sum of ${c.header}` : `Total ${c.header}`);
    const sum = summary.sums.get(c.field) ?? 0;
    const result = FIELD_KINDS[c.field] === 'money' ? paiseToNumber(sum) : sum;
    r3.getCell(i + 1).value = { formula: `SUM(${col}${FIRST_DATA_ROW}:${col}${LAST_ROW})`, result } as ExcelJS.CellFormulaValue;
  });
  r2.commit();
  r3.commit();

  // row 4: the exact header texts
  const r4 = ws.getRow(HEADER_ROW);
  r4.height = 30;
  cols.forEach((c, i) => {
    const cell = r4.getCell(i + 1);
    cell.value = c.header;
    cell.style = { ...HEADER_STYLE };
  });
  r4.commit();

  // data
  let n = 0;
  for (const values of rows()) {
    const row = ws.getRow(FIRST_DATA_ROW + n);
    cols.forEach((c, i) => {
      const v = cellValue(c.field, values[c.field]);
      if (v !== undefined) row.getCell(i + 1).value = v;
    });
    row.commit();
    if (++n % YIELD_EVERY === 0) await tick();
  }

  // drop-downs over the written rows, and at least the blank template's range
  const last = FIRST_DATA_ROW - 1 + Math.max(n, validationRows);
  cols.forEach((c, i) => {
    const key = listFor(spec.id, c.field);
    if (!key) return;
    const col = columnLetter(i + 1);
    (ws as unknown as WithValidations).dataValidations.add(`${col}${FIRST_DATA_ROW}:${col}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [masterRange(key)],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: c.header,
      error: `Pick ${c.header} from the list.`,
    });
  });
  ws.commit();
  return { id: spec.id, name, rows: n };
}

function writeMaster(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const ws = wb.addWorksheet(MASTER_SHEET, { state: 'hidden' });
  ws.columns = MASTER_LISTS.map((l) => ({ width: 24, ...(l.numFmt ? { style: { numFmt: l.numFmt } } : {}) }));
  const height = Math.max(...MASTER_LISTS.map((l) => l.values.length)) + 1;
  for (let r = 1; r <= height; r++) {
    const row = ws.getRow(r);
    MASTER_LISTS.forEach((l, i) => {
      const v = r === 1 ? l.title : l.values[r - 2];
      if (v !== undefined) row.getCell(i + 1).value = v;
    });
    row.commit();
  }
  ws.commit();
}
