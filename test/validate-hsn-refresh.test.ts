/** scripts/refresh-hsn.ts on tiny fixtures: the portal's workbook shape and the JSON shape. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { codeOf, readHsnSource, refreshHsnMaster, renderHsnCodes, renderHsnMaster } from '../scripts/refresh-hsn.js';

const dir = mkdtempSync(join(tmpdir(), 'gstr1-hsn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function portalWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const hsn = wb.addWorksheet('HSN_MSTR');
  hsn.addRow(['HSN_CD', 'HSN_Description']);
  hsn.addRow([101, 'LIVE HORSES, ASSES, MULES AND HINNIES.']); // typed as a number: 0101 lost its zero
  hsn.addRow(['01011010', 'PURE-BRED BREEDING ANIMALS HORSES']);
  hsn.addRow(['2307 00', 'Wine lees; argol']);
  hsn.addRow([8471, 'AUTOMATIC DATA PROCESSING MACHINES']);
  hsn.addRow([8471, 'a repeated code keeps its first description']);
  hsn.addRow([]);
  const sac = wb.addWorksheet('SAC_MSTR');
  sac.addRow(['Services Accounting Codes']);
  sac.addRow(['SAC_CD', 'SAC_Description']);
  sac.addRow([998314, 'IT design and development services']);
  sac.addRow(['total', '']);
  const file = join(dir, 'HSN_SAC.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('scripts/refresh-hsn', () => {
  it('reads the portal workbook, keeping leading zeros and dropping repeats', async () => {
    expect(await readHsnSource(await portalWorkbook())).toEqual([
      { c: '0101', n: 'LIVE HORSES, ASSES, MULES AND HINNIES.' },
      { c: '01011010', n: 'PURE-BRED BREEDING ANIMALS HORSES' },
      { c: '230700', n: 'Wine lees; argol' },
      { c: '8471', n: 'AUTOMATIC DATA PROCESSING MACHINES' },
      { c: '998314', n: 'IT design and development services' },
    ]);
  });

  it('rewrites the master in the JSON shape the validator loads, and reports the changes', async () => {
    const out = join(dir, 'hsn-master.json');
    writeFileSync(out, JSON.stringify({ data: [{ c: '0101', n: 'old' }, { c: '9999', n: 'gone' }] }));
    const r = await refreshHsnMaster(await portalWorkbook(), out);
    expect(r).toEqual({ total: 5, added: 4, removed: 1 });
    const json = JSON.parse(readFileSync(out, 'utf8')) as { data: { c: string; n: string }[] };
    expect(json.data.map((e) => e.c)).toEqual(['0101', '01011010', '230700', '8471', '998314']);
    expect(readFileSync(out, 'utf8')).toBe(renderHsnMaster(json.data));
    // and the codes the rules load, beside it
    const codes = JSON.parse(readFileSync(join(dir, 'hsn-codes.json'), 'utf8')) as { codes: string };
    expect(codes.codes).toBe('0101 01011010 230700 8471 998314');
  });

  it('reads a JSON master, restoring codes stored as numbers; --dry-run writes nothing', async () => {
    const src = join(dir, 'newer.json');
    writeFileSync(src, JSON.stringify({ data: [{ c: 101, n: 'LIVE HORSES' }, { c: '998314', n: 'IT' }, { c: 'x', n: 'junk' }] }));
    expect(await readHsnSource(src)).toEqual([{ c: '0101', n: 'LIVE HORSES' }, { c: '998314', n: 'IT' }]);
    mkdirSync(join(dir, 'dry'));
    const out = join(dir, 'dry', 'untouched.json');
    writeFileSync(out, '{"data":[]}');
    expect(await refreshHsnMaster(src, out, true)).toEqual({ total: 2, added: 2, removed: 0 });
    expect(readFileSync(out, 'utf8')).toBe('{"data":[]}');
    expect(existsSync(join(dir, 'dry', 'hsn-codes.json'))).toBe(false);
  });

  it('ships the codes file the shipped master gives (data/hsn-codes.json, data/hsn-master.json)', async () => {
    const shipped = readFileSync(new URL('../data/hsn-codes.json', import.meta.url), 'utf8');
    expect(shipped).toBe(renderHsnCodes(await readHsnSource(fileURLToPath(new URL('../data/hsn-master.json', import.meta.url)))));
  });

  it('turns code cells into text codes', () => {
    expect([codeOf(101), codeOf(998314), codeOf(' 8471 '), codeOf('84.71'), codeOf(1.5), codeOf(null)]).toEqual(['0101', '998314', '8471', undefined, undefined, undefined]);
  });
});
