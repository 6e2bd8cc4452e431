/** retry: the one loop every write goes through. */
import { describe, expect, it } from 'vitest';
import { retry } from './retry.js';

describe('retry', () => {
  const clock = (sleeps: number[]) => ({ sleep: async (ms: number) => void sleeps.push(ms) });

  it('sends again now, after a wait on the schedule, or stops with a result, as the failure handler says', async () => {
    const sleeps: number[] = [];
    const seen: number[] = [];
    const r = await retry(
      async (n) => {
        seen.push(n);
        throw new Error(`fail ${n}`);
      },
      { attempts: 5, clock: clock(sleeps), intervals: [10, 20], onFailure: (_e, n) => (n === 0 ? 'again' : n < 3 ? 'wait' : { done: `gave up after ${n + 1}` }) },
    );
    expect(r).toBe('gave up after 4');
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(sleeps).toEqual([20, 20]); // attempts 1 and 2 waited; the schedule's last entry repeats
  });

  it('a handler that throws stops the loop; exhausted attempts give the last failure, or the error asked for', async () => {
    const stop = new Error('stop');
    await expect(retry(async () => { throw new Error('x'); }, { attempts: 3, clock: clock([]), intervals: [1], onFailure: () => { throw stop; } })).rejects.toBe(stop);
    let n = 0;
    await expect(retry(async () => { throw new Error(`f${n++}`); }, { attempts: 3, clock: clock([]), intervals: [1], onFailure: () => 'again' })).rejects.toThrow('f2');
    await expect(retry(async () => { throw new Error('f'); }, { attempts: 2, clock: clock([]), intervals: [1], onFailure: () => 'again', exhausted: () => new Error('unconfirmed') })).rejects.toThrow('unconfirmed');
    expect(await retry(async (a) => a, { attempts: 1, clock: clock([]), intervals: [1], onFailure: () => 'again' })).toBe(0);
  });
});
