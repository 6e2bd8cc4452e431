/**
 * The bench's line on CPU against a wall-time bar (bench/cpu-bound.mjs): a run on N cores cannot
 * take less than its CPU ÷ N, so a bar under that needs less work, not a better split.
 */
import { describe, expect, it } from 'vitest';
import { cpuBound, cpuBoundText } from '../bench/cpu-bound.mjs';

describe('CPU against a wall-time bar', () => {
  it('says a bar below CPU ÷ cores is out of reach, and how much CPU would have to go', () => {
    // 2026-12-08: CSV convert used 4.72 s of CPU; 3 × the papaparse floor of 0.52 s is 1.56 s
    const b = cpuBound({ cpu: 4.72, cores: 2, bar: 1.56 });
    expect(b.leastWall).toBeCloseTo(2.36, 10);
    expect(b.budget).toBeCloseTo(3.12, 10);
    expect(b.cut).toBeCloseTo(1 - 3.12 / 4.72, 10);
    expect(b.reachable).toBe(false);
    const text = cpuBoundText({ cpu: 4.72, cores: 2, bar: 1.56, barText: '3 × the papaparse floor' });
    expect(text).toBe('4.72 s of CPU (user + system, median) ÷ 2 cores = 2.36 s at the least, with every core busy throughout; the bar (3 × the papaparse floor) is 1.56 s: ' +
      'out of reach by using the cores better; a run under it may use at most 3.12 s of CPU, 34 % less than now');
  });

  it('says a bar above CPU ÷ cores is within reach', () => {
    // CSV validate: 3.74 s of CPU against 2.00 s (250,000 lines/s at 500,830 rows)
    const b = cpuBound({ cpu: 3.74, cores: 2, bar: 2.0 });
    expect(b.reachable).toBe(true);
    expect(b.cut).toBe(0);
    expect(cpuBoundText({ cpu: 3.74, cores: 2, bar: 2.0, barText: '250,000 lines/s' })).toMatch(/= 1\.87 s at the least.*is 2\.00 s: within reach by the CPU it uses$/);
  });

  it('says a small cut as it is, not as 0 %', () => {
    // 2026-12-08 01:42: 5.06 s of CPU against 2.52 s (3 × 0.84 s) on 2 cores
    expect(cpuBoundText({ cpu: 5.06, cores: 2, bar: 2.52, barText: 'x' })).toMatch(/at most 5\.04 s of CPU, 0\.4 % less than now$/);
    expect(cpuBoundText({ cpu: 4.0, cores: 2, bar: 1.5, barText: 'x' })).toMatch(/at most 3\.00 s of CPU, 25 % less than now$/);
  });

  it('counts one core as one, and never divides by none', () => {
    expect(cpuBound({ cpu: 3, cores: 1, bar: 2 }).leastWall).toBe(3);
    expect(cpuBound({ cpu: 3, cores: 0, bar: 2 }).leastWall).toBe(3);
    expect(cpuBoundText({ cpu: 3, cores: 1, bar: 4, barText: 'x' })).toContain('÷ 1 core =');
  });
});
