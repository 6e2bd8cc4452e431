/**
 * A large workbook read on the second core: the engine's worker starts a reading worker
 * (reader.ts) of its own and maps and checks the rows it posts (reader-link.ts), as the command
 * line does with its reading thread. The findings and the JSON are the same either way.
 */
import type { RawSheet } from '../../src/parsers/raw.js';
import { sheetsFrom, type ReaderEnd, type ReaderMessage } from '../../src/parsers/host/reader-link.js';
import { READ_APART_BYTES } from './read-apart.js';

/** The reading worker's messages, in order; its failure comes as an `error` message. */
function endOf(worker: Worker): ReaderEnd {
  const queue: ReaderMessage[] = [];
  let waiting: ((m: ReaderMessage) => void) | undefined;
  const put = (m: ReaderMessage) => {
    const w = waiting;
    waiting = undefined;
    if (w) w(m);
    else queue.push(m);
  };
  worker.onmessage = (e: MessageEvent<ReaderMessage>) => put(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    put({ t: 'error', message: `the page's reading worker stopped${e.message ? `: ${e.message}` : ''}` });
  };
  worker.onmessageerror = () => put({ t: 'error', message: "the page's reading worker sent what could not be read" });
  return {
    next: () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise((r) => (waiting = r))),
    ack: () => worker.postMessage(0),
    close: async () => worker.terminate(),
  };
}

/** Host.readWorkbook for the page: in a reading worker, with two cores or more and a workbook worth it. */
export function readApart(name: string, blob: Blob): AsyncIterable<RawSheet> | undefined {
  if ((navigator.hardwareConcurrency ?? 1) < 2 || blob.size < READ_APART_BYTES) return undefined;
  return (async function* () {
    const worker = new Worker(new URL('./reader.js', import.meta.url), { type: 'module' });
    const end = endOf(worker);
    worker.postMessage({ name, blob });
    yield* sheetsFrom(end, name);
  })();
}
