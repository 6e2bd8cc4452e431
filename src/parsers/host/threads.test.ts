import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { dropPrestarted, isPrestarted, prestartWorker, startWorker } from './threads.js';

/** a file beside test/fixtures/threads/echo-worker.ts, as the `from` startWorker resolves the worker against */
const FROM = new URL('../../../test/fixtures/threads/here.ts', import.meta.url).href;

function firstMessage(w: import('node:worker_threads').Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
  });
}

afterEach(() => dropPrestarted());

describe('prestarted workers', () => {
  it('a prestarted worker is handed the data startWorker is given, once; the next start is a new worker', async () => {
    prestartWorker('echo-worker', FROM);
    expect(isPrestarted('echo-worker')).toBe(true);
    const warm = startWorker('echo-worker', FROM, { file: 'a.csv', n: 5 });
    expect(isPrestarted('echo-worker')).toBe(false);
    expect(await firstMessage(warm)).toEqual({ job: { file: 'a.csv', n: 5 }, prestarted: true });
    const cold = startWorker('echo-worker', FROM, 'b.xlsx');
    expect(await firstMessage(cold)).toEqual({ job: 'b.xlsx', prestarted: false });
  });

  it('a prestarted worker that is never taken does not keep the process alive', () => {
    const script = fileURLToPath(new URL('../../../test/fixtures/threads/prestart-unused.ts', import.meta.url));
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 30_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('prestarted\n');
  });

  it('a prestarted worker that stopped before it was taken is not handed a job: a new one is started', async () => {
    prestartWorker('echo-worker', FROM);
    dropPrestarted();
    expect(isPrestarted('echo-worker')).toBe(false);
    const w = startWorker('echo-worker', FROM, 7);
    expect(await firstMessage(w)).toEqual({ job: 7, prestarted: false });
  });
});
