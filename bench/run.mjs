#!/usr/bin/env node
// bench/run.mjs — `npm run bench`: times gstr1 on large generated returns against the reading floor.
//
//   npm run bench                          100,000- and 500,000-line returns, 3 runs each, writes docs/performance.md
//   npm run bench -- --quick               a 20,000-line smoke run, 1 run, writes bench/out/performance-quick.md
//   npm run bench -- --runs 5 --sizes 100000,500000
//
// Options
//   --runs N          timed runs per command (default 3; 1 with --quick). Medians are reported.
//   --sizes LIST      document lines per return, comma-separated (default 100000,500000; "100k" works)
//   --quick           --sizes 20000 --runs 1, and the report goes to bench/out/ unless --write-docs
//   --write-docs      write docs/performance.md even for --quick or custom sizes
//   --no-docs         do not write docs/performance.md
//   --only REGEX      only the commands whose label matches (e.g. --only 'floor|validate$')
//   --no-build        do not run `npm run build` even when dist/ is older than src/
//   --no-browser      do not time the web page in headless Chromium (bench/browser.mjs) after the CLI (the report then
//                     says the page was not measured, so its targets do not drop out of sight)
//   --timeout S       kill a run after S seconds (default 1800)
//   --no-peers        do not time the Python peers (openpyxl, pandas) even when python3 has them
//
// What it does
//   1. Builds dist/ (`npm run build`) if dist/cli/bundle/main.js is missing or older than a file under src/, then copies it
//      (with data/, schema/, package.json) to bench/out/build/ and times that copy, so that a rebuild of dist/ by
//      someone else during the bench (seen: it changed the timings between runs) cannot mix two builds.
//   2. Generates each return once with bench/gen-return.mjs into bench/out/ (gitignored), as one .xlsx and as a folder
//      of CSVs; regenerated only when the generator or data/hsn-master.json changes.
//   3. For every size and format (xlsx, CSV folder), runs each command as its own process under
//      /usr/bin/time -f '%e %M' (wall seconds, peak RSS in KB), the commands interleaved run by run:
//        floor       the true floor: the shared strings and sheets inflated by our zip reader and SAX-parsed by
//                    saxes with nothing else done (bench/floor-sax.mjs), or papaparse streaming every CSV field
//                    (bench/floor-papaparse.mjs); every other command's "× floor" is against it
//        jsonfloor   (CSV) the writing half of a convert's floor: this build's convert output (made once before the
//                    runs into bench/out/json-ref-<lines>/, not timed) parsed, then stringified and written
//                    (bench/floor-json.mjs; its time is what it prints, the stringify and writes only). Convert is
//                    reported against the two floors together as information; its bar stays the papaparse one.
//        exceljs     (xlsx, a reference) exceljs's streaming WorkbookReader touching every cell (bench/floor-exceljs.mjs)
//        openpyxl,   (xlsx, peers, when python3 has the package; the smallest size only) a minimal b2b converter on
//        pandas      openpyxl read_only (bench/peer-openpyxl.py) and on pandas read_excel (bench/peer-pandas.py); not CI
//        convert     node bench/out/build/dist/cli/bundle/main.js convert <files> --gstin … --period … --out bench/out/tmp/ret.json
//        validate    node dist/cli/bundle/main.js validate <files> --gstin … --period …
//        annotate    the same with --annotate bench/out/tmp/annotated.xlsx
//      A command that fails (non-zero exit, signal, timeout) is reported with the end of its output, and the
//      bench goes on. Logs: bench/out/logs/.
//   4. Prints the table and the targets (PASS/FAIL), and writes them with the machine's description: the cores other
//      processes used at the start (1 s of every core's busy time; the load average, a trailing one, is printed only),
//      and a fixed CPU loop timed alone and two at once before and after the runs (bench/cores.mjs), which shows a
//      spell when the host takes part of the second core and the load average shows nothing.
//
// Peak RSS and the launcher: `gstr1` re-spawns itself with a heap cap (src/cli/main.ts), except for small inputs and
// validate or convert of a return of CSVs, which run in its own process. GNU time's %M is the
// ru_maxrss of wait4(), which on Linux is the maximum over the process and the children it reaped — checked with a
// parent that spawns a 300 MB child: %M = 342 MB, the child's peak. So %M here is the worker's peak (the larger of
// the two); the launcher's own ~40 MB, resident at the same time, is not added.
//
// Requires GNU time at /usr/bin/time (Debian/Ubuntu: apt-get install time).

import { spawn, spawnSync } from 'node:child_process';
import v8 from 'node:v8';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { conditionsText, coreCheck, loopText, othersUse } from './cores.mjs';
import { cpuBoundText } from './cpu-bound.mjs';
import { timedInside } from './timed-inside.mjs';
import { DEFAULT_PERIOD, GENERATOR_VERSION, SHEETS, SUPPLIER_GSTIN, sourceHash } from './gen-return.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const OUT = path.join(HERE, 'out');
const TMP = path.join(OUT, 'tmp');
const LOGS = path.join(OUT, 'logs');
const DIST_CLI = path.join(ROOT, 'dist', 'cli', 'bundle', 'main.js');
/** the copy of dist/ that is timed (see snapshotBuild) */
const SNAP = path.join(OUT, 'build');
const CLI = path.join(SNAP, 'dist', 'cli', 'bundle', 'main.js');
const TIME = '/usr/bin/time';
const MiB = 1024 * 1024;

const TARGETS = {
  validateVsFloor: 1.5, // validate of the 500k xlsx ≤ 1.5 × the inflate + SAX floor on the same file
  annotateVsFloor: 3, // validate --annotate ≤ 3 × that floor
  csvLinesPerSec: 250_000, // CSV validate
  csvConvertVsFloor: 3, // CSV convert ≤ 3 × the papaparse floor
  peakRssMb: 250, // every gstr1 command at 500k
  rssGrowth: 1.3, // peak at 500k ≤ 1.3 × peak at 100k
};
/** the commands that are not gstr1 (floors, the exceljs reference, the Python peers) */
const NOT_GSTR1 = new Set(['floor', 'jsonfloor', 'exceljs', 'openpyxl', 'pandas']);
const TARGET_SIZE = 500_000;

// ---------------------------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const o = { runs: null, sizes: null, quick: false, docs: null, only: null, build: true, timeout: 1800, peers: true };
  const num = (s) => Number(String(s).replace(/_/g, '').replace(/k$/i, '000').replace(/m$/i, '000000'));
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i], v = () => { const x = argv[++i]; if (x === undefined) throw new Error(`${a} needs a value`); return x; };
    if (a === '--runs') o.runs = num(v());
    else if (a === '--sizes') o.sizes = v().split(',').map(num);
    else if (a === '--quick') o.quick = true;
    else if (a === '--write-docs') o.docs = true;
    else if (a === '--no-docs') o.docs = false;
    else if (a === '--only') o.only = new RegExp(v());
    else if (a === '--no-build') o.build = false;
    else if (a === '--no-browser') o.browser = false;
    else if (a === '--timeout') o.timeout = num(v());
    else if (a === '--no-peers') o.peers = false;
    else if (a === '-h' || a === '--help') {
      console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown option ${a} (see --help)`);
  }
  o.sizes ??= o.quick ? [20_000] : [100_000, TARGET_SIZE];
  o.runs ??= o.quick ? 1 : 3;
  if (o.sizes.some((s) => !Number.isSafeInteger(s) || s < 1000)) throw new Error('--sizes: whole numbers of at least 1000');
  if (!Number.isSafeInteger(o.runs) || o.runs < 1) throw new Error('--runs: a whole number of at least 1');
  o.sizes = [...new Set(o.sizes)].sort((a, b) => a - b);
  const standard = !o.quick && o.sizes.includes(TARGET_SIZE);
  o.docs ??= standard;
  return o;
}

const log = (s = '') => process.stdout.write(`${s}\n`);
const fmtInt = (n) => Math.round(n).toLocaleString('en-US');
const fmtS = (s) => (s >= 100 ? s.toFixed(0) : s >= 10 ? s.toFixed(1) : s.toFixed(2));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const sizeLabel = (n) => (n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n % 1000 === 0 ? `${n / 1000}k` : String(n));

function requireGnuTime() {
  try {
    fs.accessSync(TIME, fs.constants.X_OK);
  } catch {
    console.error(`npm run bench needs GNU time at ${TIME} (it reports wall time and peak RSS): apt-get install time`);
    process.exit(2);
  }
  const r = spawnSync(TIME, ['-f', '%e %M', 'true'], { encoding: 'utf8' });
  if (r.status !== 0 || !/^[\d.]+ \d+\s*$/m.test(r.stderr)) {
    console.error(`${TIME} is not GNU time (no -f '%e %M' support): ${r.stderr.trim()}`);
    process.exit(2);
  }
}

/** Newest modification time of the non-test files under `dir`. */
function newestMtime(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (!/\.test\.ts$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function ensureBuild(o) {
  const built = fs.existsSync(DIST_CLI) ? fs.statSync(DIST_CLI).mtimeMs : 0;
  const src = newestMtime(path.join(ROOT, 'src'));
  if (built && built >= src) return;
  if (!o.build) {
    log(built ? 'dist/ is older than src/; --no-build given, timing the old build.' : 'dist/cli/bundle/main.js is missing and --no-build was given.');
    if (!built) process.exit(2);
    return;
  }
  log(built ? 'dist/ is older than src/: npm run build' : 'dist/ is missing: npm run build');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('npm run build failed; nothing was timed.');
    process.exit(2);
  }
}

/** sha1 of the .js files under `dir` (names and contents), to tell builds apart. */
function treeHash(dir) {
  const h = createHash('sha1');
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js')) h.update(path.relative(dir, p)).update(fs.readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex').slice(0, 12);
}

/**
 * Copies dist/ (with data/, schema/ and package.json, which it loads relative to itself) to bench/out/build/ and
 * times that copy: other people rebuild dist/ while a bench runs, and every run must time the same build.
 * Packages still resolve from the project's node_modules (bench/out/build/ is inside the project).
 */
function snapshotBuild() {
  for (let attempt = 1; ; attempt++) {
    const before = treeHash(path.join(ROOT, 'dist'));
    fs.rmSync(SNAP, { recursive: true, force: true });
    fs.mkdirSync(SNAP, { recursive: true });
    fs.cpSync(path.join(ROOT, 'dist'), path.join(SNAP, 'dist'), { recursive: true, filter: (f) => !/\.(map|d\.ts)$/.test(f) });
    for (const d of ['data', 'schema']) if (fs.existsSync(path.join(ROOT, d))) fs.cpSync(path.join(ROOT, d), path.join(SNAP, d), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(SNAP, 'package.json'));
    const hash = treeHash(path.join(SNAP, 'dist'));
    if (hash === before && hash === treeHash(path.join(ROOT, 'dist'))) {
      const r = spawnSync(process.execPath, [CLI, '--version'], { cwd: ROOT, encoding: 'utf8' });
      if (r.status === 0) return hash;
      if (attempt >= 3) { console.error(`the copy of dist/ does not run: ${r.stderr.trim()}`); process.exit(2); }
    } else if (attempt >= 3) {
      console.error('dist/ keeps changing while it is copied (a build is running?); try again later');
      process.exit(2);
    }
    log('dist/ changed while it was copied; copying again');
    spawnSync('sleep', ['5']);
  }
}

/** Generates (or reuses) the return of `lines` lines; resolves to its manifest. */
function ensureReturn(lines) {
  const base = path.join(OUT, `ret-${lines}`);
  const mf = `${base}.manifest.json`;
  const hash = sourceHash();
  try {
    const m = JSON.parse(fs.readFileSync(mf, 'utf8'));
    const fresh = m.version === GENERATOR_VERSION && m.sourceHash === hash && m.options.lines === lines && m.options.errors === 0 &&
      fs.existsSync(m.files.xlsx) && Object.values(m.files.csv).every((f) => fs.existsSync(f));
    if (fresh) return m;
  } catch {
    // not generated yet
  }
  log(`generating a ${fmtInt(lines)}-line return: node bench/gen-return.mjs --lines ${lines} --out ${path.relative(ROOT, base)}`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [path.join(HERE, 'gen-return.mjs'), '--lines', String(lines), '--out', base, '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`generating the ${lines}-line return failed`);
    process.exit(2);
  }
  log(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return JSON.parse(fs.readFileSync(mf, 'utf8'));
}

/** Where the writing floor's JSON for the return of `lines` lines is made (makeJsonRef). */
const jsonRefDir = (lines) => path.join(OUT, `json-ref-${lines}`);

/**
 * The JSON the writing floor writes (bench/floor-json.mjs): the timed build's convert of the return's CSVs, into
 * jsonRefDir, made again each bench (a few seconds) so that it is this build's output.
 */
function makeJsonRef(lines, csvFiles) {
  const dir = jsonRefDir(lines);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const r = spawnSync(process.execPath, [CLI, 'convert', ...csvFiles, '--gstin', SUPPLIER_GSTIN, '--period', DEFAULT_PERIOD, '--out', path.join(dir, 'ret.json')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) log(`the ${fmtInt(lines)}-line return's convert for the writing floor failed (exit ${r.status}); that floor will fail too`);
}

let seq = 0;
/** One timed process under GNU time. Resolves to {wall, rssKB, cpu, code, signal, timedOut, tail}; cpu = user + system seconds of the process and the children it reaped. */
function timedRun(argv, { timeoutS, logFile }) {
  return new Promise((resolve) => {
    const tfile = path.join(TMP, `time-${process.pid}-${++seq}.txt`);
    const fd = fs.openSync(logFile, 'w');
    fs.writeSync(fd, `$ ${argv.map((a) => (/[\s,()]/.test(a) ? `'${a}'` : a)).join(' ')}\n`);
    const child = spawn(TIME, ['-o', tfile, '-f', '%e %M %U %S', ...argv], { cwd: ROOT, stdio: ['ignore', fd, fd], detached: true, env: { ...process.env, NO_COLOR: '1' } });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    }, timeoutS * 1000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      fs.closeSync(fd);
      let wall = NaN, rssKB = NaN, cpu = NaN, exit = code;
      try {
        const lines = fs.readFileSync(tfile, 'utf8').trim().split('\n');
        const m = /^([\d.]+) (\d+) ([\d.]+) ([\d.]+)$/.exec(lines.at(-1) ?? '');
        if (m) { wall = Number(m[1]); rssKB = Number(m[2]); cpu = Number(m[3]) + Number(m[4]); }
        fs.rmSync(tfile, { force: true });
      } catch { /* no time output: killed */ }
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('$ ')).slice(-3).join(' | ');
      resolve({ wall, rssKB, cpu, code: exit, signal, timedOut, tail });
    });
  });
}

/**
 * Between runs: write out what the last one left in the page cache (the exceljs reference spills
 * about 200 MB of temp files per 500k run, an annotated copy is 30 MB) and pause a second, so
 * the kernel's write-back does not run into the next command's timing.
 */
async function settle() {
  spawnSync('sync');
  await new Promise((r) => setTimeout(r, 1000));
}

function cleanTmp() {
  for (const f of fs.readdirSync(TMP)) if (!f.startsWith('time-')) fs.rmSync(path.join(TMP, f), { recursive: true, force: true });
}

/**
 * The V8 flags the launcher gives the process that runs these inputs (src/cli/child-env.ts, from the
 * timed build), for the report. Small inputs, and a return of CSVs where young-cap.ts works, run in
 * the launcher's own process: the first with V8's defaults, the second with its young generation
 * capped at run time.
 */
function launcherFlags(files, { childFlags, readsRows, SMALL_INPUT_BYTES, launchPlan, youngCapWorks }) {
  const inputs = files.map((f) => ({ name: f, bytes: fs.statSync(f).size }));
  const bytes = inputs.reduce((s, f) => s + f.bytes, 0);
  // a build from before launchPlan (--no-build on an old dist/): small inputs alone ran in one process
  const plan = launchPlan
    ? launchPlan(['validate', ...files], inputs, { child: false, execArgv: [], env: {}, capWorks: youngCapWorks(), heapLimitMb: v8.getHeapStatistics().heap_size_limit / 1024 / 1024 })
    : { here: bytes <= SMALL_INPUT_BYTES, capYoung: false };
  if (!plan.here) return childFlags(bytes, readsRows(files), [], {}).join(' ');
  return plan.capYoung ? 'none (run in one process, its young generation capped at run time at 8 MB semi-spaces)' : 'none (run in one process)';
}

/** The Python peers whose package python3 can import, and a note on the ones it cannot. */
function pythonPeers() {
  const all = [
    { cmd: 'openpyxl', module: 'openpyxl', label: 'peer: openpyxl read_only, b2b → JSON', script: path.join(HERE, 'peer-openpyxl.py') },
    { cmd: 'pandas', module: 'pandas', label: 'peer: pandas read_excel, b2b → JSON', script: path.join(HERE, 'peer-pandas.py') },
  ];
  const available = [], missing = [], versions = [];
  for (const p of all) {
    const r = spawnSync('python3', ['-c', `import ${p.module}; print(${p.module}.__version__)`], { encoding: 'utf8' });
    if (r.status === 0) { available.push(p); versions.push(`${p.module} ${r.stdout.trim()}`); } else missing.push(p.module);
  }
  const py = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  const note = py.status !== 0 ? 'not timed: no python3'
    : `${(py.stdout || py.stderr).trim()}${versions.length ? `, ${versions.join(', ')}` : ''}${missing.length ? `; not timed (python3 cannot import it): ${missing.join(', ')}` : ''}`;
  return { available, note };
}

function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch { /* not Linux */ }
  const git = (args) => { const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }); return r.status === 0 ? r.stdout.trim() : ''; };
  const head = git(['rev-parse', '--short', 'HEAD']);
  const dirty = git(['status', '--porcelain', '--', 'src', 'package.json', 'package-lock.json']) !== '';
  let exceljs = '?';
  try { exceljs = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'exceljs', 'package.json'), 'utf8')).version; } catch { /* */ }
  return {
    cpu, cores: os.cpus().length, memGiB: os.totalmem() / 1024 ** 3, node: process.version, os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), commit: head ? `${head}${dirty ? ' + uncommitted changes in src/' : ''}` : 'unknown', exceljs,
  };
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  let o;
  try {
    o = parseArgs(process.argv);
  } catch (e) {
    console.error(`bench: ${e.message}`);
    process.exit(2);
  }
  requireGnuTime();
  fs.mkdirSync(TMP, { recursive: true });
  fs.mkdirSync(LOGS, { recursive: true });
  // before the bench's own work (a build, a return generated) raises them
  const loadStart = os.loadavg();
  const busyStart = await othersUse();
  ensureBuild(o);
  const build = snapshotBuild();
  const mach = machine();
  mach.build = build;

  const gstin = SUPPLIER_GSTIN, period = DEFAULT_PERIOD;
  const returns = o.sizes.map((n) => ({ size: n, m: ensureReturn(n) }));
  const csvOf = (m) => SHEETS.map((s) => m.files.csv[s.name]).filter(Boolean);
  const peers = o.peers ? pythonPeers() : { available: [], note: 'not timed (--no-peers)' };
  mach.peers = peers.note;

  // jobs: per size × format, the floor then the gstr1 commands
  const jobs = [];
  for (const { size, m } of returns) {
    const csvFiles = csvOf(m);
    for (const fmt of ['xlsx', 'csv']) {
      const inputs = fmt === 'xlsx' ? [m.files.xlsx] : csvFiles;
      const ret = ['--gstin', gstin, '--period', period];
      const defs = [
        fmt === 'xlsx'
          ? { cmd: 'floor', label: 'floor: our zip reader + saxes, nothing else', argv: [process.execPath, path.join(HERE, 'floor-sax.mjs'), '--dist', path.join(SNAP, 'dist'), ...inputs] }
          : { cmd: 'floor', label: 'floor: papaparse stream, every field', argv: [process.execPath, path.join(HERE, 'floor-papaparse.mjs'), ...inputs] },
        // its time is the one the script reports: stringifying and writing, not the parse before it
        ...(fmt === 'csv' ? [{ cmd: 'jsonfloor', label: "floor: convert's JSON stringified, written", argv: [process.execPath, path.join(HERE, 'floor-json.mjs'), jsonRefDir(size), path.join(TMP, 'json-floor')], timedInside: true }] : []),
        ...(fmt === 'xlsx' ? [{ cmd: 'exceljs', label: 'reference: exceljs WorkbookReader, every cell', argv: [process.execPath, path.join(HERE, 'floor-exceljs.mjs'), ...inputs] }] : []),
        // the peers take 40-100 s a run at 500,000 lines: they are timed on the smallest return only
        ...(fmt === 'xlsx' && size === o.sizes[0] ? peers.available.map((p) => ({ cmd: p.cmd, label: p.label, argv: ['python3', p.script, m.files.xlsx, path.join(TMP, `${p.cmd}.json`)], rows: m.sheets['b2b,sez,de'] })) : []),
        { cmd: 'convert', label: 'gstr1 convert', argv: [process.execPath, CLI, 'convert', ...inputs, ...ret, '--out', path.join(TMP, 'ret.json')] },
        { cmd: 'validate', label: 'gstr1 validate', argv: [process.execPath, CLI, 'validate', ...inputs, ...ret] },
        { cmd: 'annotate', label: 'gstr1 validate --annotate', argv: [process.execPath, CLI, 'validate', ...inputs, ...ret, '--annotate', path.join(TMP, 'annotated.xlsx')] },
      ];
      for (const d of defs) {
        if (o.only && !o.only.test(d.label)) continue;
        jobs.push({ ...d, size, fmt, m, inputs, runs: [] });
      }
    }
  }
  if (!jobs.length) { console.error('--only matched no command'); process.exit(2); }
  // the JSON the writing floor writes: this build's convert of each return's CSVs, made once, not timed
  for (const { size, m } of returns) if (jobs.some((j) => j.size === size && j.cmd === 'jsonfloor')) makeJsonRef(size, csvOf(m));

  const coresStart = await coreCheck();
  log(`\n${mach.cpu}, ${mach.cores} cores, ${mach.memGiB.toFixed(1)} GiB, Node ${mach.node}; others using ${busyStart.toFixed(2)} cores, load average ${loadStart.map((x) => x.toFixed(2)).join(' ')}; a fixed loop ${loopText(coresStart)}; timing build ${build} (copy of dist/ in ${path.relative(ROOT, SNAP)}/)`);
  log(`${jobs.length} commands × ${o.runs} run(s), interleaved; logs in ${path.relative(ROOT, LOGS)}/\n`);
  // the writing floor runs after its group's gstr1 commands, so that its large heap (the parsed JSON) is never the
  // run just before one of them; the tables still list it beside the other floor
  const group = (j) => jobs.findIndex((x) => x.size === j.size && x.fmt === j.fmt);
  const runOrder = [...jobs].sort((a, b) => group(a) - group(b) || (a.cmd === 'jsonfloor') - (b.cmd === 'jsonfloor'));
  for (let r = 1; r <= o.runs; r++) {
    for (const j of runOrder) {
      const name = `${sizeLabel(j.size)}-${j.fmt}-${j.cmd}-run${r}`;
      const res = await timedRun(j.argv, { timeoutS: o.timeout, logFile: path.join(LOGS, `${name}.log`) });
      if (j.timedInside) timedInside(res, fs.readFileSync(path.join(LOGS, `${name}.log`), 'utf8'));
      cleanTmp();
      await settle();
      j.runs.push(res);
      const ok = res.code === 0 && !res.timedOut && Number.isFinite(res.wall);
      const what = `${sizeLabel(j.size).padStart(5)} ${j.fmt.padEnd(4)} ${j.label.padEnd(42)} run ${r}/${o.runs}`;
      if (ok) log(`${what}  ${fmtS(res.wall).padStart(6)} s  ${fmtInt(res.rssKB / 1024).padStart(5)} MB`);
      else log(`${what}  FAILED (${res.timedOut ? `timeout after ${o.timeout} s` : res.signal ? `signal ${res.signal}` : `exit ${res.code}`}): ${res.tail || 'no output'}  [log: ${path.relative(ROOT, path.join(LOGS, `${name}.log`))}]`);
    }
  }
  const loadEnd = os.loadavg();
  const coresEnd = await coreCheck();
  log(`after the runs: a fixed loop ${loopText(coresEnd)}`);
  mach.distChanged = fs.existsSync(DIST_CLI) && treeHash(path.join(ROOT, 'dist')) !== build;

  // summarise
  for (const j of jobs) {
    const ok = j.runs.filter((x) => x.code === 0 && !x.timedOut && Number.isFinite(x.wall));
    j.ok = ok.length;
    j.failed = j.runs.length - ok.length;
    j.failure = j.runs.find((x) => !ok.includes(x));
    if (ok.length) {
      j.wall = median(ok.map((x) => x.wall));
      j.wallMin = Math.min(...ok.map((x) => x.wall));
      j.wallMax = Math.max(...ok.map((x) => x.wall));
      j.rssMed = median(ok.map((x) => x.rssKB)) / 1024;
      j.rssMax = Math.max(...ok.map((x) => x.rssKB)) / 1024;
      j.cpu = median(ok.map((x) => x.cpu));
      if (j.cmd !== 'jsonfloor') j.lps = (j.rows ?? j.m.dataRows) / j.wall;
    }
  }
  const find = (size, fmt, cmd) => jobs.find((j) => j.size === size && j.fmt === fmt && j.cmd === cmd);
  for (const j of jobs) {
    const f = find(j.size, j.fmt, 'floor');
    if (!j.cmd.endsWith('floor') && f?.wall && j.wall) j.ratio = j.wall / f.wall;
  }

  // targets, at the largest size (nominally 500,000 lines)
  const big = o.sizes.at(-1), small = o.sizes[0];
  const atNote = big === TARGET_SIZE ? '' : ` (at ${fmtInt(big)} lines; the target is for ${fmtInt(TARGET_SIZE)})`;
  const targets = [];
  const ratioTarget = (cmd, limit, text, fmt = 'xlsx') => {
    const j = find(big, fmt, cmd), f = find(big, fmt, 'floor');
    if (!j || !f) return targets.push({ text, measured: 'not run', result: 'n/a' });
    if (!j.wall) return targets.push({ text, measured: `${j.label} failed: ${describeFailure(j)}`, result: 'FAIL' });
    if (!f.wall) return targets.push({ text, measured: `the floor failed: ${describeFailure(f)}`, result: 'n/a' });
    targets.push({ text, measured: `${fmtS(j.wall)} s vs floor ${fmtS(f.wall)} s = ${j.ratio.toFixed(2)} ×`, result: j.ratio <= limit ? 'PASS' : 'FAIL' });
  };
  ratioTarget('validate', TARGETS.validateVsFloor, `validate, xlsx: ≤ ${TARGETS.validateVsFloor} × the inflate + SAX floor${atNote}`);
  ratioTarget('annotate', TARGETS.annotateVsFloor, `validate --annotate, xlsx: ≤ ${TARGETS.annotateVsFloor} × the inflate + SAX floor${atNote}`);
  ratioTarget('convert', TARGETS.csvConvertVsFloor, `convert, CSV: ≤ ${TARGETS.csvConvertVsFloor} × the papaparse floor${atNote}`, 'csv');
  {
    const text = `validate, CSV: ≥ ${fmtInt(TARGETS.csvLinesPerSec)} lines/s${atNote}`;
    const j = find(big, 'csv', 'validate');
    if (!j) targets.push({ text, measured: 'not run', result: 'n/a' });
    else if (!j.wall) targets.push({ text, measured: `failed: ${describeFailure(j)}`, result: 'FAIL' });
    else targets.push({ text, measured: `${fmtInt(j.lps)} lines/s (${fmtInt(j.m.dataRows)} rows in ${fmtS(j.wall)} s)`, result: j.lps >= TARGETS.csvLinesPerSec ? 'PASS' : 'FAIL' });
  }
  {
    const text = `peak RSS of every gstr1 command ≤ ${TARGETS.peakRssMb} MB${atNote}`;
    const gj = jobs.filter((j) => j.size === big && !NOT_GSTR1.has(j.cmd));
    const failed = gj.filter((j) => !j.wall);
    const worst = gj.filter((j) => j.wall).sort((a, b) => b.rssMax - a.rssMax)[0];
    if (!gj.length) targets.push({ text, measured: 'not run', result: 'n/a' });
    else {
      const parts = [];
      if (worst) parts.push(`largest ${fmtInt(worst.rssMax)} MB (${worst.label}, ${worst.fmt})`);
      if (failed.length) parts.push(`not measured: ${failed.map((j) => `${j.label} (${j.fmt})`).join(', ')}`);
      targets.push({ text, measured: parts.join('; '), result: failed.length || !worst || worst.rssMax > TARGETS.peakRssMb ? 'FAIL' : 'PASS' });
    }
  }
  {
    // medians of the runs, as the issue's bar is stated; the ratio of the largest peaks is printed beside it, and
    // reads noisier: one 100,000-line run's peak moves by 20-30 MB with how V8 sized its heaps that time
    const text = `peak RSS at ${fmtInt(big)} ≤ ${TARGETS.rssGrowth} × the peak at ${fmtInt(small)} lines, per command (medians; the largest peaks in brackets)`;
    if (big === small) targets.push({ text: `peak RSS at the largest size ≤ ${TARGETS.rssGrowth} × the peak at 100,000 lines`, measured: 'needs two sizes', result: 'n/a' });
    else {
      const parts = [];
      let pass = true;
      for (const j of jobs.filter((x) => x.size === big && !NOT_GSTR1.has(x.cmd))) {
        const s = find(small, j.fmt, j.cmd);
        if (!j.wall || !s?.wall) { pass = false; parts.push(`${j.label} (${j.fmt}): not measured`); continue; }
        const g = j.rssMed / s.rssMed;
        if (g > TARGETS.rssGrowth) pass = false;
        parts.push(`${j.cmd} ${j.fmt} ${g.toFixed(2)} × (${(j.rssMax / s.rssMax).toFixed(2)} ×)`);
      }
      targets.push({ text, measured: parts.join(', '), result: pass ? 'PASS' : 'FAIL' });
    }
  }

  {
    // not a target with a bar: what convert adds to validate (the JSON built from the checked documents, and written),
    // the part of convert that validate's own speed does not decide
    const c = find(big, 'csv', 'convert'), v = find(big, 'csv', 'validate');
    if (c?.wall && v?.wall) {
      targets.push({
        text: `what convert adds to validate, CSV${atNote}: the JSON built and written`,
        measured: `${fmtS(c.wall)} s − ${fmtS(v.wall)} s = ${fmtS(c.wall - v.wall)} s; convert ÷ validate ${(c.wall / v.wall).toFixed(2)} ×`,
        result: 'info',
      });
    }
  }

  {
    // not targets: whether the CSV targets can be met by a better split over the cores at all. A run cannot take less
    // than its CPU ÷ the cores (bench/cpu-bound.mjs); a bar under that needs less work
    const f = find(big, 'csv', 'floor'), c = find(big, 'csv', 'convert'), v = find(big, 'csv', 'validate');
    if (c?.wall && f?.wall && Number.isFinite(c.cpu)) {
      targets.push({
        text: `convert, CSV, its CPU against its bar${atNote}`,
        measured: cpuBoundText({ cpu: c.cpu, cores: mach.cores, bar: TARGETS.csvConvertVsFloor * f.wall, barText: `${TARGETS.csvConvertVsFloor} × the papaparse floor of ${fmtS(f.wall)} s` }),
        result: 'info',
      });
    }
    if (v?.wall && Number.isFinite(v.cpu)) {
      targets.push({
        text: `validate, CSV, its CPU against its bar${atNote}`,
        measured: cpuBoundText({ cpu: v.cpu, cores: mach.cores, bar: v.m.dataRows / TARGETS.csvLinesPerSec, barText: `${fmtInt(TARGETS.csvLinesPerSec)} lines/s for ${fmtInt(v.m.dataRows)} rows` }),
        result: 'info',
      });
    }
  }

  {
    // not the issue's bar: convert against the least any convert does, reading the CSVs (papaparse's floor) and
    // writing the same JSON (the writing floor); the ratio is what mapping and checking cost on top of both
    const c = find(big, 'csv', 'convert'), f = find(big, 'csv', 'floor'), w = find(big, 'csv', 'jsonfloor');
    if (c?.wall && f?.wall && w?.wall) {
      const both = f.wall + w.wall;
      targets.push({
        text: `convert, CSV, against reading and writing${atNote}: the papaparse floor plus the same JSON stringified and written`,
        measured: `${fmtS(c.wall)} s vs ${fmtS(f.wall)} s + ${fmtS(w.wall)} s = ${fmtS(both)} s: ${(c.wall / both).toFixed(2)} ×`,
        result: 'info',
      });
    }
  }

  // the Python peers: not a target with a bar, the speedup is printed
  for (const cmd of ['openpyxl', 'pandas']) {
    const p = find(small, 'xlsx', cmd);
    if (!p) continue;
    const text = `speedup of gstr1 over the ${cmd} peer, same ${fmtInt(small)}-line .xlsx`;
    const parts = [];
    for (const g of ['convert', 'validate']) {
      const j = find(small, 'xlsx', g);
      if (j?.wall && p.wall) parts.push(`gstr1 ${g} ${fmtS(j.wall)} s vs ${fmtS(p.wall)} s = ${(p.wall / j.wall).toFixed(1)} × faster`);
    }
    targets.push({ text, measured: parts.length ? parts.join('; ') : `not measured: ${describeFailure(p)}`, result: 'info' });
  }

  // report
  const youngCap = path.join(SNAP, 'dist', 'cli', 'young-cap.js');
  const launcher = {
    ...(await import(pathToFileURL(path.join(SNAP, 'dist', 'cli', 'child-env.js')).href)),
    ...(fs.existsSync(youngCap) ? await import(pathToFileURL(youngCap).href) : {}),
  };
  const md = report({ o, mach, busyStart, loadStart, loadEnd, coresStart, coresEnd, returns, jobs, targets, find, launcher });
  log('');
  log(tableText(jobs, o));
  log('');
  for (const t of targets) log(`${t.result.padEnd(4)}  ${t.text}: ${t.measured}`);
  const dest = o.docs ? path.join(ROOT, 'docs', 'performance.md') : path.join(OUT, o.quick ? 'performance-quick.md' : 'performance.md');
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.writeFileSync(dest, md);
  // the web page on the same .xlsx files (bench/browser.mjs), its table put in the report before the notes
  if (o.browser !== false) {
    const b = spawnSync(process.execPath, [path.join(HERE, 'browser.mjs'), '--sizes', o.sizes.join(','), '--runs', String(o.runs)], { cwd: ROOT, stdio: 'inherit' });
    const table = path.join(OUT, 'browser.md');
    if (b.status === 0 && fs.existsSync(table)) {
      const section = `## In the browser\n\nThe web page (\`npm run build:web\`) in headless Chromium, the engine in its worker (a workbook of 512 KB or more read in a second worker, web/src/reading.ts; CSV files read and checked in the engine's worker alone), validating the same .xlsx and CSV files as the CLI (bench/browser.mjs):\n\n${fs.readFileSync(table, 'utf8').trimEnd()}\n\n`;
      fs.writeFileSync(dest, beforeNotes(fs.readFileSync(dest, 'utf8'), section));
    } else log('the browser bench did not run (see above); --no-browser skips it');
  } else {
    // said in the report, so a run without the page does not drop its targets from sight
    fs.writeFileSync(dest, beforeNotes(fs.readFileSync(dest, 'utf8'), '## In the browser\n\nNot measured in this run (`--no-browser`): the page\'s targets (≤ 1.5 × the CLI at 500,000 lines, no main-thread task over 200 ms) are measured by `npm run bench` without that option, or by `npm run bench:browser`.\n\n'));
  }
  log(`\nwrote ${path.relative(ROOT, dest)}`);
  // exit 0 when every command ran (targets are reported, not enforced: the machine is shared and noisy)
  process.exitCode = jobs.some((j) => j.failed) ? 1 : 0;
}

/** `section` put into the report `md` before the notes copied from bench/notes.md (at its end when there are none). */
function beforeNotes(md, section) {
  const notes = path.join(HERE, 'notes.md');
  const first = fs.existsSync(notes) ? fs.readFileSync(notes, 'utf8').split('\n', 1)[0] : '';
  const at = first ? md.indexOf(`\n${first}\n`) : -1;
  return at < 0 ? `${md.trimEnd()}\n\n${section}` : `${md.slice(0, at + 1)}${section}${md.slice(at + 1)}`;
}

function describeFailure(j) {
  const f = j.failure;
  if (!f) return 'no successful run';
  const why = f.timedOut ? 'timeout' : f.signal ? `signal ${f.signal}` : `exit ${f.code}`;
  return `${why}${f.tail ? `: ${f.tail}` : ''}`;
}

function tableText(jobs, o) {
  const rows = [['size', 'input', 'command', 'median s (min-max)', 'CPU s', 'lines/s', 'peak RSS MB med/max', 'x floor', 'ok']];
  for (const j of jobs) {
    rows.push([
      sizeLabel(j.size), j.fmt, j.label,
      j.wall ? `${fmtS(j.wall)} (${fmtS(j.wallMin)}-${fmtS(j.wallMax)})` : 'FAILED', j.wall ? fmtS(j.cpu) : '-',
      j.lps ? fmtInt(j.lps) : '-', j.wall ? `${fmtInt(j.rssMed)} / ${fmtInt(j.rssMax)}` : '-',
      j.ratio ? j.ratio.toFixed(2) : j.cmd === 'floor' ? '1' : '-', `${j.ok}/${j.runs.length}`,
    ]);
  }
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i >= 3 ? c.padStart(w[i]) : c.padEnd(w[i]))).join('  ')).join('\n');
}

function report({ o, mach, busyStart, loadStart, loadEnd, coresStart, coresEnd, returns, jobs, targets, find, launcher }) {
  const L = [];
  const p = (s = '') => L.push(s);
  p('# Performance');
  p();
  p('<!-- Written by `npm run bench` (bench/run.mjs); rerun it to refresh. Edits by hand are overwritten. -->');
  p();
  p(`Measured ${mach.date} on ${mach.cpu}, ${mach.cores} cores, ${mach.memGiB.toFixed(1)} GiB RAM, ${mach.os}, Node ${mach.node}, exceljs ${mach.exceljs}; commit ${mach.commit}; ` +
    `build ${mach.build} (a copy of dist/ taken at the start${mach.distChanged ? '; dist/ was rebuilt during the run, which did not affect the copy' : ''}).`);
  p(conditionsText({ cores: mach.cores, busyStart, loadStart, loadEnd, start: coresStart, end: coresEnd }));
  p(`Each figure is the median of ${o.runs} run${o.runs > 1 ? 's' : ''}${o.quick ? ' (`--quick` smoke run: indicative only)' : ''}; every run is a separate process, and the commands were interleaved run by run.`);
  p();
  p('## Targets');
  p();
  p('| target | measured | result |');
  p('|---|---|---|');
  for (const t of targets) p(`| ${t.text} | ${esc(t.measured)} | **${t.result}** |`);
  p();
  p('## Results');
  for (const { size, m } of returns) {
    const xs = fs.statSync(m.files.xlsx).size / MiB;
    const cs = Object.values(m.files.csv).reduce((s, f) => s + fs.statSync(f).size, 0) / MiB;
    const inputs = [m.files.xlsx];
    p();
    p(`### ${fmtInt(size)} document lines`);
    p();
    p(`${fmtInt(m.dataRows)} data rows: ${Object.entries(m.sheets).map(([k, v]) => `${k} ${fmtInt(v)}`).join(', ')}. ` +
      `The .xlsx is ${xs.toFixed(1)} MiB; the ${Object.keys(m.files.csv).length} CSVs ${cs.toFixed(1)} MiB. Lines/s = data rows ÷ median wall time. ` +
      `V8 flags given by the launcher: ${launcherFlags(inputs, launcher)} (xlsx), ${launcherFlags(Object.values(m.files.csv), launcher)} (CSV).`);
    p();
    p('| input | command | median wall s (min–max) | median CPU s | lines/s | peak RSS MB (median / max) | × floor | runs ok |');
    p('|---|---|---|---|---|---|---|---|');
    for (const j of jobs.filter((x) => x.size === size)) {
      if (!j.wall) {
        p(`| ${j.fmt} | ${j.label} | **failed**: ${esc(describeFailure(j))} | – | – | – | – | 0/${j.runs.length} |`);
        continue;
      }
      p(`| ${j.fmt} | ${j.label} | ${fmtS(j.wall)} (${fmtS(j.wallMin)}–${fmtS(j.wallMax)}) | ${fmtS(j.cpu)} | ${j.lps ? fmtInt(j.lps) : '–'} | ${fmtInt(j.rssMed)} / ${fmtInt(j.rssMax)} | ` +
        `${j.ratio ? j.ratio.toFixed(2) : j.cmd === 'floor' ? '1' : '–'} | ${j.ok}/${j.runs.length}${j.failed ? ` (${esc(describeFailure(j))})` : ''} |`);
    }
  }
  p();
  p('## How it is measured');
  p();
  p('- **Data**: `bench/gen-return.mjs` writes a valid return for the October 2025 period (supplier 27AAACR5055K1Z7): 82 % b2b lines, 5 % b2cl, 5 % b2cs, 5 % cdnr, 3 % exp, ' +
    'plus the HSN summary (hsn(b2b), hsn(b2c): one row per HSN × UQC × rate, a few hundred rows each, exactly the sums of the documents). ' +
    'It is the official template layout (summary block in rows 1–3, headers in row 4, data from row 5, real date cells, shared strings written after the sheets as Excel does) and, for CSV, one file per sheet. ' +
    '`gstr1 validate` finds no errors in it, and only warnings about the data as generated: DOCS_MISSING (it has no docs sheet) and WITH_PAYMENT_NO_TAX on the few SEZ supplies with payment whose items are all at rate 0 (4 at 100,000 lines, 42 at 500,000).');
  p('- **Timing**: `/usr/bin/time -f \'%e %M %U %S\'` around each process: wall seconds including Node start-up (twice for gstr1 when it re-spawns itself), peak RSS, and CPU seconds (user + system, of the process and the children it reaped: every thread, V8\'s compiler and garbage-collector threads included). ' +
    'A run on N cores cannot take less wall time than its CPU ÷ N; the report compares that with the CSV bars (bench/cpu-bound.mjs). ' +
    'gstr1 runs from a copy of dist/ taken at the start (bench/out/build/), so a rebuild of dist/ during the bench does not mix two builds. ' +
    'Between runs the bench calls `sync` and waits a second, so the write-back of the last run\'s files (the floor\'s temp files, an annotated copy) does not fall into the next one\'s time.');
  p('- **Floor**: the same bytes with nothing else done. For .xlsx, the shared strings and every sheet inflated by our own zip reader (src/parsers/zip.ts, from the timed build) and tokenised by saxes, ' +
    'no attribute read and no cell value built (`bench/floor-sax.mjs`); for CSV, papaparse streaming every file as arrays and touching every field (`bench/floor-papaparse.mjs`). ' +
    '"× floor" is the command\'s median wall time over the floor\'s for the same input. ' +
    'For CSV convert there is a second floor, for what it writes: the JSON this build\'s convert wrote for the same return (made once before the runs, not timed), parsed, then each file stringified by `JSON.stringify` and written, byte for byte the same (`bench/floor-json.mjs`; its time is the one the script measures around the stringify and the writes, not the process\'s, which counts the parse; its CPU column is the whole process\'s, the parse included). ' +
    'Convert over the two floors together is printed as information; its bar is on the papaparse floor alone. exceljs\'s streaming `WorkbookReader` touching every cell (`bench/floor-exceljs.mjs`) stays as a reference row.');
  p(`- **Peers** (not part of CI): the converter a Python user writes, on the same .xlsx: openpyxl \`read_only\` (\`bench/peer-openpyxl.py\`) and pandas \`read_excel\` (\`bench/peer-pandas.py\`), ` +
    'timed on the smallest return only (they take 40–100 s a run at 500,000 lines), both reading the b2b sheet only, grouping its lines into invoices per recipient and writing the b2b JSON with floats, as the Python GSTR-1 converters do (`bench/peer_b2b.py`); their lines/s counts b2b lines. ' +
    `gstr1 converts and checks every sheet, so the speedup printed understates ours. Here: ${mach.peers}.`);
  p('- **Peak RSS** of gstr1: for a workbook the CLI runs as a small launcher plus a worker with a heap cap and an 8 MB semi-space (src/cli/main.ts, child-env.ts); files totalling 8 MB or less (the 100,000-line .xlsx) run in the launcher\'s own process, uncapped, and so does validate or convert of a return of CSVs, its young generation capped at 8 MB semi-spaces at run time (src/cli/young-cap.ts). GNU time\'s `%M` (wait4\'s `ru_maxrss`) is the maximum over the process and the children it reaped, ' +
    'not their sum (checked: a parent spawning a 300 MB child reports 342 MB), so with a worker it is the worker\'s peak; the launcher\'s own ~40 MB, resident at the same time, is not included.');
  p('- **Commands**: `convert <files> --gstin 27AAACR5055K1Z7 --period 102025 --out <tmp>`, `validate <files> --gstin … --period …`, and the same with `--annotate <tmp>.xlsx`. ' +
    'exceljs\'s reader spills each sheet it meets before the shared strings to a temp file in `TMPDIR` (about 7× the .xlsx size), for the reference row; gstr1 reads .xlsx with its own reader (zlib, then an offset scanner for the rows and shared strings with saxes for whatever it does not read, src/parsers/xlsx.ts), which reads the zip by its central directory and spills nothing, ' +
    'and on a machine with two cores or more reads it in a worker thread while the main thread maps and checks (src/parsers/host/xlsx-thread.ts; `GSTR1_READER_THREAD=0` turns that off). ' +
    'CSV files use the second core another way: a worker thread reads them, runs the row rules and hands the coerced rows to the main thread, which maps them and runs the rest (src/validators/host/row-rules-thread.ts, src/parsers/row-ship.ts; `GSTR1_RULE_THREAD=0` turns that off); ' +
    'the peak RSS of both threads is one process\'s.');
  p('- **Rerun**: `npm run bench` (3 runs of 100,000 and 500,000 lines; the returns are generated once into bench/out/), `npm run bench -- --runs 5`, `npm run bench -- --quick` (20,000 lines, 1 run, report in bench/out/). ' +
    'Logs of every run are in bench/out/logs/.');
  p();
  // what the profiles showed and what was tried: written by hand in bench/notes.md, kept across reruns
  const notes = path.join(HERE, 'notes.md');
  if (fs.existsSync(notes)) {
    p(fs.readFileSync(notes, 'utf8').trimEnd());
    p();
  }
  return L.join('\n');
}

const esc = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

main().catch((e) => { console.error(e); process.exit(2); });
