/**
 * Streaming .xlsx reader on exceljs's WorkbookReader: rows are never all in memory. Every sheet
 * is drained to its end, because exceljs leaks its temp file when iteration stops early.
 */
import ExcelJS from 'exceljs';
import { InputError } from '../model/errors.js';
import type { RawCell, RawRow, RawSheet } from './raw.js';

const READER_OPTIONS = {
  sharedStrings: 'cache',
  styles: 'cache', // needed for date detection
  hyperlinks: 'ignore',
  worksheets: 'emit',
  entries: 'ignore',
} as const;

/** Normalises exceljs's cell value shapes (formula, rich text, hyperlink, error) to a RawCell. */
export function normaliseCell(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'number':
    case 'boolean':
      return v;
  }
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('result' in o || 'formula' in o || 'sharedFormula' in o) return normaliseCell(o.result);
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if ('text' in o) return normaliseCell(o.text);
    if ('error' in o) return { error: String(o.error) };
  }
  return String(v);
}

/** Yields the workbook's sheets one by one; the caller must iterate each sheet's rows to the end. */
export async function* readXlsx(file: string): AsyncGenerator<RawSheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, READER_OPTIONS as never);
  try {
    for await (const ws of reader as AsyncIterable<AsyncIterable<ExcelJS.Row> & { name: string; state?: string }>) {
      const rows = sheetRows(ws);
      yield { name: ws.name, hidden: ws.state === 'hidden' || ws.state === 'veryHidden', rows };
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError('FILE_UNREADABLE', { file, detail: describe(e) }, { cause: e });
  }
}

async function* sheetRows(ws: AsyncIterable<ExcelJS.Row>): AsyncGenerator<RawRow> {
  for await (const row of ws) {
    const values = row.values as unknown[];
    const cells: RawCell[] = new Array(Math.max(values.length - 1, 0));
    for (let i = 1; i < values.length; i++) cells[i - 1] = normaliseCell(values[i]);
    yield { row: row.number, cells };
  }
}

function describe(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0]!.slice(0, 200);
}
