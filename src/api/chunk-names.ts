/**
 * The names `gstr1 convert` writes a return under: `--out gstr1.json` itself, or, for a return
 * over the size limit, its chunks `gstr1-1.json`, `gstr1-2.json`... Kept light (no engine), as the
 * command line checks these names before it loads anything.
 */
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The name of chunk `i` of a return written to `out`: `gstr1.json` → `gstr1-2.json` (`*`: any chunk). */
export function chunkFile(out: string, i: number | '*'): string {
  return `${out.replace(/\.json$/i, '')}-${i}.json`;
}

/**
 * The files already beside `out` under a name a return written to `out` may take (`out` and
 * `<out>-N.json`), other than `except`, in chunk order.
 */
export async function filesUnderReturnNames(out: string, except: readonly string[] = []): Promise<string[]> {
  const dir = dirname(out);
  const stem = basename(out).replace(/\.json$/i, '');
  const chunk = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-([1-9]\\d*)\\.json$`);
  const skip = new Set(except.map((f) => basename(f)));
  const names = await readdir(dir).catch(() => [] as string[]);
  const order = (n: string) => Number(chunk.exec(n)?.[1] ?? 0);
  return names
    .filter((n) => !skip.has(n) && (n === basename(out) || chunk.test(n)))
    .sort((a, b) => order(a) - order(b))
    .map((n) => join(dir, n));
}
