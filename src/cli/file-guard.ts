/**
 * What every command does before it runs: no option names an empty path, and no file it writes is
 * a file it reads — its arguments or any option naming an input (--mapping, --iff, --status,
 * --config) — by name or as the same file under another name (README: "Your input files are never
 * modified"). commands/index.ts runs it ahead of each command's action, so no command can forget.
 */
import type { Command } from 'cac';
import { filesUnderReturnNames } from '../api/chunk-names.js';
import { OptionError } from '../model/errors.js';
import { refuseInputAsOutput, sameFileAs } from '../report/output-file.js';
import { pathOption, rawOptions } from './io.js';

/** Options naming a file the command reads. */
export const READ_OPTIONS: readonly string[] = ['mapping', 'iff', 'status', 'config'];
/** Options naming a file the command writes (template's --out: the folder it writes into). */
export const WRITE_OPTIONS: readonly string[] = ['out', 'report', 'annotate', 'errors'];
/** The folder the tool keeps its own files in (the filing journal): named, never an input. */
export const OWN_FOLDER_OPTIONS: readonly string[] = ['journal-dir'];

/** Arguments that are not files (mapping's init/fields). */
const NOT_FILES: ReadonlySet<string> = new Set(['action']);

export async function guardFiles(cmd: Command, actionArgs: readonly unknown[], argv: readonly string[]): Promise<void> {
  const opts = (actionArgs.at(-1) ?? {}) as Record<string, unknown>;
  const given = (names: readonly string[]) => names.flatMap((n) => named(argv, opts, n));
  for (const n of [...READ_OPTIONS, ...WRITE_OPTIONS, ...OWN_FOLDER_OPTIONS]) {
    if (rawOptions(argv, n).includes('')) throw new OptionError('OPTION_EMPTY_PATH', { option: `--${n}` });
  }
  const args = cmd.args.flatMap((a, i) => (NOT_FILES.has(a.value) ? [] : [actionArgs[i]].flat()));
  const reads = [...args.filter((a) => a !== undefined && a !== '').map(String), ...given(READ_OPTIONS)];
  const writes = given(WRITE_OPTIONS);
  refuseInputAsOutput(reads, writes);
  if (cmd.name === 'convert') {
    // a large return is written as <out>-1.json, <out>-2.json...: none of those may be an input either
    const out = pathOption(argv, opts, 'out')!;
    const chunk = (await filesUnderReturnNames(out, [out])).find((c) => reads.some((r) => sameFileAs(r, c)));
    if (chunk) throw new OptionError('OUTPUT_CHUNK_IS_INPUT', { file: chunk, out });
  }
}

/** The paths given to option `name`, as typed (all of them, when repeated), else its default. */
function named(argv: readonly string[], opts: Record<string, unknown>, name: string): string[] {
  const raw = rawOptions(argv, name);
  if (raw.length) return raw;
  const v = pathOption(argv, opts, name);
  return v === undefined ? [] : [v];
}
