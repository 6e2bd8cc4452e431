/** The worker side of row-rules-thread.ts: runs one job and posts its outcome. */
import { parentPort, workerData } from 'node:worker_threads';
import { runRowRules, type RowRulesJob } from '../row-rules.js';
import type { RowRulesMessage } from './row-rules-thread.js';

const port = parentPort!;
const { job } = workerData as { job: RowRulesJob };
let message: RowRulesMessage;
try {
  message = { ok: true, outcome: await runRowRules(job) };
} catch (e) {
  message = { ok: false, message: e instanceof Error ? e.message : String(e) };
}
port.postMessage(message);
port.close();
