/**
 * The bench's sentence on the machine's state (bench/cores.mjs): the load average judges only at
 * the start (at the end it counts the bench's own runs), and two loops at once slower than one
 * say the second core was not free, which the load average cannot see on a shared host.
 */
import { describe, expect, it } from 'vitest';
import { coreCheck, conditionsText } from '../bench/cores.mjs';

const quiet = { alone: 0.25, pair: 0.26 };

describe('the bench report on the machine', () => {
  it('does not call other processes busy for the load the bench itself made', () => {
    const text = conditionsText({ cores: 2, loadStart: [0.08, 0.16, 0.45], loadEnd: [1.43, 0.93, 0.71], start: quiet, end: quiet });
    expect(text).not.toMatch(/busy/);
    expect(text).not.toMatch(/not both free/);
    expect(text).toContain("at the end 1.43 / 0.93 / 0.71, the bench's own runs included");
    expect(text).toContain('0.25 s alone and 0.26 s two at once before the runs');
  });

  it('calls other processes busy when the load was high before the runs', () => {
    const text = conditionsText({ cores: 2, loadStart: [1.8, 1.7, 1.7], loadEnd: [2.1, 1.7, 1.7], start: quiet, end: quiet });
    expect(text).toMatch(/other processes were busy/);
  });

  it('says the cores were not both free when two loops at once are slower than one', () => {
    const text = conditionsText({ cores: 2, loadStart: [0.1, 0.1, 0.1], loadEnd: [1, 1, 1], start: quiet, end: { alone: 0.3, pair: 0.39 } });
    expect(text).toMatch(/up to 30 % slower than one \(after them\): the two cores were not both free/);
  });

  it('expects two loops on one core to take twice as long', () => {
    const text = conditionsText({ cores: 1, loadStart: [0.1, 0.1, 0.1], loadEnd: [1, 1, 1], start: { alone: 0.25, pair: 0.5 } });
    expect(text).not.toMatch(/not both free/);
  });

  it('times the loop alone and two at once', async () => {
    const c = await coreCheck(1);
    expect(c.alone).toBeGreaterThan(0);
    expect(c.pair).toBeGreaterThan(0);
  });
});
