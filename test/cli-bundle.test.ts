/**
 * The command line users run is a bundle (scripts/build-cli.mjs, the package's bin). It is built
 * here from the current sources into a package laid out as npm installs it (dist/cli/bundle beside
 * data/, schema/ and node_modules), then run: its output must be the sources' output, it must run
 * from its own files only (no tsc output, no source), and `validate` must not load exceljs, which
 * only the annotated workbook, the template and to-excel need.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { youngCapWorks } from '../src/cli/young-cap.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const ID = ['--gstin', '27AAKCS4821M1ZW', '--period', '102025'];
const SAMPLE = join(ROOT, 'templates/sample/gstr1-sample.xlsx');
const CSV = readdirSync(join(ROOT, 'test/fixtures/sample-csv')).map((f) => join(ROOT, 'test/fixtures/sample-csv', f));

let dir: string;
let pkg: string;
let bundle: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gstr1-bundle-'));
  pkg = join(dir, 'gstr1');
  mkdirSync(pkg);
  for (const d of ['data', 'schema', 'templates', 'node_modules']) symlinkSync(join(ROOT, d), join(pkg, d), 'dir');
  copyFileSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
  bundle = join(pkg, 'dist/cli/bundle');
  const b = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), bundle], { cwd: ROOT, encoding: 'utf8' });
  expect(b.status, b.stderr).toBe(0);
  // a module-resolution hook that writes down every module the process loads
  writeFileSync(join(dir, 'hooks.mjs'), "import { appendFileSync } from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(process.env.LOADED_LOG, r.url + '\\n'); return r; }\n");
  writeFileSync(join(dir, 'watch.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function gstr1(args: readonly string[], opts: { sources?: boolean; watch?: string } = {}) {
  const node = opts.sources ? ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')] : [join(bundle, 'main.js')];
  const watch = opts.watch ? ['--import', join(dir, 'watch.mjs')] : [];
  return spawnSync(process.execPath, [...watch, ...node, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...(opts.watch ? { LOADED_LOG: opts.watch } : {}) },
  });
}

/** the package files a run loaded (node: built-ins left out) */
function loaded(log: string): string[] {
  return [...new Set(readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith('file:')))];
}

describe('the bundled command line', () => {
  it('validates the sample workbook (its reader in a worker thread) as the sources do', () => {
    const r = gstr1(['validate', ...ID, SAMPLE]);
    const s = gstr1(['validate', ...ID, SAMPLE], { sources: true });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('0 errors');
    expect(r.stdout).toBe(s.stdout);
  });

  it('converts the sample CSVs to the bytes the sources write', () => {
    const args = (out: string) => ['convert', ...ID, '--force', '--out', join(dir, out), ...CSV];
    const r = gstr1(args('bundle.json'));
    const s = gstr1(args('sources.json'), { sources: true });
    expect(r.status, r.stderr).toBe(s.status);
    expect(readFileSync(join(dir, 'bundle.json'), 'utf8')).toBe(readFileSync(join(dir, 'sources.json'), 'utf8'));
  });

  it('validate loads the bundle’s own files and not exceljs, worker threads included', () => {
    const inputs = { xlsx: [SAMPLE], csv: CSV };
    for (const [kind, files] of Object.entries(inputs)) {
      const log = join(dir, `validate-${kind}.log`);
      const r = gstr1(['validate', ...ID, ...files], { watch: log });
      expect(r.status, r.stderr).toBe(0);
      const urls = loaded(log);
      expect(urls, kind).toContain(pathToFileURL(join(bundle, 'main.js')).href);
      expect(urls.filter((u) => !u.startsWith(pathToFileURL(bundle).href + '/')), kind).toEqual([]);
    }
  });

  it('validate --annotate loads exceljs only for a workbook given with other inputs, the one route that writes through it', () => {
    const exceljs = pathToFileURL(join(ROOT, 'node_modules', 'exceljs')).href + '/';
    const runs = { xlsx: [SAMPLE], csv: CSV, mixed: [SAMPLE, CSV[0]!] };
    for (const [kind, files] of Object.entries(runs)) {
      const log = join(dir, `annotate-${kind}.log`);
      const out = join(dir, `annotated-${kind}.xlsx`);
      const r = gstr1(['validate', ...ID, ...files, '--annotate', out], { watch: log });
      expect([0, 1], r.stderr).toContain(r.status);
      expect(existsSync(out), kind).toBe(true);
      expect(loaded(log).some((u) => u.startsWith(exceljs)), kind).toBe(kind === 'mixed');
    }
  });

  it('reads a large CSV return on the row-rules thread, one file of its own without the schema validators, as the sources do', () => {
    // 40,000 lines: about 4.8 MB, over the size from which a CSV return is read on a second thread (SECOND_READING_FROM)
    const gen = spawnSync(process.execPath, [join(ROOT, 'bench/gen-return.mjs'), '--lines', '40000', '--formats', 'csv', '--errors', '0.01', '--out', join(dir, 'ret'), '--quiet'], { encoding: 'utf8' });
    expect(gen.status, gen.stderr).toBe(0);
    const csvs = readdirSync(join(dir, 'ret-csv')).map((f) => join(dir, 'ret-csv', f));
    const args = ['validate', '--gstin', '27AAACR5055K1Z7', '--period', '102025', ...csvs];
    const log = join(dir, 'validate-large-csv.log');
    const r = gstr1(args, { watch: log });
    const s = gstr1(args, { sources: true });
    expect(r.stdout).toContain('errors');
    expect(r.status, r.stderr).toBe(s.status);
    expect(r.stdout).toBe(s.stdout);
    const worker = pathToFileURL(join(bundle, 'row-rules-worker.js')).href;
    expect(loaded(log)).toContain(worker);
    for (const name of ['row-rules-worker.js', 'xlsx-worker.js']) {
      const text = readFileSync(join(bundle, name), 'utf8');
      // no import of the command line's chunks, and none of ajv's generated code
      expect(text, name).not.toMatch(/from\s*["']\.\/chunk-/);
      expect(text, name).not.toContain('must be <= 99999999999.99');
    }
    // the mapping thread's chunks have them
    expect(readdirSync(bundle).some((f) => f.startsWith('chunk-') && readFileSync(join(bundle, f), 'utf8').includes('must be <= 99999999999.99'))).toBe(true);
  });

  it('runs a small input, a return of CSVs or the help in one process, a large workbook or none in a second with a heap cap (src/cli/main.ts)', () => {
    const main = pathToFileURL(join(bundle, 'main.js')).href;
    const processes = (args: readonly string[], name: string, status = 0) => {
      const log = join(dir, `${name}.log`);
      const r = gstr1(args, { watch: log });
      expect(r.status, r.stderr).toBe(status);
      return readFileSync(log, 'utf8').split('\n').filter((u) => u === main).length;
    };
    const nineMb = (name: string, head = '') => {
      const f = join(dir, name);
      writeFileSync(f, head, 'latin1');
      truncateSync(f, 9 * 1024 * 1024);
      return f;
    };
    expect(processes(['validate', ...ID, SAMPLE], 'small')).toBe(1);
    // no file: in the child, but not for the help or the version, which read nothing
    expect(processes(['upload'], 'no-file', 2)).toBe(2);
    expect(processes(['--version'], 'version')).toBe(1);
    expect(processes(['validate', '--help'], 'help')).toBe(1);
    // over 8 MB of input (an old Excel file, refused at once: exit 2)
    expect(processes(['validate', ...ID, nineMb('big.xls', '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1')], 'large', 2)).toBe(2);
    // an output file left from an earlier run is not an input, whatever its size
    expect(processes(['validate', ...ID, '--report', nineMb('old-report.json'), SAMPLE], 'old-output')).toBe(1);
    // a return of CSVs, whatever its size, in one process where this V8 lets its young generation be capped there (young-cap.ts);
    // this one, a header and then binary zeros, is refused once read (exit 2)
    const csv = nineMb('big.csv', 'GSTIN/UIN of Recipient,Invoice Number\n');
    expect(processes(['validate', ...ID, csv], 'large-csv', 2)).toBe(youngCapWorks() ? 1 : 2);
    // the young generation capped before the reading thread is started: it begins with its whole one (8 MB semi-spaces)
    const probe = join(dir, 'young.jsonl');
    const r = spawnSync(process.execPath, ['--import', join(ROOT, 'test/fixtures/young-cap/launch-probe.mjs'), join(bundle, 'main.js'), 'validate', ...ID, csv], {
      encoding: 'utf8',
      env: { ...process.env, PROBE_OUT: probe, PROBE_WAIT_WORKER: '1' },
    });
    expect(r.status, r.stderr).toBe(2);
    const notes = readFileSync(probe, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { worker?: boolean; young?: number; child?: boolean });
    const threads = notes.filter((n) => n.worker);
    if (youngCapWorks()) {
      expect(notes.filter((n) => !n.worker)).toEqual([expect.objectContaining({ child: false })]);
      if (availableParallelism() >= 2) expect(threads.length).toBeGreaterThan(0);
      for (const t of threads) expect(t.young).toBeGreaterThanOrEqual(8 * 1024 * 1024);
    } else {
      expect(notes.filter((n) => !n.worker).map((n) => n.child).sort()).toEqual([false, true]);
    }
  });

  it('to-excel, which writes with exceljs, is seen loading it (the watch works)', () => {
    const json = join(dir, 'sample.json');
    expect(gstr1(['convert', ...ID, '--out', json, SAMPLE]).status).toBe(0);
    const log = join(dir, 'to-excel.log');
    const r = gstr1(['to-excel', '--out', join(dir, 'back.xlsx'), json], { watch: log });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'back.xlsx'))).toBe(true);
    expect(loaded(log).some((u) => u.includes('/node_modules/exceljs/'))).toBe(true);
  });
});
