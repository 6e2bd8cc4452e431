/**
 * Row rules on the second core (Node host): row-rules-worker.ts reads the CSV files and runs the
 * row rules while this thread maps the rows and runs the rest (validators/row-rules.ts). A job
 * that ships its rows is the pass's only reading: this thread takes the coerced rows from the
 * worker's batches (parsers/row-ship.ts) instead of reading the files itself. A machine with one
 * core, or GSTR1_RULE_THREAD=0, reads and checks in this thread.
 */
import type { Worker } from 'node:worker_threads';
import { InputError } from '../../model/errors.js';
import type { Params } from '../../model/finding.js';
import { RowLanding, type ShippedBatch } from '../../parsers/row-ship.js';
import type { ParsedRow, ReadOptions } from '../../parsers/rows.js';
import { secondCore, startWorker } from '../../parsers/host/threads.js';
import type { RowRulesOutcome, RowRulesRunner } from '../row-rules.js';

/** what the worker posts: batches of rows (a shipping job), then the outcome, or why it has none */
export type RowRulesMessage =
  | { t: 'rows'; batch: ShippedBatch }
  | { t: 'done'; outcome: RowRulesOutcome }
  | { t: 'failed'; code?: string; params?: Params; message?: string };

/**
 * Batches the worker may post ahead of the rows this thread has taken: enough to keep it busy
 * while this thread maps, few enough that the rows waiting stay a few thousand.
 */
export const WINDOW = 4;

const PROGRESS_EVERY = 5000;

/**
 * The reading thread's young generation when it ships its rows: half the usual. With 16 MB its heap
 * grew with the return (33–44 MB committed at 100,000 lines, 51–69 MB at 500,000, for a live heap
 * of about 20 MB at both); with 8 MB it stayed at 32–33 MB.
 */
const SHIPPING_LIMITS = { maxYoungGenerationSizeMb: 8 };

export const rowRulesThread: RowRulesRunner = (job) => {
  if (!secondCore('GSTR1_RULE_THREAD')) return undefined;
  const worker = startWorker('row-rules-worker', import.meta.url, { job }, job.ship ? SHIPPING_LIMITS : undefined);
  // checking only, it never keeps the process alive: a run that ended early does not wait for it;
  // shipping, this thread waits on its rows (and a run that ends early stops it)
  if (!job.ship) worker.unref();
  const inbox = new Inbox(worker);
  let failure: Error | undefined;
  const outcome = new Promise<RowRulesOutcome>((resolve, reject) => {
    inbox.onEnd = (m) => {
      if (m.t === 'done') resolve(m.outcome);
      else reject((failure = failed(m)));
    };
  });
  const stop = () => void worker.terminate();
  if (!job.ship) return { outcome, stop };
  async function* rows(read: ReadOptions): AsyncGenerator<readonly ParsedRow[]> {
    const landing = new RowLanding(read.findings, read.stats);
    let total = 0;
    for (;;) {
      const batch = await inbox.nextBatch();
      if (!batch) {
        // every row was posted before the outcome: a failure ends the reading as it would have in this thread
        await outcome.catch(() => undefined);
        if (failure) throw failure;
        return;
      }
      worker.postMessage(0);
      const landed = landing.land(batch);
      if (landed.length === 0) continue;
      yield landed;
      // every 5,000 rows, as the reader says it in this thread (rows.ts BatchRows)
      const before = total;
      total += landed.length;
      if (read.onProgress) for (let n = before - (before % PROGRESS_EVERY) + PROGRESS_EVERY; n <= total; n += PROGRESS_EVERY) read.onProgress(n, landed[0]!.ctx.file);
    }
  }
  return { outcome, stop, rows };
};

function failed(m: RowRulesMessage & { t: 'failed' }): Error {
  return m.code ? new InputError(m.code, m.params ?? {}) : new Error(m.message ?? 'the rule thread failed');
}

/** The worker's batches as an async queue; its last message (outcome or failure) goes to `onEnd`. */
class Inbox {
  private readonly queue: ShippedBatch[] = [];
  private ended = false;
  private waiting: ((b: ShippedBatch | undefined) => void) | undefined;
  onEnd: (m: Exclude<RowRulesMessage, { t: 'rows' }>) => void = () => {};

  constructor(worker: Worker) {
    worker.on('message', (m: RowRulesMessage) => {
      if (m.t === 'rows') return this.put(m.batch);
      this.end(m);
    });
    worker.on('error', (e) => this.end({ t: 'failed', message: e.message }));
    worker.on('exit', () => this.end({ t: 'failed', message: 'the rule thread stopped' }));
  }

  nextBatch(): Promise<ShippedBatch | undefined> {
    const b = this.queue.shift();
    if (b || this.ended) return Promise.resolve(b);
    return new Promise((r) => (this.waiting = r));
  }

  private put(b: ShippedBatch): void {
    const w = this.waiting;
    this.waiting = undefined;
    if (w) w(b);
    else this.queue.push(b);
  }

  private end(m: Exclude<RowRulesMessage, { t: 'rows' }>): void {
    if (this.ended) return;
    this.ended = true;
    this.onEnd(m);
    const w = this.waiting;
    this.waiting = undefined;
    w?.(undefined);
  }
}
