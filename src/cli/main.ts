#!/usr/bin/env node
/**
 * Entry point. V8 sizes its heap from the machine's memory and, with gigabytes free, lets
 * garbage pile up: a 500,000-line workbook then peaks near 450 MB although under 100 MB is live.
 * So the CLI runs itself once more with a heap cap sized to the input (measured: 768 MB cap →
 * about 280 MB peak at 500,000 lines), unless the user set one. Small inputs run in this process:
 * a second Node start-up is a quarter of their run, and the cap does not change their peak. For a
 * workbook or a CSV the young generation is capped as well (child-env.ts).
 *
 * Stopping the launcher stops the worker: signals are passed on, and the worker watches the IPC
 * channel to its parent, so a launcher killed outright (SIGKILL, a closed terminal) takes the
 * worker with it — a stopped upload or filing must not go on in the background.
 */
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { childEnv, childFlags, HEAP_FLAG, inputArgs, readsRows, SMALL_INPUT_BYTES, userSet } from './child-env.js';

function fileBytes(args: readonly string[]): number {
  let bytes = 0;
  for (const a of args) {
    try {
      const st = statSync(a);
      if (st.isFile()) bytes += st.size;
    } catch {
      // not a file argument
    }
  }
  return bytes;
}

const args = process.argv.slice(2);
// the inputs only: an old --report or --out file of any size says nothing about this run
const bytes = fileBytes(inputArgs(args));
const capped = process.env.GSTR1_CHILD === '1' || userSet(HEAP_FLAG, process.execArgv, process.env);
const small = bytes > 0 && bytes <= SMALL_INPUT_BYTES;

if (capped || small) {
  if (capped && process.send && process.channel) {
    // a worker: the launcher gone (killed, even with SIGKILL) means the user stopped the run
    process.channel.unref();
    process.on('disconnect', () => process.exit(130));
  }
  // the command line is loaded only in the process that runs it: the launcher stays light
  await (await import('./prestart.js')).prestartReaders(args);
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
