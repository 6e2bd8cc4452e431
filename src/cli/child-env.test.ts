import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { childEnv, childFlags, inputFiles, launchPlan, MALLOC_ARENAS, onlyInfo, readsRows, type InputFile } from './child-env.js';

describe('the command process environment', () => {
  it('marks the child, caps glibc malloc arenas, and keeps everything else and a cap the user set', () => {
    expect(childEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin', GSTR1_CHILD: '1', MALLOC_ARENA_MAX: MALLOC_ARENAS });
    expect(childEnv({ MALLOC_ARENA_MAX: '8' })).toEqual({ MALLOC_ARENA_MAX: '8', GSTR1_CHILD: '1' });
  });

  it('gives the child a heap cap sized to the input and, for a workbook or a CSV, an 8 MB semi-space unless the user chose one', () => {
    const MB = 1024 * 1024;
    expect(childFlags(10 * MB, true, [], {})).toEqual(['--max-old-space-size=768', '--max-semi-space-size=8']);
    expect(childFlags(200 * MB, true, [], {})).toEqual(['--max-old-space-size=1600', '--max-semi-space-size=8']);
    expect(childFlags(60 * MB, false, [], {})).toEqual(['--max-old-space-size=768']);
    expect(childFlags(10 * MB, true, ['--max-semi-space-size=32'], {})).toEqual(['--max-old-space-size=768']);
    expect(childFlags(10 * MB, true, [], { NODE_OPTIONS: '--max-semi-space-size=2' })).toEqual(['--max-old-space-size=768']);
  });

  it('tells a command reading rows (a workbook, a CSV) from one reading a JSON', () => {
    expect(readsRows(['validate', 'a.csv', 'Sales Oct.XLSX', '--gstin', 'X'])).toBe(true);
    expect(readsRows(['convert', 'b2b.csv', 'hsn.csv', '--out', 'r.json'])).toBe(true);
    expect(readsRows(['validate', 'register.TXT'])).toBe(true);
    expect(readsRows(['upload', 'macro.xlsm'])).toBe(true);
    // an output is not read, whatever its name
    expect(readsRows(['validate', 'r.json', '--annotate', 'marked.xlsx', '--report', 'f.csv'])).toBe(false);
    expect(readsRows(['to-excel', 'r.json', '--out', 'r.xlsx'])).toBe(false);
  });
});

describe('where a command runs (launchPlan)', () => {
  const MB = 1024 * 1024;
  const big = (name: string): InputFile => ({ name, bytes: 30 * MB });
  const plan = (command: string, files: InputFile[], o: Partial<Parameters<typeof launchPlan>[2]> = {}) =>
    launchPlan([command, ...files.map((f) => f.name)], files, { child: false, execArgv: [], env: {}, capWorks: true, heapLimitMb: 4096, ...o });
  const here = (files: InputFile[], o: Partial<Parameters<typeof launchPlan>[2]> = {}) => plan('validate', files, o);

  it('validate or convert of a large return of CSVs runs here, its young generation capped, when this V8 allows the cap', () => {
    expect(here([big('b2b.csv'), big('hsn(b2b).CSV'), big('register.txt')])).toEqual({ here: true, capYoung: true });
    expect(plan('convert', [big('b2b.csv')])).toEqual({ here: true, capYoung: true });
    expect(here([big('b2b.csv')], { capWorks: false })).toEqual({ here: false, capYoung: false });
    // commands whose memory on large CSVs was not measured keep the child, as does a command named after an option
    for (const command of ['split', 'upload', 'mapping', '--gstin']) expect(plan(command, [big('sales.csv')]), command).toEqual({ here: false, capYoung: false });
  });

  it('a workbook, a JSON or a mix runs in the child, with its old generation capped', () => {
    expect(here([big('sales.xlsx')])).toEqual({ here: false, capYoung: false });
    expect(here([big('b2b.csv'), big('sales.xlsx')])).toEqual({ here: false, capYoung: false });
    expect(here([big('gstr1.json')])).toEqual({ here: false, capYoung: false });
    // no file at all (serve, the emulator)
    expect(here([])).toEqual({ here: false, capYoung: false });
  });

  it('the help or the version runs here and reads no file, whatever else is named', () => {
    const o = { child: false, execArgv: [], env: {}, capWorks: true, heapLimitMb: 4096 };
    const workbook = big('sales.xlsx');
    for (const args of [[], ['--help'], ['-h'], ['--version'], ['-v'], ['validate', workbook.name, '--help'], ['serve', '-h']]) {
      expect(launchPlan(args, [workbook], o), args.join(' ')).toEqual({ here: true, capYoung: false });
    }
    // a command with no file keeps the child; after `--`, "-h" is a file's name; the version with a
    // command named is not asked for (cac runs the command)
    expect(launchPlan(['serve'], [], o)).toEqual({ here: false, capYoung: false });
    expect(onlyInfo(['validate', '--', '-h'])).toBe(false);
    expect(launchPlan(['validate', workbook.name, '-v'], [workbook], o)).toEqual({ here: false, capYoung: false });
    expect(onlyInfo(['validate', workbook.name, '--version'])).toBe(false);
    const file = fileURLToPath(import.meta.url);
    expect(inputFiles(['validate', file]).map((f) => f.name)).toEqual([file]);
    expect(inputFiles(['validate', file, '--help'])).toEqual([]);
  });

  it('a CSV return needing more heap than this process has runs in the child, which gets it', () => {
    // the child's cap is about 8 MB of heap per MB of input (heapCapMb)
    expect(here([{ name: 'b2b.csv', bytes: 600 * MB }], { heapLimitMb: 4096 })).toEqual({ here: false, capYoung: false });
    expect(here([{ name: 'b2b.csv', bytes: 400 * MB }], { heapLimitMb: 4096 })).toEqual({ here: true, capYoung: true });
  });

  it('small inputs run here as before, CSVs capped; a young generation the user sized is left to them', () => {
    expect(here([{ name: 'sales.xlsx', bytes: MB }])).toEqual({ here: true, capYoung: false });
    expect(here([{ name: 'b2b.csv', bytes: MB }])).toEqual({ here: true, capYoung: true });
    expect(here([big('b2b.csv')], { execArgv: ['--max-semi-space-size=32'] })).toEqual({ here: true, capYoung: false });
    expect(here([big('b2b.csv')], { env: { NODE_OPTIONS: '--semi-space-growth-factor=4' }, capWorks: false })).toEqual({ here: true, capYoung: false });
  });

  it('the child and a run whose heap cap the user set run here; the child is not capped again', () => {
    expect(here([big('sales.xlsx')], { child: true })).toEqual({ here: true, capYoung: false });
    expect(here([big('b2b.csv')], { child: true })).toEqual({ here: true, capYoung: false });
    expect(here([big('sales.xlsx')], { execArgv: ['--max-old-space-size=2048'] })).toEqual({ here: true, capYoung: false });
    expect(here([big('b2b.csv')], { env: { NODE_OPTIONS: '--max-old-space-size=2048' } })).toEqual({ here: true, capYoung: true });
  });
});

