/**
 * Row rules on the second core (Node host): row-rules-worker.ts reads the CSV files again and
 * runs the row rules while this thread maps the rows and runs the rest (validators/row-rules.ts).
 * A machine with one core, or GSTR1_RULE_THREAD=0, runs them in this thread.
 */
import { secondCore, startWorker } from '../../parsers/host/threads.js';
import type { RowRulesOutcome, RowRulesRunner } from '../row-rules.js';

/** what the worker posts once: the outcome, or why it has none */
export type RowRulesMessage = { ok: true; outcome: RowRulesOutcome } | { ok: false; message: string };

export const rowRulesThread: RowRulesRunner = (job) => {
  if (!secondCore('GSTR1_RULE_THREAD')) return undefined;
  const worker = startWorker('row-rules-worker', import.meta.url, { job });
  // it never keeps the process alive: a run that ended early does not wait for it
  worker.unref();
  const outcome = new Promise<RowRulesOutcome>((resolve, reject) => {
    worker.once('message', (m: RowRulesMessage) => (m.ok ? resolve(m.outcome) : reject(new Error(m.message))));
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('the rule thread stopped')));
  });
  return { outcome, stop: () => void worker.terminate() };
};
