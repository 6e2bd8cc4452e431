/**
 * Row rules on the second core (Node host): row-rules-worker.ts reads the CSV files and runs the
 * row rules while this thread maps the rows and runs the rest (validators/row-rules.ts). A job
 * that ships its rows is the pass's only reading: this thread takes the coerced rows from the
 * worker's batches (parsers/row-ship.ts) instead of reading the files itself. A machine with one
 * core, or GSTR1_RULE_THREAD=0, reads and checks in this thread.
 */
import { InputError } from '../../model/errors.js';
import type { Params } from '../../model/finding.js';
import { RowLanding, type ShippedBatch } from '../../parsers/row-ship.js';
import type { ParsedRow, ReadOptions } from '../../parsers/rows.js';
import { Inbox, startWorker } from '../../parsers/host/threads.js';
import { rulesOnThread } from './row-rules-prestart.js';
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

export const rowRulesThread: RowRulesRunner = (job) => {
  if (!rulesOnThread()) return undefined;
  // the young generation other workers get (threads.ts), shipping or not: with 8 MB, a batch of rows alive from its
  // reading until posted survived its scavenges (279-308 of them at 500,000 lines, against 135 with 16 MB) and the
  // process spent about 15 % more CPU (bench/notes.md, 2026-12-06, fourth session)
  const worker = startWorker('row-rules-worker', import.meta.url, job);
  // checking only, it never keeps the process alive: a run that ended early does not wait for it;
  // shipping, this thread waits on its rows (and a run that ends early stops it)
  if (!job.ship) worker.unref();
  const inbox = new Inbox<RowRulesMessage>(worker, (message) => ({ t: 'failed', message }), 'the rule thread stopped');
  // the worker's last message: its outcome, or why there is none (after every batch of a shipping job)
  let end!: (m: EndMessage) => void;
  const ended = new Promise<EndMessage>((r) => (end = r));
  const outcome = ended.then((m) => (m.t === 'done' ? m.outcome : Promise.reject(failed(m))));
  const stop = () => void worker.terminate();
  if (!job.ship) {
    void inbox.next().then((m) => end(m.t === 'rows' ? { t: 'failed', message: 'rows from a job that does not ship them' } : m));
    return { outcome, stop };
  }
  async function* rows(read: ReadOptions): AsyncGenerator<readonly ParsedRow[]> {
    const landing = new RowLanding(read.findings, read.stats);
    let total = 0;
    for (;;) {
      const m = await inbox.next();
      if (m.t !== 'rows') {
        end(m);
        // every row was posted before the outcome: a failure ends the reading as it would have in this thread
        if (m.t === 'failed') throw failed(m);
        return;
      }
      worker.postMessage(0);
      const landed = landing.land(m.batch);
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

type EndMessage = Exclude<RowRulesMessage, { t: 'rows' }>;

function failed(m: RowRulesMessage & { t: 'failed' }): Error {
  return m.code ? new InputError(m.code, m.params ?? {}) : new Error(m.message ?? 'the rule thread failed');
}
