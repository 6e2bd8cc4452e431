#!/usr/bin/env node
/**
 * Two builds of the command line, side by side: a speed change must not change a single output byte.
 *
 *   node bench/compare-builds.mjs snapshot <name>      copy dist/ (with data/, schema/, package.json) to bench/out/builds/<name>
 *   node bench/compare-builds.mjs diff <a> <b>         run every case with both builds, compare the outputs byte for byte
 *   node bench/compare-builds.mjs time <a> <b> [--runs 5] [--cmd validate|convert] [--lines 500000]
 *                                                       interleaved timings of the CSV return (GNU time: wall, user, RSS)
 *   node bench/compare-builds.mjs count <a> <b> [--runs 2] [--cmd validate|convert] [--lines 100000]
 *                                                       instructions executed on the CSV return (valgrind), for changes
 *                                                       smaller than this machine's timing noise
 *
 * The cases (diff): the bench's CSV returns of 100,000 lines, clean and with 1 % planted defects; a 20,000-line return
 * with 2 % defects as .xlsx and as CSVs; the three sample workbooks; every CSV of test/fixtures/corpus alone;
 * test/fixtures/sample-csv whole and each CSV alone. Each case runs `validate` (console text and exit code),
 * `validate --report` (JSON) and `convert --force` (every JSON written). The inputs are generated once into bench/out/.
 * Not part of CI: it is how a performance change is checked before it is merged (bench/notes.md).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const OUT = path.join(HERE, 'out');
const BUILDS = path.join(OUT, 'builds');
const GSTIN = ['--gstin', '27AAACR5055K1Z7', '--period', '102025'];

const [cmd, ...rest] = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : dflt;
};

function cliOf(name) {
  const cli = path.join(BUILDS, name, 'dist', 'cli', 'bundle', 'main.js');
  if (!fs.existsSync(cli)) {
    console.error(`no build named ${name}: run \`node bench/compare-builds.mjs snapshot ${name}\` after \`npm run build\``);
    process.exit(2);
  }
  return cli;
}

function snapshot(name) {
  const dest = path.join(BUILDS, name);
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  fs.cpSync(path.join(ROOT, 'dist'), path.join(dest, 'dist'), { recursive: true, filter: (f) => !/\.(map|d\.ts)$/.test(f) });
  for (const d of ['data', 'schema']) fs.cpSync(path.join(ROOT, d), path.join(dest, d), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dest, 'package.json'));
  console.log(`build ${name} kept in ${path.relative(ROOT, dest)}`);
}

function generate(lines, out, extra) {
  if (fs.existsSync(`${out}.manifest.json`)) return;
  const r = spawnSync(process.execPath, [path.join(HERE, 'gen-return.mjs'), '--lines', String(lines), '--out', out, '--quiet', ...extra], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(2);
}

const csvs = (dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.csv')).sort().map((f) => path.join(dir, f));

function cases() {
  generate(100000, path.join(OUT, 'ret-100000'), ['--formats', 'csv']);
  generate(100000, path.join(OUT, 'err-100000'), ['--formats', 'csv', '--errors', '0.01']);
  generate(20000, path.join(OUT, 'err-20000'), ['--errors', '0.02']);
  const list = [
    ['ret-100000-csv', csvs(path.join(OUT, 'ret-100000-csv'))],
    ['err-100000-csv', csvs(path.join(OUT, 'err-100000-csv'))],
    ['err-20000-xlsx', [path.join(OUT, 'err-20000.xlsx')]],
    ['err-20000-csv', csvs(path.join(OUT, 'err-20000-csv'))],
  ];
  for (const f of fs.readdirSync(path.join(ROOT, 'templates', 'sample')).filter((f) => f.endsWith('.xlsx')).sort()) list.push([`sample-${f}`, [path.join(ROOT, 'templates', 'sample', f)]]);
  for (const f of csvs(path.join(ROOT, 'test', 'fixtures', 'corpus'))) list.push([`corpus-${path.basename(f)}`, [f]]);
  const sample = csvs(path.join(ROOT, 'test', 'fixtures', 'sample-csv'));
  list.push(['sample-csv', sample]);
  for (const f of sample) list.push([`sample-csv-${path.basename(f)}`, [f]]);
  return list;
}

/** Runs one case with one build; returns the outputs as { name: bytes }. */
function runCase(cli, files) {
  const tmp = path.join(OUT, 'tmp', 'compare');
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  const env = { ...process.env, NO_COLOR: '1' };
  const run = (args) => spawnSync(process.execPath, [cli, ...args], { cwd: ROOT, encoding: 'utf8', env, maxBuffer: 1 << 28 });
  const outputs = {};
  const v = run(['validate', ...files, ...GSTIN]);
  outputs['validate.txt'] = `exit ${v.status}\n${v.stdout}\n--- stderr\n${v.stderr}`;
  const r = run(['validate', ...files, ...GSTIN, '--report', path.join(tmp, 'report.json')]);
  outputs['report.exit'] = String(r.status);
  const c = run(['convert', ...files, ...GSTIN, '--force', '--out', path.join(tmp, 'ret.json')]);
  outputs['convert.txt'] = `exit ${c.status}\n${c.stdout}\n--- stderr\n${c.stderr}`;
  for (const f of fs.readdirSync(tmp).sort()) outputs[f] = fs.readFileSync(path.join(tmp, f));
  return outputs;
}

function diff(a, b) {
  const [ca, cb] = [cliOf(a), cliOf(b)];
  let differ = 0;
  let files = 0;
  const list = cases();
  for (const [name, inputs] of list) {
    const oa = runCase(ca, inputs);
    const ob = runCase(cb, inputs);
    const names = [...new Set([...Object.keys(oa), ...Object.keys(ob)])].sort();
    const bad = names.filter((n) => !(n in oa) || !(n in ob) || !Buffer.from(oa[n]).equals(Buffer.from(ob[n])));
    files += names.length;
    if (bad.length) {
      differ++;
      const keep = path.join(OUT, 'compare', name);
      fs.rmSync(keep, { recursive: true, force: true });
      for (const [side, o] of [[a, oa], [b, ob]]) {
        fs.mkdirSync(path.join(keep, side), { recursive: true });
        for (const n of bad) if (n in o) fs.writeFileSync(path.join(keep, side, n), o[n]);
      }
      console.log(`DIFFERS ${name}: ${bad.join(', ')} (kept in ${path.relative(ROOT, keep)})`);
    } else console.log(`same    ${name} (${names.length} outputs)`);
  }
  console.log(`${list.length} cases, ${files} outputs compared, ${differ} case(s) differ`);
  process.exit(differ ? 1 : 0);
}

/** The command line of one timed or counted run of the CSV return (`out` names convert's output). */
function returnArgs(what, lines, out) {
  generate(lines, path.join(OUT, `ret-${lines}`), ['--formats', 'csv']);
  const files = csvs(path.join(OUT, `ret-${lines}-csv`));
  fs.mkdirSync(path.join(OUT, 'tmp'), { recursive: true });
  return what === 'convert' ? ['convert', ...files, ...GSTIN, '--out', path.join(OUT, 'tmp', out)] : ['validate', ...files, ...GSTIN];
}

function time(a, b) {
  const runs = Number(flag('--runs', '5'));
  const what = flag('--cmd', 'validate');
  const lines = Number(flag('--lines', '500000'));
  const args = returnArgs(what, lines, 'time.json');
  const got = { [a]: [], [b]: [] };
  for (let i = 0; i < runs; i++) {
    for (const name of [a, b]) {
      spawnSync('sync');
      spawnSync('sleep', ['1']);
      const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, cliOf(name), ...args], { cwd: ROOT, encoding: 'utf8' });
      const [wall, user, sys, rss] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
      got[name].push({ wall, cpu: user + sys, rss: rss / 1024 });
      console.log(`${name.padEnd(12)} wall ${wall.toFixed(2)} s  cpu ${(user + sys).toFixed(2)} s  peak ${(rss / 1024).toFixed(0)} MB`);
    }
  }
  const med = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  for (const name of [a, b]) {
    const g = got[name];
    console.log(`${name}: median wall ${med(g.map((x) => x.wall)).toFixed(2)} s, cpu ${med(g.map((x) => x.cpu)).toFixed(2)} s, peak ${med(g.map((x) => x.rss)).toFixed(0)} MB (${what}, ${lines} lines, ${runs} runs)`);
  }
}

/**
 * Instructions executed (valgrind's cachegrind, no cache simulation): the same run counts within
 * about 1 % where its wall time here swings by a quarter, and it does not depend on what else the
 * machine runs, so both builds are counted at once. Valgrind runs one thread at a time, which
 * delays V8's background compiling and collecting: flags that move that work between threads
 * count differently than they time, so this is for changes to our own code, and a wall-clock
 * `time` round still decides. A 100,000-line validate takes about 40 s under valgrind.
 */
async function count(a, b) {
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    console.error('count needs valgrind (apt-get install -y valgrind)');
    process.exit(2);
  }
  const runs = Number(flag('--runs', '2'));
  const what = flag('--cmd', 'validate');
  const lines = Number(flag('--lines', '100000'));
  // each side its own output file: both run at once
  const argsOf = { a: returnArgs(what, lines, 'count-a.json'), b: returnArgs(what, lines, 'count-b.json') };
  const one = (name, side) => new Promise((resolve) => {
    const vg = ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, cliOf(name), ...argsOf[side]];
    const child = spawn('valgrind', vg, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', () => {
      const m = /I\s+refs:\s+([\d,]+)/.exec(err);
      resolve(m ? Number(m[1].replaceAll(',', '')) : NaN);
    });
  });
  // by side, not by name: a build counted against itself shows the method's own spread
  const xs = [];
  const ys = [];
  for (let i = 0; i < runs; i++) {
    const [x, y] = await Promise.all([one(a, 'a'), one(b, 'b')]);
    xs.push(x);
    ys.push(y);
    console.log(`${a} ${(x / 1e9).toFixed(3)} G   ${b} ${(y / 1e9).toFixed(3)} G`);
  }
  const mean = (v) => v.reduce((s, x) => s + x, 0) / v.length;
  const [ma, mb] = [mean(xs), mean(ys)];
  console.log(`${b} against ${a}: ${(((mb - ma) / ma) * 100).toFixed(2)} % instructions (${what}, ${lines} lines, ${runs} runs each, means)`);
}

if (cmd === 'snapshot' && rest[0]) snapshot(rest[0]);
else if (cmd === 'diff' && rest.length >= 2) diff(rest[0], rest[1]);
else if (cmd === 'time' && rest.length >= 2) time(rest[0], rest[1]);
else if (cmd === 'count' && rest.length >= 2) await count(rest[0], rest[1]);
else {
  console.error('usage: node bench/compare-builds.mjs snapshot <name> | diff <a> <b> | time <a> <b> [--runs 5] [--cmd validate|convert] [--lines 500000] | count <a> <b> [--runs 2] [--cmd validate|convert] [--lines 100000]');
  process.exit(2);
}
