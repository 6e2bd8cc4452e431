/** Registers for tests: rows written as a CSV or a workbook in a temp folder, and read as convert reads them (the mapping only, no rules). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { processWithRegister } from '../../src/api/register-pass.js';
import { returnContext } from '../../src/engine/options.js';
import { assemblePayload } from '../../src/mappers/payload.js';
import { tempDirs } from './files.js';

/** Register files, each in a folder removed by `cleanup` (call it from afterAll). */
export function registerFiles(): { csv: (rows: string[][]) => string; xlsx: (rows: unknown[][]) => Promise<string>; cleanup: () => void } {
  const dirs = tempDirs();
  return {
    csv: (rows) => {
      const file = join(dirs.dir(), 'register.csv');
      writeFileSync(file, Papa.unparse(rows));
      return file;
    },
    xlsx: async (rows) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Sales');
      for (const r of rows) ws.addRow(r);
      const file = join(dirs.dir(), 'register.xlsx');
      await wb.xlsx.writeFile(file);
      return file;
    },
    cleanup: dirs.cleanup,
  };
}

/** A register read for `gstin` and `period`: its JSON, the findings, and the layout each sheet was read with. */
export async function readRegister(file: string, gstin: string, period: string) {
  const { result, run } = await processWithRegister([file], returnContext({ gstin, period }), {});
  // tests index into the JSON freely
  const json = assemblePayload(result.outputs, { gstin, fp: period }) as unknown as Record<string, any>;
  return { json, findings: result.findings.items, layout: run!.summary.sheets.map((s) => s.layout) };
}
