/**
 * A workbook read on one thread and mapped on another: the messages between the two and both
 * ends, whatever the threads are (Node's worker_threads in xlsx-thread.ts, a browser's Worker in
 * the page). The reading end posts readXlsx's sheets and row batches (packed, row-pack.ts) in
 * order, a few batches ahead of the mapping end, never more (each `ack` lets it post one more);
 * the mapping end gives them back as readXlsx gives them, so findings and output do not change.
 */
import { Gstr1Error, InputError } from '../../model/errors.js';
import type { Params } from '../../model/finding.js';
import { rowsOf, type RawRow, type RawSheet } from '../raw.js';
import { packRows, transferList, unpackRows, type PackedRows } from './row-pack.js';

/** what the reading end posts, in order: per sheet `sheet`, its `rows` batches, `end`; then `done` or an `error` */
export type ReaderMessage =
  | { t: 'sheet'; name: string; hidden: boolean }
  | { t: 'rows'; rows: PackedRows }
  | { t: 'end' }
  | { t: 'done' }
  | { t: 'error'; code?: string; params?: Params; message?: string };

/** batches posted and not yet taken: bounds the memory the reading end can run ahead by */
export const AHEAD = 8;

/** The mapping end of the link. */
export interface ReaderEnd {
  /** the reading end's next message; its crash or stop comes as an `error` message */
  next(): Promise<ReaderMessage>;
  /** a batch was taken: the reading end may post one more */
  ack(): void;
  /** stops the reading end */
  close(): Promise<void>;
}

function failure(m: ReaderMessage & { t: 'error' }, file: string): InputError {
  return m.code ? new InputError(m.code, m.params ?? {}) : new InputError('FILE_UNREADABLE', { file, detail: m.message ?? '' });
}

/** The sheets of `file` as the reading end at `end` posts them: readXlsx's, in the same order. */
export async function* sheetsFrom(end: ReaderEnd, file: string): AsyncGenerator<RawSheet> {
  let sheetOpen = false;
  // one message of the open sheet: its rows (taken, so the reading end may read one more batch), or its end
  const take = async (): Promise<readonly RawRow[] | undefined> => {
    const m = await end.next();
    if (m.t === 'rows') {
      end.ack();
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
      const m = await end.next();
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
    await end.close();
  }
}

/** The reading end's count of batches posted and not yet taken. */
export class Acks {
  private inFlight = 0;
  private wake: (() => void) | undefined;

  /** the mapping end took a batch */
  taken(): void {
    this.inFlight--;
    this.wake?.();
    this.wake = undefined;
  }

  /** a batch was posted: waits while AHEAD are not yet taken */
  async posted(): Promise<void> {
    if (++this.inFlight >= AHEAD) await new Promise<void>((r) => (this.wake = r));
  }
}

/** The reading end: posts `sheets` (readXlsx's) through `post`, then `done`, or the error that stopped them. */
export async function postSheets(sheets: AsyncIterable<RawSheet>, post: (m: ReaderMessage, transfer?: ArrayBuffer[]) => void, acks: Acks): Promise<void> {
  try {
    for await (const sheet of sheets) {
      post({ t: 'sheet', name: sheet.name, hidden: sheet.hidden });
      for await (const rows of sheet.batches!) {
        const packed = packRows(rows);
        post({ t: 'rows', rows: packed }, transferList(packed));
        await acks.posted();
      }
      post({ t: 'end' });
    }
    post({ t: 'done' });
  } catch (e) {
    // readXlsx throws InputErrors (code and params); anything else is passed on by its message
    post(e instanceof Gstr1Error ? { t: 'error', code: e.code, params: e.params } : { t: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
