/**
 * Output files that cannot be written (a full disk, no permission): every command that writes a
 * file for the user says which file and why in words (FILE_WRITE), exits 2, never blames an
 * input and leaves no file behind. The failures are simulated: writes into the `full` folder fail
 * as a full disk fails them (the file is made, a write to its handle fails with ENOSPC, naming no
 * file), or its files cannot be opened (EACCES).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

const disk = vi.hoisted(() => ({ dir: '', match: /./, code: 'ENOSPC' as 'ENOSPC' | 'EACCES' }));
const failing = (p: unknown): boolean => disk.dir !== '' && typeof p === 'string' && p.startsWith(disk.dir) && disk.match.test(p);
const refusal = (p: string, syscall: 'open' | 'write') =>
  disk.code === 'EACCES'
    ? Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES', errno: -13, syscall: 'open', path: p })
    : Object.assign(new Error(`ENOSPC: no space left on device, ${syscall}`), { code: 'ENOSPC', errno: -28, syscall });

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const writing = (flags: unknown) => typeof flags === 'string' && /[wa]/.test(flags);
  const open = async (p: string, flags?: string, mode?: number) => {
    if (!failing(resolve(p)) || !writing(flags)) return fs.open(p, flags, mode);
    if (disk.code === 'EACCES') throw refusal(p, 'open');
    const fh = await fs.open(p, flags, mode);
    const full = async () => {
      throw refusal(p, 'write');
    };
    return Object.assign(fh, { write: full, writeFile: full });
  };
  const writeFile = async (p: string, data: string | Uint8Array, opts?: object) => {
    if (!failing(resolve(p))) return fs.writeFile(p, data, opts as never);
    if (disk.code === 'EACCES') throw refusal(p, 'open');
    await fs.writeFile(p, '');
    throw refusal(p, 'write');
  };
  return { ...fs, default: { ...fs, open, writeFile }, open, writeFile };
});

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const createWriteStream = (p: string, opts?: object) => {
    const s = fs.createWriteStream(p, opts as never);
    if (failing(resolve(p))) {
      const full = (cb: (e: Error) => void) => cb(refusal(p, 'write'));
      Object.assign(s, { _write: (_c: unknown, _e: unknown, cb: (e: Error) => void) => full(cb), _writev: (_c: unknown, cb: (e: Error) => void) => full(cb) });
    }
    return s;
  };
  return { ...fs, default: { ...fs, createWriteStream }, createWriteStream };
});

const { cli: run } = await import('../../../test/helpers/cli.js');
const { stubEmulatorCredentials } = await import('../../../test/helpers/portal-cli.js');
const { startEmulator } = await import('../../upload/emulator/index.js');

const ROOT = resolve(import.meta.dirname, '../../..');
const CSV = join(ROOT, 'test/fixtures/sample-csv/b2cs.csv');
const XLSX = join(ROOT, 'test/fixtures/xlsx/openpyxl-mixed.xlsx');
const REGISTER = join(ROOT, 'templates/sample/sales-register.xlsx');
const ID = ['--gstin', '27AAACR5055K1Z7', '--period', '102025'];

const dir = mkdtempSync(join(tmpdir(), 'gstr1-write-failures-'));
const full = join(dir, 'full');
let json: string;

beforeAll(async () => {
  json = join(dir, 'return.json');
  expect((await cli('convert', CSV, ...ID, '--out', json)).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  Object.assign(disk, { dir: '', match: /./, code: 'ENOSPC' });
  rmSync(full, { recursive: true, force: true });
});

/** Writes into `full` fail from now on (only names matching `match`, when given). */
function fillDisk(opts: { code?: 'ENOSPC' | 'EACCES'; match?: RegExp } = {}): string {
  mkdirSync(full, { recursive: true });
  Object.assign(disk, { dir: full, match: opts.match ?? /./, code: opts.code ?? 'ENOSPC' });
  return full;
}

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  const r = await run(...argv);
  return { code: r.code, out: r.stdout + r.stderr };
}

/** The command failed on `file` with the words of `reason`, exit 2, and left nothing in `full`. */
function expectRefused(r: { code: number; out: string }, file: string, words = 'the disk is full'): void {
  expect(r.out).toContain(`gstr1: Could not write ${file}: ${words}; it was not written`);
  expect(r.out).not.toContain('internal error');
  expect(r.code).toBe(2);
  expect(readdirSync(full)).toEqual([]);
}

describe('output files on a full disk', () => {
  it('validate --report: no empty report left behind', async () => {
    const out = join(fillDisk(), 'r.json');
    const r = await cli('validate', CSV, ...ID, '--report', out);
    expectRefused(r, out);
    expect(r.out).toContain('fix: Free some space on that disk');
  });

  it('validate --annotate of one workbook names the copy, not the workbook it reads', async () => {
    const out = join(fillDisk(), 'a.xlsx');
    const r = await cli('validate', XLSX, ...ID, '--annotate', out);
    expectRefused(r, out);
    expect(r.out).not.toContain(XLSX);
  });

  it('validate --annotate of CSVs', async () => {
    const out = join(fillDisk(), 'a.xlsx');
    expectRefused(await cli('validate', CSV, ...ID, '--annotate', out), out);
  });

  it('validate --annotate of a workbook and a CSV (written through exceljs)', async () => {
    const out = join(fillDisk(), 'a.xlsx');
    const r = await cli('validate', CSV, XLSX, ...ID, '--annotate', out);
    expectRefused(r, out);
    expect(r.out).not.toContain(XLSX);
  });

  it('validate --annotate with the temporary folder full: says so, naming that folder, not a temporary file', async () => {
    Object.assign(disk, { dir: tmpdir(), match: /gstr1-annotate-/, code: 'ENOSPC' });
    const out = join(dir, 'tmp-full.xlsx');
    const r = await cli('validate', CSV, XLSX, ...ID, '--annotate', out);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`Could not write a working copy in the temporary folder ${tmpdir()}: the disk is full`);
    expect(r.out).toContain('fix: Free some space on the disk that holds that folder, or set TMPDIR (TEMP on Windows) to a folder with room, and run again.');
    expect(r.out).not.toContain('gstr1-annotate-');
    expect(readdirSync(dir).filter((n) => n.startsWith('tmp-full'))).toEqual([]);
  });

  it('validate --annotate with the temporary folder refused: a folder that can be written in, not free space', async () => {
    Object.assign(disk, { dir: tmpdir(), match: /gstr1-annotate-/, code: 'EACCES' });
    const out = join(dir, 'tmp-refused.xlsx');
    const r = await cli('validate', CSV, XLSX, ...ID, '--annotate', out);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`Could not write a working copy in the temporary folder ${tmpdir()}: permission denied`);
    expect(r.out).toContain('fix: Make sure that folder can be written in, or set TMPDIR (TEMP on Windows) to a folder you may write in, and run again.');
    expect(r.out).not.toMatch(/free some space/i);
    expect(readdirSync(dir).filter((n) => n.startsWith('tmp-refused'))).toEqual([]);
  });

  it('validate --annotate of a JSON names the annotated file, not the workbook made on the way', async () => {
    const out = join(fillDisk(), 'j.xlsx');
    expectRefused(await cli('validate', json, '--annotate', out), out);
  });

  it('convert --out', async () => {
    const out = join(fillDisk(), 'y.json');
    expectRefused(await cli('convert', CSV, ...ID, '--out', out), out);
  });

  it('convert --out into folders it makes: they are removed again', async () => {
    const out = join(fillDisk(), 'new', 'deeper', 'y.json');
    expectRefused(await cli('convert', CSV, ...ID, '--out', out), out);
  });

  it('convert into chunks: a failure on the third leaves none of them, and names the third', async () => {
    fillDisk({ match: /y-3\.json/ });
    const sample = join(ROOT, 'test/fixtures/sample-csv');
    const csvs = readdirSync(sample).filter((f) => f.endsWith('.csv')).map((f) => join(sample, f));
    const r = await cli('convert', ...csvs, ...ID, '--force', '--max-bytes', '4000', '--out', join(full, 'y.json'));
    expectRefused(r, join(full, 'y-3.json'));
  });

  it('to-excel --out', async () => {
    const out = join(fillDisk(), 't.xlsx');
    expectRefused(await cli('to-excel', json, '--out', out), out);
  });

  it('split --out', async () => {
    const out = join(fillDisk(), 's.xlsx');
    expectRefused(await cli('split', REGISTER, '--gstin', '27AAACR5055K1Z7', '--period', '092025', '--out', out), out);
  });

  it('template --out: the folder it made is not left behind either', async () => {
    const out = join(fillDisk(), 'tpl');
    const r = await cli('template', '--out', out);
    expectRefused(r, join(out, 'GSTR1_Excel_Workbook_Template.xlsx'));
  });

  it('mapping init --out', async () => {
    const out = join(fillDisk(), 'm.json');
    expectRefused(await cli('mapping', 'init', CSV, '--out', out), out);
  });
});

describe('output files in a folder that may not be written', () => {
  it('validate --report names the report and says permission denied', async () => {
    const out = join(fillDisk({ code: 'EACCES' }), 'r.csv');
    const r = await cli('validate', CSV, ...ID, '--report', out);
    expectRefused(r, out, 'permission denied');
    expect(r.out).not.toContain('.partial');
  });

  it('validate --annotate names the copy, not a temporary name', async () => {
    const out = join(fillDisk({ code: 'EACCES' }), 'a.xlsx');
    const r = await cli('validate', XLSX, ...ID, '--annotate', out);
    expectRefused(r, out, 'permission denied');
    expect(r.out).not.toContain('.partial');
  });
});

/** `gstr1 upload` of a one-invoice b2b CSV (at `rate` %) to a fresh emulator, with `extra` options. */
async function upload(rate: number, ...extra: string[]): Promise<{ code: number; out: string }> {
  const emu = await startEmulator({});
  try {
    stubEmulatorCredentials(mkdtempSync(join(dir, 'home-')));
    const input = join(dir, `b2b-${rate}.csv`);
    writeFileSync(input, [
      'GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate,Taxable Value,Cess Amount',
      `29AAACR5055K1Z3,Kaveri,INV/${rate},05-10-2025,${10000 + rate * 100},29-Karnataka,N,,Regular B2B,,${rate},10000,`,
      '',
    ].join('\n'));
    return await cli('upload', input, ...ID, '--provider', 'whitebooks', '--base-url', emu.url, '--poll-ms', '1', ...extra);
  } finally {
    vi.unstubAllEnvs();
    await emu.close();
  }
}

describe('upload on a full disk', () => {
  it('--annotate: the chunks\' outcome is still shown, with the annotated copy\'s failure as a notice (exit 1: the portal refused rows)', async () => {
    const out = join(fillDisk(), 'marked.xlsx');
    // rate 17 is off the list: sent with --force, the portal refuses the row, and the copy would mark it
    const r = await upload(17, '--force', '--annotate', out);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/chunk 1.*processed with errors/i);
    expect(r.out).toContain(`Could not write ${out}: the disk is full`);
    expect(readdirSync(full)).toEqual([]);
  });

  it('--errors: names the errors file and exits 2', async () => {
    const out = join(fillDisk(), 'errors.json');
    expectRefused(await upload(18, '--errors', out), out);
  });
});

