import { describe, expect, it } from 'vitest';
import { childEnv, childFlags, MALLOC_ARENAS, readsRows } from './child-env.js';

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
