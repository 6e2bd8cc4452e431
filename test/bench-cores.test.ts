/**
 * The bench's sentence on the machine's state (bench/cores.mjs): other processes are called busy
 * only by what they used at the start, measured (the load average, a trailing one, counts an
 * earlier bench at the start and the bench's own runs at the end), and two loops at once slower
 * than one say the second core was not free, which the load average cannot see on a shared host.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { coreCheck, conditionsText, othersUse } from '../bench/cores.mjs';

const quiet = { alone: 0.25, pair: 0.26 };

describe('the bench report on the machine', () => {
  it('does not call other processes busy for the load the bench itself made', () => {
    const text = conditionsText({ cores: 2, busyStart: 0.02, loadStart: [0.08, 0.16, 0.45], loadEnd: [1.43, 0.93, 0.71], start: quiet, end: quiet });
    expect(text).not.toMatch(/busy/);
    expect(text).not.toMatch(/not both free/);
    expect(text).toContain("at the end 1.43 / 0.93 / 0.71, the bench's own runs included");
    expect(text).toContain('0.25 s alone and 0.26 s two at once before the runs');
  });

  it('does not call other processes busy for a load average left by an earlier bench', () => {
    // 2026-12-07 13:28: a bench started right after another had 1.16 at the start, with nothing running
    const text = conditionsText({ cores: 2, busyStart: 0.03, loadStart: [1.16, 1.43, 1.56], loadEnd: [1.73, 1.58, 1.59], start: quiet, end: quiet });
    expect(text).not.toMatch(/busy/);
    expect(text).toContain('other processes used 0.03 of the 2 cores');
    expect(text).toContain('at the start 1.16 / 1.43 / 1.56, which still counts what ran in the minute before');
  });

  it('calls other processes busy when they used the cores at the start', () => {
    const text = conditionsText({ cores: 2, busyStart: 0.9, loadStart: [0.5, 0.4, 0.3], loadEnd: [2.1, 1.7, 1.7], start: quiet, end: quiet });
    expect(text).toMatch(/other processes used 0.90 of the 2 cores \(measured over 1 s\): they were busy/);
  });

  it('measures what another process uses', async () => {
    // a loop of about 1.5 s in another process, the measure taken while it runs: about one core
    const other = spawn(process.execPath, ['-e', 'const t = Date.now(); while (Date.now() - t < 1500);']);
    const ended = new Promise((r) => other.on('close', r));
    await new Promise((r) => setTimeout(r, 200));
    const used = await othersUse(800);
    await ended;
    expect(used).toBeGreaterThan(0.5);
  });

  it('says the cores were not both free when two loops at once are slower than one', () => {
    const text = conditionsText({ cores: 2, busyStart: 0, loadStart: [0.1, 0.1, 0.1], loadEnd: [1, 1, 1], start: quiet, end: { alone: 0.3, pair: 0.39 } });
    expect(text).toMatch(/up to 30 % slower than one \(after them\): the two cores were not both free/);
  });

  it('expects two loops on one core to take twice as long', () => {
    const text = conditionsText({ cores: 1, busyStart: 0, loadStart: [0.1, 0.1, 0.1], loadEnd: [1, 1, 1], start: { alone: 0.25, pair: 0.5 } });
    expect(text).not.toMatch(/not both free/);
  });

  it('times the loop alone and two at once', async () => {
    const c = await coreCheck(1);
    expect(c.alone).toBeGreaterThan(0);
    expect(c.pair).toBeGreaterThan(0);
  });
});
