/**
 * The one retry loop of the filing run. A write (save, reset, proceed, file) is never repeated
 * blindly: each failure is shown to the caller's `onFailure`, which decides — after checking the
 * portal where a reply was lost — whether the write is sent again now, after a wait, or not at all
 * (it returns a result or throws).
 */
import type { Clock } from './types.js';

/** What to do after a failed attempt. */
export type NextStep<T> = { readonly done: T } | 'again' | 'wait';

export interface RetryOptions<T> {
  /** attempts in all, the first included */
  readonly attempts: number;
  readonly clock: Pick<Clock, 'sleep'>;
  /** delays of successive waits; the last one repeats */
  readonly intervals: readonly number[];
  /** decides after a failure (throw to stop) */
  readonly onFailure: (e: unknown, attempt: number) => Promise<NextStep<T>> | NextStep<T>;
  /** the error when every attempt failed (default: the last failure) */
  readonly exhausted?: (last: unknown) => unknown;
}

export async function retry<T>(send: (attempt: number) => Promise<T>, o: RetryOptions<T>): Promise<T> {
  let last: unknown;
  for (let attempt = 0; attempt < o.attempts; attempt++) {
    try {
      return await send(attempt);
    } catch (e) {
      last = e;
      const next = await o.onFailure(e, attempt);
      if (typeof next === 'object') return next.done;
      if (next === 'wait') await o.clock.sleep(delay(o.intervals, attempt));
    }
  }
  throw o.exhausted ? o.exhausted(last) : last;
}

/** The n-th delay of a schedule whose last entry repeats. */
export function delay(intervals: readonly number[], n: number): number {
  return intervals[Math.min(n, intervals.length - 1)]!;
}
