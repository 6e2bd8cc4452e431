/**
 * A large workbook read on the second core: the engine's worker starts a reading worker
 * (reader.ts) of its own and maps and checks the rows it posts (reader-link.ts), as the command
 * line does with its reading thread. The findings and the JSON are the same either way.
 */
import type { RawSheet } from '../../src/parsers/raw.js';
import { sheetsFrom, type ReaderEnd, type ReaderMessage } from '../../src/parsers/host/reader-link.js';
import { readXlsx } from '../../src/parsers/xlsx.js';
import { READ_APART_BYTES } from './read-apart.js';

/** The reading worker's end: its messages in order, its failure as an `error` message, and whether it ever spoke. */
function endOf(worker: Worker): ReaderEnd & { heard(): boolean } {
  const queue: ReaderMessage[] = [];
  let waiting: ((m: ReaderMessage) => void) | undefined;
  let heard = false;
  const put = (m: ReaderMessage) => {
    const w = waiting;
    waiting = undefined;
    if (w) w(m);
    else queue.push(m);
  };
  worker.onmessage = (e: MessageEvent<ReaderMessage>) => {
    heard = true;
    put(e.data);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    put({ t: 'error', message: `the page's reading worker stopped${e.message ? `: ${e.message}` : ''}` });
  };
  worker.onmessageerror = () => put({ t: 'error', message: "the page's reading worker sent what could not be read" });
  return {
    next: () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise((r) => (waiting = r))),
    ack: () => worker.postMessage(0),
    close: async () => worker.terminate(),
    heard: () => heard,
  };
}

/** Host.readWorkbook for the page: in a reading worker, with two cores or more and a workbook worth it. */
export function readApart(name: string, blob: Blob): AsyncIterable<RawSheet> | undefined {
  if ((navigator.hardwareConcurrency ?? 1) < 2 || blob.size < READ_APART_BYTES) return undefined;
  return (async function* () {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./reader.js', import.meta.url), { type: 'module' });
    } catch {
      return yield* readXlsx(name);
    }
    const end = endOf(worker);
    worker.postMessage({ name, blob });
    // a worker that failed before a word (its script missing from a copy of the page, say) says
    // nothing about the file: the workbook is read here instead
    const first = await end.next();
    if (!end.heard()) {
      worker.terminate();
      return yield* readXlsx(name);
    }
    let held: ReaderMessage | undefined = first;
    const next = () => {
      const m = held;
      held = undefined;
      return m ? Promise.resolve(m) : end.next();
    };
    yield* sheetsFrom({ ...end, next }, name);
  })();
}
