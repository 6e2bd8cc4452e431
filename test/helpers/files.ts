/** Small files for tests, written to a fresh temp folder. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'gstr1-test-'));
}

/** A temp-dir maker whose folders are removed by `cleanup` (call it from afterAll). */
export function tempDirs(): { dir: () => string; cleanup: () => void } {
  const dirs: string[] = [];
  return {
    dir: () => {
      const d = tempDir();
      dirs.push(d);
      return d;
    },
    cleanup: () => {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}

export function writeText(dir: string, name: string, text: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** A workbook in the template layout: title rows 1-3, headers on row 4, data from row 5. */
export async function templateWorkbook(
  dir: string,
  name: string,
  sheets: Record<string, { headers: string[]; rows: unknown[][]; headerRow?: number }>,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheetName, s] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheetName);
    const headerRow = s.headerRow ?? 4;
    if (headerRow > 1) ws.getCell(1, 1).value = `Summary For ${sheetName}`;
    ws.getRow(headerRow).values = s.headers;
    s.rows.forEach((r, i) => {
      const row = ws.getRow(headerRow + 1 + i);
      r.forEach((v, j) => {
        const cell = row.getCell(j + 1);
        cell.value = v as ExcelJS.CellValue;
        if (v instanceof Date) cell.numFmt = 'dd-mmm-yyyy';
      });
    });
  }
  const p = join(dir, name);
  await wb.xlsx.writeFile(p);
  return p;
}

/** A hand-built zip (stored sizes are what the test says, so a lying or huge entry can be made). */
export function zipFile(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const comp = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const crc = crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, comp);
    centrals.push(central, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}
