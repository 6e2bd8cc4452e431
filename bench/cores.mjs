#!/usr/bin/env node
// bench/cores.mjs: how free this machine's cores are, for the report's first lines.
//
// The load average cannot tell: on a shared host the second core can be partly taken while this
// machine shows no other process (2026-12-07: floors 10-60 % slower, load average 0.1). So the
// bench times a fixed CPU loop alone, then two copies at once, before and after its runs. Two
// copies slower than one mean the cores were not both free; the gstr1 commands use both, the
// floors one, so such a spell slows the commands more than their floors.
//
//   node bench/cores.mjs     runs the loop once and prints its seconds
import { spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
/** loop turns: about 0.25 s on the 2-core machine of docs/performance.md */
const TURNS = 2e8;
/** two copies at once this much slower than one: the cores were not both free */
const SHARED = 1.1;
/** cores in use by other processes at the start above which the report calls them busy */
const BUSY_CORES = 0.25;
/** how long othersUse watches the cores, as the report states it */
const WATCH_MS = 1000;

function spin() {
  const t = process.hrtime.bigint();
  let s = 0;
  for (let i = 0; i < TURNS; i++) s = (s + (i % 7)) | 0;
  const secs = Number(process.hrtime.bigint() - t) / 1e9;
  // the sum printed too, so no engine could drop the loop as unused
  process.stdout.write(`${secs.toFixed(3)} ${s}\n`);
}

/** One loop in its own process; resolves to its seconds (the process's start-up not counted). */
function loop() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SELF], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Number(out.split(' ')[0])) : reject(new Error(`bench/cores.mjs exited ${code}`))));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The loop's seconds alone and two at once (the slower of the pair), medians of `rounds`: about
 * 2 s on this machine. On a single core, two at once are expected to take twice as long.
 */
export async function coreCheck(rounds = 3) {
  const alone = [];
  const pair = [];
  for (let i = 0; i < rounds; i++) alone.push(await loop());
  for (let i = 0; i < rounds; i++) pair.push(Math.max(...(await Promise.all([loop(), loop()]))));
  return { alone: median(alone), pair: median(pair) };
}

/** A coreCheck result in words, as the report and the bench's log give it. */
export function loopText(c) {
  return `${c.alone.toFixed(2)} s alone and ${c.pair.toFixed(2)} s two at once`;
}

/**
 * The cores other processes use now: every core's busy time over `ms` while this process sleeps
 * (a figure of 1 is one core fully taken). The load average cannot say this: it is a trailing
 * average, still about 1 a minute after an earlier bench or a build has ended.
 */
export async function othersUse(ms = WATCH_MS) {
  const sum = () => os.cpus().reduce((a, c) => {
    const t = c.times;
    a.busy += t.user + t.nice + t.sys + t.irq;
    a.all += t.user + t.nice + t.sys + t.irq + t.idle;
    return a;
  }, { busy: 0, all: 0 });
  const before = sum();
  await new Promise((r) => setTimeout(r, ms));
  const after = sum();
  const all = after.all - before.all;
  return all > 0 ? ((after.busy - before.busy) / all) * os.cpus().length : 0;
}

/**
 * The report's sentence on the machine's state: what other processes used at the start (the
 * load average is printed, not judged: at the start it still counts what ended a minute ago, at
 * the end the bench's own runs) and the loop before and after the runs. `start`/`end` are
 * coreCheck results, or undefined when not measured.
 */
export function conditionsText({ cores, busyStart, loadStart, loadEnd, start, end }) {
  const f = (x) => x.toFixed(2);
  const parts = [];
  parts.push(`At the start, other processes used ${f(busyStart)} of the ${cores} cores (measured over ${WATCH_MS / 1000} s)` +
    (busyStart > BUSY_CORES ? ': they were busy, so read the times as ±15 % or worse' : '') + '.');
  parts.push(`Load average (1/5/15 min) at the start ${loadStart.map(f).join(' / ')}, which still counts what ran in the minute before; ` +
    `at the end ${loadEnd.map(f).join(' / ')}, the bench's own runs included.`);
  const checks = [['before the runs', start], ['after them', end]].filter(([, c]) => c);
  if (checks.length) {
    parts.push(`A fixed CPU loop (bench/cores.mjs) took ${checks.map(([when, c]) => `${loopText(c)} ${when}`).join('; ')}` +
      ' (compare the loop alone between benches: a higher figure is a slower spell of the machine).');
    // a single core runs two copies one after the other: only a second core can be "not free"
    const shared = cores > 1 ? checks.filter(([, c]) => c.pair > c.alone * SHARED) : [];
    if (shared.length) {
      const worst = Math.max(...shared.map(([, c]) => c.pair / c.alone));
      parts.push(`Two at once were up to ${Math.round((worst - 1) * 100)} % slower than one (${shared.map(([when]) => when).join(' and ')}): ` +
        'the two cores were not both free, which slows the gstr1 commands (they use both) more than the one-thread floors.');
    }
  }
  return parts.join(' ');
}

if (process.argv[1] === SELF) spin();
