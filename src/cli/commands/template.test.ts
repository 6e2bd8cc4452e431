/**
 * `gstr1 template --out <folder>` writes the names a user keeps a filled-in return under (the
 * workbook's, `b2b,sez,de.csv`...): a folder already holding any of them is left as it is, unless
 * --force.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../../test/helpers/cli.js';
import { createCLI } from '../cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gstr1-template-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WORKBOOK = 'GSTR1_Excel_Workbook_Template.xlsx';

describe('cli: template --out', () => {
  it('refuses a folder holding files of its names, naming them, and writes nothing', async () => {
    const out = join(dir, 'myret');
    mkdirSync(out);
    writeFileSync(join(out, WORKBOOK), 'my filled-in return');
    writeFileSync(join(out, 'b2b,sez,de.csv'), 'GSTIN/UIN of Recipient,...\n27AAACR5055K1Z7,...\n');
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = await cli('template', '--out', out);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`gstr1: ${out} already holds 2 of the files gstr1 template writes (${WORKBOOK}, b2b,sez,de.csv); nothing was written`);
    expect(r.stderr).toContain('or add --force to replace those files');
    expect(readFileSync(join(out, WORKBOOK), 'utf8')).toBe('my filled-in return');
    expect(readFileSync(join(out, 'b2b,sez,de.csv'), 'utf8')).toContain('27AAACR5055K1Z7');
    expect(readdirSync(out).sort()).toEqual(['b2b,sez,de.csv', 'notes.txt', WORKBOOK].sort());
  });

  it('writes into a new folder, and into that folder again only with --force', async () => {
    const out = join(dir, 'fresh');
    const first = await cli('template', '--out', out);
    expect(first.code, first.stderr).toBe(0);
    const names = readdirSync(out);
    expect(names).toContain(WORKBOOK);
    expect(names).toContain('b2b,sez,de.csv');
    const again = await cli('template', '--out', out);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(new RegExp(`already holds ${names.length} of the files .* and ${names.length - 5} more\\); nothing was written`));
    writeFileSync(join(out, 'b2b,sez,de.csv'), 'edited');
    const forced = await cli('template', '--out', out, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(out, 'b2b,sez,de.csv'), 'utf8')).toMatch(/^GSTIN\/UIN of Recipient,/);
    expect(existsSync(join(out, WORKBOOK))).toBe(true);
  });

  it('--force is in the help', () => {
    const template = createCLI({ stdout: process.stdout, stderr: process.stderr, argv: [] }).commands.find((c) => c.name === 'template')!;
    expect(template.options.find((o) => o.rawName === '--force')?.description).toMatch(/^replace files of the same names already in the folder/);
  });
});
