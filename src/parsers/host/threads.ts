/**
 * Starting a worker thread on one of the engine's modules (Node host only), from the built
 * JavaScript or, in the tests, from the TypeScript sources through tsx.
 */
import { availableParallelism } from 'node:os';
import { once } from 'node:events';
import { parentPort, Worker, workerData, type ResourceLimits } from 'node:worker_threads';
import { Mailbox } from './mailbox.js';

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

/**
 * Workers started before their data was known (prestartWorker), by module name, each taken once.
 * A worker needs 0.1-0.15 s to start and load its modules; started while this thread still loads
 * the command line, it is ready when the job is, instead of the job waiting on it.
 */
const warm = new Map<string, Worker>();

/** what a prestarted worker's first message holds: the data startWorker would have given it */
interface Job {
  readonly job: unknown;
}

/** A worker on the module `name` (without extension) beside `from` (the caller's import.meta.url). */
export function startWorker(name: string, from: string, workerData: unknown, resourceLimits: ResourceLimits = WORKER_LIMITS): Worker {
  const ready = resourceLimits === WORKER_LIMITS ? warm.get(name) : undefined;
  if (ready) {
    warm.delete(name);
    ready.ref();
    ready.postMessage({ job: workerData } satisfies Job);
    return ready;
  }
  return newWorker(name, from, workerData, resourceLimits);
}

/**
 * Starts the worker on `name` now, without its data: it loads its modules on the other core and
 * waits (workerJob) for the data startWorker gives it. Not taken, it keeps no process alive.
 * Both must be called with the same resource limits (the default ones).
 */
export function prestartWorker(name: string, from: string): void {
  if (warm.has(name)) return;
  const w = newWorker(name, from, PRESTARTED, WORKER_LIMITS);
  w.unref();
  // one that fails to start, or stops, before it is taken is simply not used
  const drop = () => {
    if (warm.get(name) === w) warm.delete(name);
  };
  w.on('error', drop);
  w.on('exit', drop);
  warm.set(name, w);
}

/** Whether a prestarted worker on `name` waits to be taken. */
export function isPrestarted(name: string): boolean {
  return warm.has(name);
}

/** Stops the prestarted workers nobody took (the tests; a run that ends drops them anyway). */
export function dropPrestarted(): void {
  for (const w of warm.values()) void w.terminate();
  warm.clear();
}

/** the workerData of a prestarted worker (no job's data is an object with this key) */
const PRESTARTED = { gstr1Prestarted: true } as const;

/**
 * In a worker: its data, given at start or, prestarted, in its first message. Called before the
 * worker listens to other messages.
 */
export async function workerJob<T>(): Promise<T> {
  const data: unknown = workerData;
  if (!(typeof data === 'object' && data !== null && 'gstr1Prestarted' in data)) return data as T;
  const [m] = (await once(parentPort!, 'message')) as [Job];
  return m.job as T;
}

function newWorker(name: string, from: string, data: unknown, resourceLimits: ResourceLimits): Worker {
  const url = new URL(`./${name}${from.endsWith('.ts') ? '.ts' : '.js'}`, from);
  if (url.pathname.endsWith('.js')) return new Worker(url, { workerData: data, resourceLimits });
  // run from the TypeScript sources (the tests): the worker loads them through tsx as well
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData: data, resourceLimits });
}

/**
 * A worker's messages as an async queue, in order. Its crash and its exit come as messages too
 * (`failed`), so a reader waiting on it always gets an answer; what comes after the message it
 * ends on is never asked for.
 */
export class Inbox<M> extends Mailbox<M> {
  constructor(worker: Worker, failed: (message: string) => M, stopped: string) {
    super();
    worker.on('message', (m: M) => this.put(m));
    worker.on('error', (e) => this.put(failed(e.message)));
    worker.on('exit', () => this.put(failed(stopped)));
  }
}
