/**
 * The environment and V8 flags of the process that runs the command (the launcher's child, main.ts).
 *
 * glibc's allocator gives threads arenas of their own (up to 8 per core) and keeps freed blocks in
 * each: the buffers of a large read, freed between the document store's pages, stay resident in
 * whichever arena held them. Two arenas, one per core of a usual machine, measured at 500,000
 * lines (validate, medians of 3): CSV 163 -> 157 MB, xlsx 192 -> 184 MB peak RSS, CPU within
 * noise; one arena saved as much on CSV but cost the xlsx reading thread some CPU. Other C
 * libraries ignore the variable; one the user set is kept.
 */
import { statSync } from 'node:fs';

export const MALLOC_ARENAS = '2';

export function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, GSTR1_CHILD: '1', ...(env.MALLOC_ARENA_MAX === undefined ? { MALLOC_ARENA_MAX: MALLOC_ARENAS } : {}) };
}

export const HEAP_FLAG = '--max-old-space-size';

/**
 * Files named on the command line, in bytes, up to which the command runs without a cap, in the
 * launcher's own process. Measured (validate): a 12 MB CSV return (100,000 lines) peaks at 118 MB
 * uncapped, 113 MB capped. A command naming no file (serve, the emulator) may run long and is
 * capped; one naming only a small file (--config) runs uncapped.
 */
export const SMALL_INPUT_BYTES = 8 * 1024 * 1024;
/**
 * V8 doubles the young generation (16 to 32 MB) during a long run that keeps many rows alive, so
 * the peak memory of a workbook or a CSV return grew with its length although what is kept did not.
 * Measured at 500,000 lines with a semi-space of 8 MB (2026-12-06, validate, 4 interleaved runs):
 * xlsx peaked at 154-161 MB instead of 168-174, CPU within noise. CSV kept V8's default then, as the
 * 8 MB cost it 5 % more CPU. Since its rows are read once, on the other thread (fourth session, 5-6
 * interleaved runs): validate 164-169 MB instead of 182-194 at 500,000 lines (1.21 x the 100,000-line
 * peak instead of 1.34 x), CPU within noise; convert 159-166 MB instead of 175-189, 1-2 % more CPU.
 * 4 MB saved more but made CSV convert 10-15 % slower. A JSON input keeps V8's default: not measured.
 */
export const YOUNG_FLAG = '--max-semi-space-size';
export const YOUNG_MB = 8;

/** Whether the user gave V8 `flag` (on node's command line or in NODE_OPTIONS). */
export function userSet(flag: string, execArgv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return execArgv.some((a) => a.startsWith(flag)) || (env.NODE_OPTIONS ?? '').includes(flag);
}

/** The heap cap for inputs of `bytes`: live memory grows with the documents, about 2 bytes per input byte. */
export function heapCapMb(bytes: number): number {
  return Math.max(768, Math.ceil((bytes / 1024 / 1024) * 8));
}

/** Options whose value is a file the command writes: not an input, whatever its name or size. */
const OUTPUT_OPTIONS = new Set(['--out', '--annotate', '--report', '--errors']);

/** The command's arguments that may be inputs: every one but the values of the output options. */
export function inputArgs(args: readonly string[]): string[] {
  return args.filter((_, i) => !OUTPUT_OPTIONS.has(args[i - 1] ?? ''));
}

/** cac's options for the help, which it prints instead of running any command. */
const HELP_OPTIONS = new Set(['--help', '-h']);
/** cac's options for the version, which it prints only when no command is named (otherwise the command runs). */
const VERSION_OPTIONS = new Set(['--version', '-v']);

/**
 * Whether the run only prints the help or the version, reading nothing: no arguments; the help
 * asked for before any `--` (after it, a file may be named "-h"); or the version asked for with
 * nothing but options before it, so no command.
 */
export function onlyInfo(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  const options = end < 0 ? args : args.slice(0, end);
  if (args.length === 0 || options.some((a) => HELP_OPTIONS.has(a))) return true;
  return options.every((a) => a.startsWith('-')) && options.some((a) => VERSION_OPTIONS.has(a));
}

/**
 * The files among the command's inputs (inputArgs), with their sizes: an old --report or --out file
 * of any size says nothing about this run. None when the run only prints the help or the version.
 */
export function inputFiles(args: readonly string[]): InputFile[] {
  if (onlyInfo(args)) return [];
  const files: InputFile[] = [];
  for (const a of inputArgs(args)) {
    try {
      const st = statSync(a);
      if (st.isFile()) files.push({ name: a, bytes: st.size });
    } catch {
      // not a file argument
    }
  }
  return files;
}

/**
 * Whether the command reads a workbook (.xlsx, .xlsm) or a CSV (.csv, .tsv, .txt): the inputs read
 * row by row, whose reading the young-generation cap pays for.
 */
export function readsRows(args: readonly string[]): boolean {
  return inputArgs(args).some((a) => WORKBOOK_NAME.test(a) || CSV_NAME.test(a));
}

/** File names the command line takes for a workbook and for a CSV (or other delimited text) before reading them. */
export const WORKBOOK_NAME = /\.xls[xm]$/i;
export const CSV_NAME = /\.(csv|tsv|txt)$/i;

/**
 * The V8 flags the child gets on top of the launcher's own: the heap cap and, for inputs read row
 * by row unless the user chose one, the young generation's.
 */
export function childFlags(bytes: number, rows: boolean, execArgv: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const young = rows && !userSet(YOUNG_FLAG, execArgv, env) ? [`${YOUNG_FLAG}=${YOUNG_MB}`] : [];
  return [`${HEAP_FLAG}=${heapCapMb(bytes)}`, ...young];
}

/** A file the command reads, and its size. */
export interface InputFile {
  readonly name: string;
  readonly bytes: number;
}

/** Where a command runs, and whether its young generation is capped there (young-cap.ts). */
export interface Launch {
  /** in the launcher's own process, or in a child with V8 flags (childFlags) */
  readonly here: boolean;
  readonly capYoung: boolean;
}

/** The flags with which a user sizes V8's young generation: one given leaves it to them. */
const YOUNG_FLAGS = [YOUNG_FLAG, '--min-semi-space-size', '--semi-space-growth-factor'];

/**
 * The commands whose memory was measured run in this process on CSVs (`npm run bench`: validate,
 * with --annotate too, and convert); the others keep the child until they are.
 */
const HERE_ON_CSV = new Set(['validate', 'convert']);

/**
 * Where the command `args[0]` runs. In this process: the launcher's child itself; a run whose heap
 * cap the user set; small inputs (SMALL_INPUT_BYTES); and validate or convert of inputs that are
 * all CSV, whose young generation is capped here as the child's would be, when this V8 allows it
 * (`capWorks`) and the heap this process has (`heapLimitMb`) is no smaller than the child's cap.
 * A workbook, a JSON or no file runs in the child: its old generation is capped too (see main.ts).
 * The help and the version (onlyInfo) run here.
 */
export function launchPlan(
  args: readonly string[],
  files: readonly InputFile[],
  o: { child: boolean; execArgv: readonly string[]; env: NodeJS.ProcessEnv; capWorks: boolean; heapLimitMb: number },
): Launch {
  // the help or the version reads nothing: a second Node start-up would double its time (0.20 against 0.11 s)
  if (o.child || onlyInfo(args)) return { here: true, capYoung: false };
  const bytes = files.reduce((n, f) => n + f.bytes, 0);
  const csv = HERE_ON_CSV.has(args[0] ?? '') && files.length > 0 && files.every((f) => CSV_NAME.test(f.name));
  const userYoung = YOUNG_FLAGS.some((f) => userSet(f, o.execArgv, o.env));
  const capYoung = csv && o.capWorks && !userYoung;
  const small = bytes > 0 && bytes <= SMALL_INPUT_BYTES;
  const here = userSet(HEAP_FLAG, o.execArgv, o.env) || small || (csv && (o.capWorks || userYoung) && heapCapMb(bytes) <= o.heapLimitMb);
  return { here, capYoung: here && capYoung };
}

