import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { b2bCsv } from '../../../test/web/b2b-csv.js';

let collected = 0;
vi.mock('../collect-garbage.js', () => ({ collectGarbage: () => void collected++ }));
const { runCLI } = await import('../cli.js');

const dir = mkdtempSync(join(tmpdir(), 'gstr1-validate-collects-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const b2b = join(dir, 'b2b.csv');
writeFileSync(b2b, b2bCsv('TI/1', '19-Oct-2025'));

async function validate(...extra: string[]): Promise<number> {
  const sink = { write: () => true } as unknown as NodeJS.WriteStream;
  return runCLI(['validate', b2b, '--gstin', '27AAACR5055K1Z7', '--period', '102025', ...extra], { stdout: sink, stderr: sink });
}

describe('cli: validate --annotate', () => {
  it('asks for a full garbage collection before the copy, and not when no copy is asked for', async () => {
    expect(await validate()).toBe(0);
    expect(collected).toBe(0);
    const out = join(dir, 'annotated.xlsx');
    expect(await validate('--annotate', out)).toBe(0);
    expect(collected).toBe(1);
    expect(existsSync(out)).toBe(true);
  });
});
