#!/usr/bin/env node
/**
 * Entry point. V8 sizes its heap from the machine's memory and, with gigabytes free, lets
 * garbage pile up: a 500,000-line workbook once peaked near 450 MB although under 100 MB was live
 * (read with exceljs; with the project's own reader, 159-175 MB uncapped, 2026-12-07). So the CLI
 * runs itself once more with a heap cap sized to the input, unless the user set one, and for a
 * workbook or a CSV an 8 MB semi-space (child-env.ts): a workbook's peak grows 1.25 x from 100,000
 * to 500,000 lines in the child, 1.31 x here with the young generation capped at run time. Small
 * inputs run in this process: a second Node start-up is a quarter of their run, and the cap does
 * not change their peak. Validate and convert of a return of CSVs run here whatever its size, the
 * young generation capped at run time (young-cap.ts): the second start-up cost them 0.10-0.11 s
 * (launchPlan).
 *
 * Stopping the launcher stops the worker: signals are passed on, and the worker watches the IPC
 * channel to its parent, so a launcher killed outright (SIGKILL, a closed terminal) takes the
 * worker with it — a stopped upload or filing must not go on in the background.
 */
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { childEnv, childFlags, inputFiles, launchPlan, readsRows, YOUNG_MB } from './child-env.js';
import { capYoungGeneration, youngCapWorks } from './young-cap.js';

const args = process.argv.slice(2);
const files = inputFiles(args);
const bytes = files.reduce((n, f) => n + f.bytes, 0);
const inChild = process.env.GSTR1_CHILD === '1';
const launch = launchPlan(args, files, {
  child: inChild,
  execArgv: process.execArgv,
  env: process.env,
  capWorks: youngCapWorks(),
  heapLimitMb: getHeapStatistics().heap_size_limit / 1024 / 1024,
});

if (launch.here) {
  // before the reading threads start: they begin with the young generation the cap gives them
  if (launch.capYoung) capYoungGeneration(YOUNG_MB);
  if (inChild && process.send && process.channel) {
    // a worker: the launcher gone (killed, even with SIGKILL) means the user stopped the run
    process.channel.unref();
    process.on('disconnect', () => process.exit(130));
  }
  // the command line is loaded only in the process that runs it: the launcher stays light
  await (await import('./prestart.js')).prestartReaders(args[0], files);
  const { runCLI } = await import('./cli.js');
  const { dropOutputOnceClosed } = await import('./closed-output.js');
  dropOutputOnceClosed(process.stdout);
  dropOutputOnceClosed(process.stderr);
  process.exitCode = await runCLI(args);
} else {
  // imported here: the command's own process never spawns, and loading it cost that process about 5 ms
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [...process.execArgv, ...childFlags(bytes, readsRows(args), process.execArgv, process.env), fileURLToPath(import.meta.url), ...args], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: childEnv(process.env),
  });
  // passed on, Ctrl-C included: a terminal signals both processes, `kill -INT` only this one
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : signal === 'SIGHUP' ? 129 : 1);
  });
}
