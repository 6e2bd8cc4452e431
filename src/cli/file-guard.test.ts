/**
 * No command writes over a file it reads: its arguments, or a file an option names (--mapping,
 * --iff, --status, --config), by the same name or as the same file under another (a link). The
 * cases are the ones a tester ran with the built command line, each of which replaced the input.
 */
import { copyFileSync, existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../test/helpers/cli.js';
import { createCLI } from './cli.js';
import { OWN_FOLDER_OPTIONS, READ_OPTIONS, WRITE_OPTIONS } from './file-guard.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CSV = join(ROOT, 'test/fixtures/sample-csv/b2cs.csv');
const XLSX = join(ROOT, 'templates/sample/gstr1-sample.xlsx');
const ID = ['--gstin', '27AAKCS4821M1ZW', '--period', '102025'];

const dir = mkdtempSync(join(tmpdir(), 'gstr1-file-guard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of `from` in the scratch folder, and its bytes to compare with afterwards. */
function copy(from: string, name: string): { file: string; bytes: Buffer } {
  const file = join(dir, name);
  copyFileSync(from, file);
  return { file, bytes: readFileSync(file) };
}

function json(name: string, text = '{"kept": true}\n'): { file: string; bytes: Buffer } {
  const file = join(dir, name);
  writeFileSync(file, text);
  return { file, bytes: readFileSync(file) };
}

async function refused(argv: string[], kept: { file: string; bytes: Buffer }, shown = kept.file) {
  const r = await cli(...argv);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toContain(`The output ${shown} would overwrite an input file`);
  expect(r.stderr).not.toContain('internal error');
  expect(readFileSync(kept.file)).toEqual(kept.bytes);
}

describe('cli: an output is never a file the command reads', () => {
  it('upload --errors naming the workbook being uploaded', async () => {
    const book = copy(XLSX, 'small.xlsx');
    await refused(['upload', book.file, ...ID, '--provider', 'sandbox', '--errors', book.file], book);
  });

  it('validate --report naming its --mapping', async () => {
    const mapping = json('keep.json');
    await refused(['validate', CSV, ...ID, '--mapping', mapping.file, '--report', mapping.file], mapping);
  });

  it('annotate --out naming its --status file', async () => {
    const status = json('st.json');
    await refused(['annotate', XLSX, '--status', status.file, '--out', status.file], status);
  });

  it('convert --out naming an --iff month, and upload --errors naming its --config', async () => {
    const iff = json('aug.json');
    await refused(['convert', CSV, '--gstin', '27AAKCS4821M1ZW', '--period', '092025', '--quarterly', '--iff', iff.file, '--out', iff.file], iff);
    const config = json('creds.json');
    await refused(['upload', CSV, ...ID, '--provider', 'sandbox', '--config', config.file, '--errors', config.file], config);
  });

  it('the same file under another name: a symbolic link, a hard link, a relative path', async () => {
    const mapping = json('m.json');
    const soft = join(dir, 'soft.json');
    symlinkSync(mapping.file, soft);
    await refused(['validate', CSV, ...ID, '--mapping', mapping.file, '--report', soft], mapping, soft);
    const hard = join(dir, 'hard.json');
    linkSync(mapping.file, hard);
    await refused(['validate', CSV, ...ID, '--mapping', mapping.file, '--report', hard], mapping, hard);
    await refused(['validate', CSV, ...ID, '--mapping', relative(process.cwd(), mapping.file), '--report', mapping.file], mapping);
  });

  it('convert refuses an input named as a chunk of its --out (a large return is written as <out>-1.json...)', async () => {
    const month = json('ret-1.json');
    const r = await cli('convert', CSV, '--gstin', '27AAKCS4821M1ZW', '--period', '092025', '--quarterly', '--iff', month.file, '--out', join(dir, 'ret.json'));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`gstr1: ${month.file} is an input, and also the name a return written to ${join(dir, 'ret.json')} takes for its part 1, 2...`);
    expect(readFileSync(month.file)).toEqual(month.bytes);
    expect(existsSync(join(dir, 'ret.json'))).toBe(false);
  });

  it('an output that is not an input is written as before', async () => {
    const mapping = json('unused.json');
    const r = await cli('convert', CSV, ...ID, '--out', join(dir, 'fine.json'));
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(mapping.file)).toEqual(mapping.bytes);
    expect(JSON.parse(readFileSync(join(dir, 'fine.json'), 'utf8'))).toMatchObject({ gstin: '27AAKCS4821M1ZW', fp: '102025' });
  });
});

describe('cli: an empty path is refused, not read as 0', () => {
  it.each([
    ['convert', [CSV, ...ID, '--out', '']],
    ['validate', [CSV, ...ID, '--report', '']],
    ['validate', [CSV, ...ID, '--mapping', '']],
  ])('%s %j', async (command, args) => {
    const before = readdirSync(process.cwd());
    const r = await cli(command, ...args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^gstr1: --(out|report|mapping) was given an empty name\n {2}fix: Give --(out|report|mapping) a file name/);
    expect(readdirSync(process.cwd())).toEqual(before);
    expect(existsSync(join(process.cwd(), '0'))).toBe(false);
  });
});

describe('cli: every option naming a file is known to the guard', () => {
  it('as read, written, or the tool\'s own folder', () => {
    const io = { stdout: process.stdout, stderr: process.stderr, argv: [] };
    const known = new Set([...READ_OPTIONS, ...WRITE_OPTIONS, ...OWN_FOLDER_OPTIONS]);
    const fileOptions = createCLI(io).commands.flatMap((c) => c.options.filter((o) => /<[^>]*(file|dir|json)[^>]*>/.test(o.rawName)).map((o) => `${c.name} ${o.rawName}`));
    expect(fileOptions.length).toBeGreaterThan(15);
    for (const o of fileOptions) expect(known.has(/--([\w-]+)/.exec(o)![1]!), o).toBe(true);
  });
});
