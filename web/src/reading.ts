/**
 * A large workbook read on the second core: the engine's worker starts a reading worker
 * (reader.ts) of its own and maps and checks the rows it posts (reader-link.ts), as the command
 * line does with its reading thread. The findings and the JSON are the same either way.
 */
import type { RawSheet } from '../../src/parsers/raw.js';
import { sheetsFrom, type ReaderEnd, type ReaderMessage } from '../../src/parsers/host/reader-link.js';
import { readXlsx } from '../../src/parsers/xlsx.js';
import { Mailbox } from '../../src/parsers/host/mailbox.js';
import { READ_APART_BYTES } from './read-apart.js';

/** The reading worker's end (its failure comes as an `error` message), and whether it started: it spoke, or failed first. */
function endOf(worker: Worker): ReaderEnd & { readonly started: Promise<boolean> } {
  const box = new Mailbox<ReaderMessage>();
  let spoke!: (yes: boolean) => void;
  const started = new Promise<boolean>((r) => (spoke = r));
  worker.onmessage = (e: MessageEvent<ReaderMessage>) => {
    spoke(true);
    box.put(e.data);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    spoke(false);
    box.put({ t: 'error', message: `the page's reading worker stopped${e.message ? `: ${e.message}` : ''}` });
  };
  worker.onmessageerror = () => {
    spoke(true);
    box.put({ t: 'error', message: "the page's reading worker sent what could not be read" });
  };
  return {
    next: () => box.next(),
    ack: () => worker.postMessage(0),
    close: async () => worker.terminate(),
    started,
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
    if (!(await end.started)) {
      worker.terminate();
      return yield* readXlsx(name);
    }
    yield* sheetsFrom(end, name);
  })();
}
