/**
 * The young generation of a command run in the launcher's own process, sized as the child's V8
 * flags size it (child-env.ts: `--max-semi-space-size` of YOUNG_MB), by flags set at run time. A
 * child costs a run a second Node start-up, 0.10-0.11 s on this project's machine; the flags
 * given at run time act on what V8 reads afterwards:
 * - `--min-semi-space-size`, read when an isolate is made: a worker thread started afterwards
 *   begins with the whole young generation its limit allows (threads.ts) instead of growing to it;
 * - `--semi-space-growth-factor`, read each time a young generation grows: set to 1 once this
 *   thread's semi-spaces have grown to the size, they grow no more (V8 would double them again
 *   during a long run, the 500,000-line CSV return's peak then 167-175 MB instead of about 150).
 * The factor is read by every thread, so a worker still growing when it is set would stay small:
 * hence the first flag.
 * Known to act so in V8 11 (Node 20), where it is tested (young-cap.test.ts) and was measured;
 * a later V8 may hold the growth factor at 2 or more, so there the command runs in a child, as
 * before (youngCapWorks).
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** Whether this V8 is one where capYoungGeneration is known to work. */
export function youngCapWorks(v8Version: string = process.versions.v8): boolean {
  return v8Version.split('.')[0] === '11';
}

/** The size of this thread's young generation (both semi-spaces), bytes. */
export function youngSize(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
}

/**
 * Caps this thread's semi-spaces at `semiMb` and starts worker threads made from now on at their
 * whole young generation. Call it before any worker starts.
 */
export function capYoungGeneration(semiMb: number): void {
  setFlagsFromString(`--min-semi-space-size=${semiMb}`);
  const cap = 2 * semiMb * 1024 * 1024;
  // after each collection: a young generation grows only then
  const watch = new PerformanceObserver(() => {
    if (youngSize() < cap) return;
    setFlagsFromString('--semi-space-growth-factor=1');
    watch.disconnect();
  });
  watch.observe({ entryTypes: ['gc'] });
}
