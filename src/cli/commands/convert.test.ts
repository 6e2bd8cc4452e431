import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../../test/helpers/cli.js';
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

describe('cli: convert names files an earlier run left under this run\'s names', () => {
  const CSVS = readdirSync(join(import.meta.dirname, '../../../test/fixtures/sample-csv')).map((f) => join(import.meta.dirname, '../../../test/fixtures/sample-csv', f));
  const run = (out: string, ...more: string[]) => cli('convert', ...CSVS, '--gstin', '27AAKCS4821M1ZW', '--period', '102025', '--out', out, ...more);

  it('a smaller return after a larger one: the older chunks are named, and left where they are', async () => {
    const folder = join(dir, 'older');
    const out = join(folder, 'ret.json');
    const large = await run(out, '--max-bytes', '3000');
    expect(large.code, large.stderr).toBe(0);
    const before = readdirSync(folder).filter((f) => f.startsWith('ret-')).length;
    expect(before).toBeGreaterThan(4);
    expect(large.stderr).not.toContain('were there before this run');

    const smaller = await run(out, '--max-bytes', '5000');
    expect(smaller.code, smaller.stderr).toBe(0);
    const kept = Array.from({ length: before }, (_, i) => join(folder, `ret-${i + 1}.json`));
    const written = kept.filter((f) => smaller.stderr.includes(`  ${f}\n`));
    expect(written.length).toBeLessThan(before);
    const older = kept.slice(written.length);
    expect(smaller.stderr).toContain(`gstr1: ${older.join(', ')} were there before this run and are not part of this return, which is ${written.join(', ')} only\n`);
    expect(smaller.stderr).toContain('not sent as this return (e.g. by gstr1 upload ret-*.json)');
    for (const f of kept) expect(existsSync(f), f).toBe(true);

    const single = await run(out);
    expect(single.code).toBe(0);
    expect(single.stderr).toContain(`gstr1: ${kept.join(', ')} were there before this run and are not part of this return, which is ${out} only\n`);
  });

  it('nothing to say when no other file has this run\'s names', async () => {
    const r = await run(join(dir, 'alone', 'gstr1.json'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});
