import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { b2bCsv } from '../../test/web/b2b-csv.js';
import { validateFiles } from './validate.js';

const dir = mkdtempSync(join(tmpdir(), 'gstr1-before-annotate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CSV = b2bCsv('TI/1', '19-Oct-2025');
const ctx = { gstin: '27AAACR5055K1Z7', period: '102025', today: '2025-11-20' };

describe('validateFiles: beforeAnnotate', () => {
  it('is called once, after the checks and before the annotated copy is written', async () => {
    const b2b = join(dir, 'b2b.csv');
    writeFileSync(b2b, CSV);
    const out = join(dir, 'annotated.xlsx');
    const seen: boolean[] = [];
    await validateFiles([b2b], { ...ctx, annotate: out, beforeAnnotate: () => seen.push(existsSync(out)) });
    expect(seen).toEqual([false]);
    expect(existsSync(out)).toBe(true);
  });

  it('is not called without a copy asked for', async () => {
    const b2b = join(dir, 'b2b-plain.csv');
    writeFileSync(b2b, CSV);
    const seen: number[] = [];
    const { result } = await validateFiles([b2b], { ...ctx, beforeAnnotate: () => seen.push(1) });
    expect(result.stats).toBeDefined();
    expect(seen).toEqual([]);
  });
});
