/**
 * Starting a worker thread on one of the engine's modules (Node host only), from the built
 * JavaScript or, in the tests, from the TypeScript sources through tsx.
 */
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * A worker's young generation, smaller than V8's default: its garbage is short-lived row values.
 * Measured at 500,000 lines (the xlsx reader): peak RSS 209–216 MB instead of 232–233 MB, wall
 * time within noise.
 */
export const WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 16 };

/** Whether a second thread is worth starting: two cores or more, unless `envVar` is 0. */
export function secondCore(envVar: string, cores = availableParallelism()): boolean {
  return process.env[envVar] !== '0' && cores >= 2;
}

/** A worker on the module `name` (without extension) beside `from` (the caller's import.meta.url). */
export function startWorker(name: string, from: string, workerData: unknown, resourceLimits: ResourceLimits = WORKER_LIMITS): Worker {
  const url = new URL(`./${name}${from.endsWith('.ts') ? '.ts' : '.js'}`, from);
  if (url.pathname.endsWith('.js')) return new Worker(url, { workerData, resourceLimits });
  // run from the TypeScript sources (the tests): the worker loads them through tsx as well
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}

/**
 * A worker's messages as an async queue, in order. Its crash and its exit come as messages too
 * (`failed`), so a reader waiting on it always gets an answer; what comes after the message it
 * ends on is never asked for.
 */
export class Inbox<M> {
  private readonly queue: M[] = [];
  private waiting: ((m: M) => void) | undefined;

  constructor(worker: Worker, failed: (message: string) => M, stopped: string) {
    worker.on('message', (m: M) => this.put(m));
    worker.on('error', (e) => this.put(failed(e.message)));
    worker.on('exit', () => this.put(failed(stopped)));
  }

  next(): Promise<M> {
    if (this.queue.length > 0) return Promise.resolve(this.queue.shift()!);
    return new Promise((r) => (this.waiting = r));
  }

  private put(m: M): void {
    const w = this.waiting;
    this.waiting = undefined;
    if (w) w(m);
    else this.queue.push(m);
  }
}
