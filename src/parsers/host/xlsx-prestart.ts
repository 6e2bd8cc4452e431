/**
 * The workbook reading thread (xlsx-thread.ts) started before its workbook is known, by the
 * command line about to read one (threads.ts prestartWorker). A module of its own, beside the
 * worker it starts, that loads nothing else: the point is to start it before the engine is loaded.
 */
import { prestartWorker, secondCore } from './threads.js';

/** Whether workbooks are read in a worker: two cores or more, unless GSTR1_READER_THREAD=0. */
export function readsInWorker(cores?: number): boolean {
  return secondCore('GSTR1_READER_THREAD', cores);
}

export function prestartXlsxReader(): void {
  if (readsInWorker()) prestartWorker('xlsx-worker', import.meta.url);
}
