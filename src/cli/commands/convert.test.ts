import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCLI } from '../cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gstr1-convert-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const b2cs = join(dir, 'b2cs.csv');
writeFileSync(b2cs, [
  'Type,Place Of Supply,Applicable % of Tax Rate,Rate,Taxable Value,Cess Amount,E-Commerce GSTIN',
  'OE,27-Maharashtra,,18,1000,,',
  '',
].join('\n'));

async function convert(out: string): Promise<{ code: number; err: string }> {
  let err = '';
  const sink = { write: (s: string) => ((err += s), true) } as unknown as NodeJS.WriteStream;
  const code = await runCLI(['convert', b2cs, '--gstin', '27AAACR5055K1Z7', '--period', '102025', '--out', out], { stdout: sink, stderr: sink });
  return { code, err };
}

describe('cli: convert --out', () => {
  it('creates the folder --out names when it is not there yet', async () => {
    const out = join(dir, 'new', 'deeper', 'gstr1.json');
    const r = await convert(out);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).b2cs).toHaveLength(1);
  });

  it('a path the system will not write is a plain message with exit 2, not an internal error', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const r = await convert(join(file, 'gstr1.json'));
    expect(r.code).toBe(2);
    expect(r.err).not.toContain('internal error');
    expect(r.err).toContain(`Could not write ${join(file, 'gstr1.json')}`);
    expect(r.err).toContain('a part of the path is a file, not a folder');
    expect(existsSync(join(file, 'gstr1.json'))).toBe(false);
  });
});
