/**
 * A full garbage collection, asked for by `gstr1 validate --annotate` between the checks and the
 * annotated copy (a library caller decides for itself: ValidateFilesOptions.beforeAnnotate). The
 * checks' stores (about 30 MB of typed-array pages at 500,000 lines) are dropped then, but V8
 * frees them only in a full collection, which the copy seldom causes: in about one copy of a
 * 500,000-line CSV return in three they were still held at its end, with the copy's own memory on
 * top, and its peak was 155-165 MB where the checks' was 145-154 (issue 14). V8 gives `gc` only
 * to a context made after `--expose-gc` is set (here at run time, as young-cap.ts sets its flags);
 * where it does not, nothing is done.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const f: unknown = runInNewContext('typeof gc === "function" ? gc : null');
      gc = typeof f === 'function' ? (f as () => void) : null;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
