// Types for bench/timed-inside.mjs, for test/bench-floor-json.test.ts.

export interface TimedRun {
  wall: number;
  rssKB: number;
  code: number | null;
  signal?: string | null;
  timedOut?: boolean;
  tail?: string;
}

export function timedInside<R extends TimedRun>(res: R, log: string): R;
