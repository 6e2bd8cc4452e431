/** reorderZip (zip-order.ts) from one file to another, in Node. */
import { rm } from 'node:fs/promises';
import { WRITE_PIECE, writeInPieces } from '../output-file.js';
import { reorderZip, type ReorderOptions } from './zip-order.js';

/**
 * Writes `src` to the new file `dest` with its entries in Excel's order (and a shared-strings part
 * added when it has none). Every byte is written or it fails (a write on a nearly full disk may
 * take part of its bytes); on failure nothing is left at `dest`.
 */
export async function reorderXlsx(src: string, dest: string, opts: ReorderOptions = {}): Promise<void> {
  try {
    await writeInPieces(dest, WRITE_PIECE, (sink) => reorderZip(src, sink, opts));
  } catch (e) {
    await rm(dest, { force: true });
    throw e;
  }
}
