/**
 * The young generation capped at run time (young-cap.ts): a process allocating as a long run does
 * (test/fixtures/young-cap/probe.ts) keeps its semi-spaces at the cap, where V8 alone doubles
 * them again, and a worker thread started afterwards begins at its whole young generation. Run
 * where the cap is known to work (V8 11, this project's Node 20); elsewhere launchPlan runs a CSV
 * return in a child instead, which child-env.test.ts covers.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { youngCapWorks } from './young-cap.js';

const PROBE = fileURLToPath(new URL('../../test/fixtures/young-cap/probe.ts', import.meta.url));
const MB = 1024 * 1024;

function probe(...args: string[]): { main: number; worker: number } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', PROBE, ...args], { encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { main: number; worker: number };
}

describe('the young generation capped at run time', () => {
  it('is known to work in V8 11 only', () => {
    expect(youngCapWorks('11.3.244.8-node.38')).toBe(true);
    expect(youngCapWorks('12.4.254.21-node.33')).toBe(false);
    expect(youngCapWorks('13.6.233.10-node.27')).toBe(false);
  });

  it.runIf(youngCapWorks())('stops at 8 MB semi-spaces where V8 would grow them to 16, and starts workers at theirs', () => {
    const free = probe();
    // the probe's allocation grows V8's default young generation past the cap...
    expect(free.main).toBeGreaterThan(16 * MB);
    expect(free.worker).toBeLessThan(8 * MB);
    // ...and with the cap it stops there (two semi-spaces of 8 MB)
    const capped = probe('cap');
    expect(capped.main).toBe(16 * MB);
    expect(capped.worker).toBeGreaterThanOrEqual(8 * MB);
  }, 60_000);
});
