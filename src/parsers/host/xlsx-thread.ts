/**
 * Reading a workbook on the second core: xlsx-worker.ts runs readXlsx (inflating, the XML, cell
 * values) in a worker thread while this thread coerces, maps and checks the rows it posts. The
 * sheets, rows and batches are the ones readXlsx yields, in the same order, so findings and
 * output do not change; a machine with one core keeps reading in-thread (readsInWorker). The
 * Node host offers it to the engine as Host.readWorkbook.
 */
import { InputError } from '../../model/errors.js';
import type { Params } from '../../model/finding.js';
import { rowsOf, type RawRow, type RawSheet } from '../raw.js';
import { unpackRows, type PackedRows } from './row-pack.js';
import { Inbox, startWorker } from './threads.js';

/** what the worker posts, in order: per sheet `sheet`, its `rows` batches, `end`; then `done` or an `error` */
export type ReaderMessage =
  | { t: 'sheet'; name: string; hidden: boolean }
  | { t: 'rows'; rows: PackedRows }
  | { t: 'end' }
  | { t: 'done' }
  | { t: 'error'; code?: string; params?: Params; message?: string };

export { readsInWorker } from './xlsx-prestart.js';

function failure(m: ReaderMessage & { t: 'error' }, file: string): InputError {
  return m.code ? new InputError(m.code, m.params ?? {}) : new InputError('FILE_UNREADABLE', { file, detail: m.message ?? '' });
}

/** readXlsx, read in a worker thread. */
export async function* readXlsxInWorker(file: string): AsyncGenerator<RawSheet> {
  const worker = startWorker('xlsx-worker', import.meta.url, file);
  const inbox = new Inbox<ReaderMessage>(worker, (message) => ({ t: 'error', message }), 'the reading thread stopped');
  let sheetOpen = false;
  // one message of the open sheet: its rows (taken, so the worker may read one more batch), or its end
  const take = async (): Promise<readonly RawRow[] | undefined> => {
    const m = await inbox.next();
    if (m.t === 'rows') {
      worker.postMessage(0);
      return unpackRows(m.rows);
    }
    if (m.t === 'end') {
      sheetOpen = false;
      return undefined;
    }
    if (m.t === 'error') throw failure(m, file);
    throw new Error(`reading thread: unexpected ${m.t}`);
  };
  async function* batches(): AsyncGenerator<readonly RawRow[]> {
    for (let rows = await take(); rows; rows = await take()) yield rows;
  }
  try {
    for (;;) {
      const m = await inbox.next();
      if (m.t === 'done') return;
      if (m.t === 'error') throw failure(m, file);
      if (m.t !== 'sheet') throw new Error(`reading thread: unexpected ${m.t}`);
      sheetOpen = true;
      const b = batches();
      yield { name: m.name, hidden: m.hidden, rows: rowsOf(b), batches: b };
      // a sheet the caller left before its end: the rest of its rows are passed over
      while (sheetOpen) await take();
    }
  } finally {
    await worker.terminate();
  }
}
