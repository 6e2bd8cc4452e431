/**
 * The worker side of xlsx-thread.ts: reads one workbook with readXlsx (inflate, XML, cell values)
 * and posts its sheets and row batches (packed, row-pack.ts) in order, a few batches ahead of the thread that maps and
 * checks them, never more (each `ack` lets it post one more).
 */
import { parentPort } from 'node:worker_threads';
import { Gstr1Error } from '../../model/errors.js';
import { readXlsx } from '../xlsx.js';
import { packRows, transferList } from './row-pack.js';
import { workerJob } from './threads.js';
import type { ReaderMessage } from './xlsx-thread.js';

/** batches posted and not yet taken: bounds the memory the worker can run ahead by */
const AHEAD = 8;

const port = parentPort!;
const file = await workerJob<string>();
let inFlight = 0;
let wake: (() => void) | undefined;
port.on('message', () => {
  inFlight--;
  wake?.();
  wake = undefined;
});
const post = (m: ReaderMessage, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);

try {
  for await (const sheet of readXlsx(file)) {
    post({ t: 'sheet', name: sheet.name, hidden: sheet.hidden });
    for await (const rows of sheet.batches!) {
      const packed = packRows(rows);
      post({ t: 'rows', rows: packed }, transferList(packed));
      if (++inFlight >= AHEAD) await new Promise<void>((r) => (wake = r));
    }
    post({ t: 'end' });
  }
  post({ t: 'done' });
} catch (e) {
  // readXlsx throws InputErrors (code and params); anything else is passed on by its message
  post(e instanceof Gstr1Error ? { t: 'error', code: e.code, params: e.params } : { t: 'error', message: e instanceof Error ? e.message : String(e) });
}
port.close();
