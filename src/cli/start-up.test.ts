/**
 * What every run of the command line loads before it reads a row: the modules main.ts loads for any
 * command, and the validate and convert APIs. Node's own modules each cost start-up time when
 * loaded (measured on this project's machine: node:crypto about 7 ms, node:child_process about
 * 5 ms, node:http 4 ms), and a large package more; those only some commands need are imported
 * where they are used. The static imports are followed (test/helpers/import-graph.ts), the
 * dynamic ones not: they load when a command asks for them.
 */
import { describe, expect, it } from 'vitest';
import { importsReached } from '../../test/helpers/import-graph.js';

/** loaded by every command (main.ts, and what it imports for the command's own process) */
const EVERY_COMMAND = ['src/cli/main.ts', 'src/cli/prestart.ts', 'src/cli/cli.ts', 'src/cli/closed-output.ts'];
const READING = ['src/api/validate.ts', 'src/api/convert.ts'];
const loaded = (roots: readonly string[], modules: readonly string[]) => importsReached(roots, (spec) => modules.includes(spec), { dynamic: false });

describe('start-up', () => {
  it('loads none of the Node modules only some commands need, whatever the command', () => {
    expect(loaded(EVERY_COMMAND, ['node:crypto', 'node:child_process', 'node:readline', 'node:readline/promises', 'node:http', 'node:net'])).toEqual([]);
    expect(loaded(EVERY_COMMAND, ['cac'])).not.toEqual([]);
  });

  it('validate and convert load neither those nor exceljs (used by --annotate, to-excel and the template)', () => {
    const roots = [...EVERY_COMMAND, ...READING];
    expect(loaded(roots, ['node:crypto', 'node:child_process', 'node:readline/promises', 'node:http', 'exceljs'])).toEqual([]);
    // the walk reaches the engine: the reader's packages are among what it finds
    expect(loaded(roots, ['papaparse'])).not.toEqual([]);
    expect(loaded(roots, ['decimal.js'])).not.toEqual([]);
  });
});
