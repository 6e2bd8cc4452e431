/**
 * Reading a workbook on the second core: xlsx-worker.ts runs readXlsx (inflating, the XML, cell
 * values) in a worker thread while this thread coerces, maps and checks the rows it posts
 * (reader-link.ts). The sheets, rows and batches are the ones readXlsx yields, in the same order,
 * so findings and output do not change; a machine with one core keeps reading in-thread
 * (readsInWorker). The Node host offers it to the engine as Host.readWorkbook.
 */
import type { RawSheet } from '../raw.js';
import { sheetsFrom, type ReaderMessage } from './reader-link.js';
import { Inbox, startWorker } from './threads.js';

export { readsInWorker } from './xlsx-prestart.js';

/** readXlsx, read in a worker thread (started when the first sheet is asked for). */
export async function* readXlsxInWorker(file: string): AsyncGenerator<RawSheet> {
  const worker = startWorker('xlsx-worker', import.meta.url, file);
  const inbox = new Inbox<ReaderMessage>(worker, (message) => ({ t: 'error', message }), 'the reading thread stopped');
  yield* sheetsFrom({ next: () => inbox.next(), ack: () => worker.postMessage(0), close: async () => void (await worker.terminate()) }, file);
}
