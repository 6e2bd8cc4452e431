/**
 * Memory guard: converting a 20,000-line return must stream. A 20,000-line workbook from
 * bench/gen-return.mjs is converted in a child process (`node --expose-gc --import tsx
 * bench/heap-probe.mjs`, on the TS sources, so no build is needed), which forces a full GC every
 * 5,000 rows and reports the live heap. Live heap after a GC, unlike RSS, does not depend on when
 * V8 chooses to collect, so the bounds hold on a busy machine.
 *
 * "Live heap" counts the JS heap and array buffers: the document store keeps its numbers in typed
 * arrays outside the JS heap. Measured (Node 20, compact document store): baseline 9 MB, 11.6 MB
 * at 5,000 rows, 13.6 MB at 20,000 (0.13 KB more per row read: the document store), 15.5 MB at
 * the end.
 * What the bounds catch, measured on the same workbook:
 * - loading the workbook whole (exceljs `readFile`): about 80 MB more live heap → over PEAK_MB;
 * - keeping every parsed row (a checker pushing each row to an array): 0.71 KB per row → over
 *   GROWTH_KB_PER_ROW.
 * The full-size figures (100k and 500k lines, time and RSS) come from `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetByName } from '../src/model/sheets.js';
import { generateReturn, SHEETS as GEN_SHEETS, type Manifest } from '../bench/gen-return.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LINES = 20_000;
/** live heap (MB) at any sample */
const PEAK_MB = 48;
/** live-heap growth while rows stream, per row read after the first sample */
const GROWTH_KB_PER_ROW = 0.4;

interface Probe {
  baselineMB: number;
  peakLiveMB: number;
  endLiveMB: number;
  samples: { rows: number | 'end'; liveMB: number }[];
  maxRssMB: number;
  rows: number;
  errors: number;
  warnings: number;
}

let dir: string;
let manifest: Manifest;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gstr1-memory-'));
  manifest = await generateReturn({ lines: LINES, out: join(dir, 'ret'), formats: 'xlsx' });
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the benchmark generator', () => {
  it('writes the exact row-4 headers of src/model/sheets.ts', () => {
    for (const s of GEN_SHEETS) {
      const spec = sheetByName(s.name);
      expect(spec, s.name).toBeDefined();
      expect(s.headers, s.name).toEqual(spec!.columns.filter((c) => !c.extra).map((c) => c.header));
    }
  });
});

describe('memory', () => {
  it(`converts a ${LINES.toLocaleString('en-US')}-line workbook with a bounded live heap`, () => {
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(ROOT, 'bench', 'heap-probe.mjs'),
        '--gstin', '27AAACR5055K1Z7', '--period', '102025', '--out', join(dir, 'out.json'), manifest.files.xlsx!],
      // the reader in this thread: in its worker thread (two cores) its heap would not be counted
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, GSTR1_READER_THREAD: '0' } },
    );
    expect(r.status, `heap-probe failed:\n${r.stderr}`).toBe(0);
    const p = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Probe;
    const report = JSON.stringify(p);

    // the generator's return is valid and every row was read
    expect(p.rows, report).toBe(manifest.dataRows);
    expect(p.errors, report).toBe(0);

    expect(p.peakLiveMB, `live heap over ${PEAK_MB} MB: is the workbook loaded whole? ${report}`).toBeLessThan(PEAK_MB);

    const inLoop = p.samples.filter((s): s is { rows: number; liveMB: number } => typeof s.rows === 'number');
    expect(inLoop.length, report).toBeGreaterThanOrEqual(3);
    const first = inLoop[0]!;
    const highest = inLoop.reduce((a, b) => (b.liveMB > a.liveMB ? b : a));
    // slope from the first sample to the highest one
    const kbPerRow = highest.rows > first.rows ? ((highest.liveMB - first.liveMB) * 1024) / (highest.rows - first.rows) : 0;
    expect(kbPerRow, `live heap grows ${kbPerRow.toFixed(2)} KB per row read: are rows kept? ${report}`).toBeLessThan(GROWTH_KB_PER_ROW);
  });
});
