/** reorderZip (zip-order.ts) from one file to another, in Node. */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import { reorderZip, type ReorderOptions } from './zip-order.js';

/**
 * Writes `src` to `dest` with its entries in Excel's order (and a shared-strings part added when
 * it has none). `dest` may be `src`: the file is then replaced only once the copy is complete.
 * On failure nothing is left at `dest` (or `src` is untouched).
 */
export async function reorderXlsx(src: string, dest: string = src, opts: ReorderOptions = {}): Promise<void> {
  const inPlace = resolve(src) === resolve(dest);
  const target = inPlace ? `${dest}.reorder-${process.pid}-${randomBytes(4).toString('hex')}` : dest;
  let out: FileHandle | undefined;
  try {
    out = await open(target, 'w');
    const fh = out;
    await reorderZip(src, async (bytes) => void (await fh.write(bytes)), opts);
    await out.close();
    out = undefined;
  } catch (e) {
    await out?.close();
    await rm(target, { force: true });
    throw e;
  }
  if (inPlace) await rename(target, dest);
}
