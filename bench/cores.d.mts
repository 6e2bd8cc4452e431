// Types for bench/cores.mjs, for test/bench-cores.test.ts.

export interface CoreCheck {
  /** a fixed loop's seconds alone */
  alone: number;
  /** the slower of two copies run at once */
  pair: number;
}

export function loopText(c: CoreCheck): string;
export function coreCheck(rounds?: number): Promise<CoreCheck>;
export function othersUse(ms?: number): Promise<number>;
export function conditionsText(o: {
  cores: number;
  /** cores other processes used at the start (othersUse) */
  busyStart: number;
  loadStart: readonly number[];
  loadEnd: readonly number[];
  start?: CoreCheck;
  end?: CoreCheck;
}): string;
