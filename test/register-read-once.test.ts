/**
 * Issue 15 item 2: in auto layout a sales-register workbook is recognised from its sheet names
 * and first rows (src/parsers' readers), then read in full once. Every byte of every zip part
 * handed to a reader is counted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline, Transform } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const inflated = new Map<string, number>();
vi.mock('../src/parsers/zip.js', async (importOriginal) => {
  const zip = await importOriginal<typeof import('../src/parsers/zip.js')>();
  return {
    ...zip,
    openEntry: async (file: string, entry: import('../src/parsers/zip.js').ZipEntry) => {
      const source = await zip.openEntry(file, entry);
      const counter = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          inflated.set(entry.name, (inflated.get(entry.name) ?? 0) + chunk.length);
          cb(null, chunk);
        },
      });
      pipeline(source, counter, () => {});
      return counter;
    },
  };
});

const { processWithRegister } = await import('../src/api/register-pass.js');
const { returnContext } = await import('../src/engine/options.js');
const { xlsxSheetNames } = await import('../src/parsers/xlsx.js');
const { readZip } = await import('../src/parsers/zip.js');
const { buildMonth, PERIOD, SUPPLIER, writeGstr1Register } = await import('./fixtures/register/month.js');

let dir: string;
let register: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gstr1-read-once-'));
  const month = buildMonth();
  // a register sheet several read chunks long
  register = await writeGstr1Register(dir, [...month, ...month, ...month, ...month], { invoiceValue: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('register: one read of the workbook', () => {
  it('names the sheets from the workbook part alone', async () => {
    inflated.clear();
    expect(await xlsxSheetNames(register)).toEqual([{ name: 'Sales Register', hidden: false }]);
    expect([...inflated.keys()].filter((k) => /worksheets|sharedStrings/.test(k))).toEqual([]);
  });

  it('reads the register sheet in full once in auto layout (its first rows twice)', async () => {
    const sheet = (await readZip(register)).entries.find((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))!;
    expect(sheet.size).toBeGreaterThan(3 * 64 * 1024);
    inflated.clear();
    const ctx = returnContext({ gstin: SUPPLIER, period: PERIOD });
    const { run, result } = await processWithRegister([register], ctx, {});
    expect(run).toBeDefined();
    expect(result.stats.reduce((n, s) => n + s.read, 0)).toBeGreaterThan(0);
    const read = inflated.get(sheet.name)!;
    expect(read).toBeGreaterThanOrEqual(sheet.size);
    // the header look costs one inflated chunk (64 KiB here), not a second full read (2 × size)
    expect(read).toBeLessThan(1.5 * sheet.size);
  });
});
