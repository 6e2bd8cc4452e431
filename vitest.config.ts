import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Vitest runs one file at a time on a 2-core machine (its default is cores - 1). Many of our
    // files wait on a child process or a browser, so two at once measured 504 s against 716 s
    // for the whole suite there, every test passing (2026-12-07).
    maxWorkers: Math.max(availableParallelism() - 1, 2),
    // expect.poll gives up after 1 s by default: short for a page whose worker is still starting
    // while another test file runs beside it (a page test that polls for the worker's first
    // answer failed once in 13 runs of its file, 2026-12-07). A longer wait fails the same tests,
    // later; the tests' own timeout stays 60 s.
    expect: { poll: { timeout: 15_000 } },
  },
});
