// Types for bench/cpu-bound.mjs, for test/bench-cpu-bound.test.ts.

export function cpuBound(o: { cpu: number; cores: number; bar: number }): { leastWall: number; budget: number; cut: number; reachable: boolean };
export function cpuBoundText(o: { cpu: number; cores: number; bar: number; barText: string }): string;
