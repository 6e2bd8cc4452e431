/**
 * The launcher (src/cli/main.ts) runs the command in a worker with a heap cap. Stopping the
 * launcher must stop the worker: a run the user stopped must not go on uploading or filing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const started: ChildProcess[] = [];
afterEach(() => {
  for (const c of started.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** The launcher running the emulator (a command that runs until stopped), and the worker's address. */
async function launch(): Promise<{ launcher: ChildProcess; url: string }> {
  const launcher = spawn(process.execPath, ['--import', 'tsx', MAIN, 'emulator', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(launcher);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    launcher.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    launcher.on('exit', () => reject(new Error(`launcher exited early: ${out}`)));
  });
  return { launcher, url };
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/__emulator/returns`, { signal: AbortSignal.timeout(500) });
    return true;
  } catch {
    return false;
  }
}

async function stopsAnswering(url: string, ms = 5000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!(await answers(url))) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe('launcher', () => {
  it('a SIGKILL of the launcher takes the worker with it', async () => {
    const { launcher, url } = await launch();
    expect(await answers(url)).toBe(true);
    launcher.kill('SIGKILL');
    expect(await stopsAnswering(url)).toBe(true);
  }, 20_000);

  it('SIGINT sent to the launcher alone (kill -INT) is passed on: the worker stops, and so does the launcher', async () => {
    const { launcher, url } = await launch();
    const exited = new Promise<number | null>((r) => launcher.on('exit', (code) => r(code)));
    launcher.kill('SIGINT');
    const timeout = new Promise<'still running'>((r) => setTimeout(() => r('still running'), 5000));
    // 0 when the command's own handler ran, 130 when the signal ended the worker first
    expect([0, 130]).toContain(await Promise.race([exited, timeout]));
    expect(await stopsAnswering(url)).toBe(true);
  }, 20_000);
});
