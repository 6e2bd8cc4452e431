/**
 * A cell formatted as a percentage is read as what it shows (QA report item 7): a template Rate
 * cell holding 0.05 under `0%` shows 5 % and is the 5 % rate, not '"0.05" is not a GST rate'; an
 * Applicable % of 0.65 shows 65 %. A number under a literal "%" (`0"%"`) is the number it is.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { processReturn } from '../src/api/process.js';
import { processWithRegister } from '../src/api/register-pass.js';
import { returnContext } from '../src/engine/options.js';
import { assemblePayload } from '../src/mappers/payload.js';
import { sheetSpec } from '../src/model/sheets.js';
import { messageOf } from '../src/report/messages/index.js';
import { defaultCheckers } from '../src/validators/index.js';
import { tempDirs } from './helpers/files.js';

const SUPPLIER = '27AAKCS4821M1ZW';
const BUYER = '27AAFCP7263Q1ZM';
const PERIOD = '102025';
const ctx = returnContext({ gstin: SUPPLIER, period: PERIOD });
const dirs = tempDirs();
afterAll(dirs.cleanup);

/** A one-sheet workbook; `formats` gives a cell's number format by its header and row (0-based). */
async function workbook(sheet: string, headers: string[], rows: unknown[][], formats: Record<string, string>, headerRow = 1): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.getRow(headerRow).values = headers;
  rows.forEach((r, i) => {
    const row = ws.getRow(headerRow + 1 + i);
    r.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      cell.value = v as ExcelJS.CellValue;
      const fmt = formats[`${headers[j]}@${i}`];
      if (fmt) cell.numFmt = fmt;
    });
  });
  const file = join(dirs.dir(), `${sheet}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

async function convert(file: string) {
  const { result } = await processWithRegister([file], ctx, { checkers: defaultCheckers(ctx) });
  return { json: assemblePayload(result.outputs, { gstin: SUPPLIER, fp: PERIOD }) as unknown as Record<string, any>, findings: result.findings.items };
}

describe('percentage cells in the template', () => {
  const headers = sheetSpec('b2b').columns.map((c) => c.header);
  const line = (inum: string, rate: number, applicable: number | null, val: number) => {
    const v: Record<string, unknown> = {
      'GSTIN/UIN of Recipient': BUYER, 'Invoice Number': inum, 'Invoice date': '03-Oct-2025', 'Invoice Value': val, 'Place Of Supply': '27-Maharashtra',
      'Reverse Charge': 'N', 'Applicable % of Tax Rate': applicable, 'Invoice Type': 'Regular B2B', Rate: rate, 'Taxable Value': 1000,
    };
    return headers.map((h) => v[h] ?? null);
  };

  it('a Rate of 0.05 under 0% is the 5 % rate; an Applicable % of 0.65 under 0% is 65 %', async () => {
    const file = await workbook('b2b,sez,de', headers, [line('P1', 18, 0.65, 1117), line('P2', 0.05, null, 1050)], {
      'Applicable % of Tax Rate@0': '0%', 'Rate@1': '0%',
    }, 4);
    const { json, findings } = await convert(file);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(json.b2b[0].inv.map((i: any) => [i.inum, i.diff_percent, i.itms[0].itm_det.rt])).toEqual([['P1', 0.65, 18], ['P2', undefined, 5]]);
  });

  it('a Rate under a literal "%" (0"%") is the number typed: 18', async () => {
    const file = await workbook('b2b,sez,de', headers, [line('P3', 18, null, 1180)], { 'Rate@0': '0"%"' }, 4);
    const { json, findings } = await convert(file);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(json.b2b[0].inv[0].itms[0].itm_det.rt).toBe(18);
  });

  it('a Rate of 0.17 under 0.00% (no GST rate) is quoted as 17%, what the cell means, not 0.17', async () => {
    const file = await workbook('b2b,sez,de', headers, [line('P4', 0.17, null, 1170)], { 'Rate@0': '0.00%' }, 4);
    const { findings } = await convert(file);
    const f = findings.find((x) => x.code === 'RET191175')!;
    expect([f.row, f.column, f.value]).toEqual([5, 'Rate', '17%']);
    expect(messageOf(f)).toMatch(/^"17%" is not a GST rate/);
  });
});

describe('percentage cells in a register', () => {
  it('a GST Rate of 0.18 under 0% is 18; an amount under 0% is quoted as the cell shows it, not read as 0.05', async () => {
    const headers = ['Invoice Number', 'Invoice Date', 'GSTIN of Recipient', 'Place of Supply', 'HSN', 'GST Rate', 'Taxable Value', 'Invoice Value'];
    const file = await workbook('Sales', headers, [
      ['INV/1', '03-10-2025', BUYER, '27', '8471', 0.18, 1000, 1180],
      ['INV/2', '04-10-2025', BUYER, '27', '8471', 18, 0.05, 1180],
    ], { 'GST Rate@0': '0%', 'Taxable Value@1': '0%' });
    const { json, findings } = await convert(file);
    expect(json.b2b[0].inv.map((i: any) => [i.inum, i.itms[0].itm_det.rt, i.itms[0].itm_det.txval])).toEqual([['INV/1', 18, 1000]]);
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.row, f.column, f.value])).toEqual([
      ['CELL_INVALID_NUMBER', 3, 'Taxable Value', '5%'],
    ]);
  });
});
