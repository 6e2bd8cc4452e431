/** reorderZip (zip-order.ts) from one file to another, in Node. */
import { open, rm, type FileHandle } from 'node:fs/promises';
import { reorderZip, type ReorderOptions } from './zip-order.js';

/**
 * Writes `src` to `dest` with its entries in Excel's order (and a shared-strings part added when
 * it has none). On failure nothing is left at `dest`.
 */
export async function reorderXlsx(src: string, dest: string, opts: ReorderOptions = {}): Promise<void> {
  let out: FileHandle | undefined;
  try {
    out = await open(dest, 'w');
    const fh = out;
    await reorderZip(src, async (bytes) => void (await fh.write(bytes)), opts);
    await out.close();
    out = undefined;
  } catch (e) {
    await out?.close();
    await rm(dest, { force: true });
    throw e;
  }
}
