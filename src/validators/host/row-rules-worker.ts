/**
 * The worker side of row-rules-thread.ts: runs one job and posts its outcome. A job that ships its
 * rows posts each batch as it is read, and waits while WINDOW batches are not yet taken.
 */
import { parentPort } from 'node:worker_threads';
import { InputError } from '../../model/errors.js';
import { workerJob } from '../../parsers/host/threads.js';
import { shippedBuffers, type ShippedBatch } from '../../parsers/row-ship.js';
import { runRowRules, type RowRulesJob } from '../row-rules.js';
import { WINDOW, type RowRulesMessage } from './row-rules-thread.js';

const port = parentPort!;
const job = await workerJob<RowRulesJob>();

// batches posted and not yet taken; the mapping thread posts a credit for each it takes
let inFlight = 0;
let resume: (() => void) | undefined;
port.on('message', () => {
  inFlight--;
  const r = resume;
  resume = undefined;
  r?.();
});
const post = (batch: ShippedBatch): void | Promise<void> => {
  const m: RowRulesMessage = { t: 'rows', batch };
  port.postMessage(m, shippedBuffers(batch));
  if (++inFlight < WINDOW) return;
  return new Promise<void>((r) => (resume = r));
};

let message: RowRulesMessage;
try {
  message = { t: 'done', outcome: await runRowRules(job, job.ship ? post : undefined) };
} catch (e) {
  message = e instanceof InputError ? { t: 'failed', code: e.code, params: e.params } : { t: 'failed', message: e instanceof Error ? e.message : String(e) };
}
port.postMessage(message);
port.close();
