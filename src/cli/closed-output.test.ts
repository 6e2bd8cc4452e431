/**
 * `gstr1 mapping fields | head -5`: the reader goes away and the next write to the pipe fails with
 * EPIPE. The command line drops the rest of its output without a word (no stack trace), finishes
 * what it does, and exits with the command's own code. The reader here is `true`, which reads
 * nothing and is gone before the command prints its first line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'src/cli/main.ts');
const dir = mkdtempSync(join(tmpdir(), 'gstr1-closed-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `gstr1 <args> | true`: the command's exit code and what it wrote to stderr. */
function intoClosedPipe(args: readonly string[]): { code: number; stderr: string } {
  const errFile = join(dir, 'stderr.txt');
  const quoted = [process.execPath, '--import', 'tsx', MAIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const r = spawnSync('bash', ['-c', `${quoted} 2>'${errFile}' | true; echo "\${PIPESTATUS[0]}"`], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: Number(r.stdout.trim()), stderr: readFileSync(errFile, 'utf8') };
}

describe('cli: a reader that stops early', () => {
  it('mapping fields: quiet, exit 0', () => {
    const r = intoClosedPipe(['mapping', 'fields']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('split: the workbook is still written, and the exit code is the command\'s', () => {
    const out = join(dir, 'split.xlsx');
    const r = intoClosedPipe(['split', join(ROOT, 'templates/sample/sales-register.xlsx'), '--gstin', '27AAACR5055K1Z7', '--period', '092025', '--out', out]);
    expect(r.stderr).not.toMatch(/EPIPE|at .*\.(js|ts):\d+/);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});
