/**
 * The command line: a thin cac layer over the library API. Each action normalises its options,
 * calls the API, prints a summary and sets the exit code: 0 done, 1 the input has errors (or the
 * portal refused the return), 2 usage, unreadable input or a failure (login, network), 3 the portal
 * has not finished. Failures print a message and a hint, never a stack trace.
 */
import { cac, type CAC } from 'cac';
import { fileSystemReason, Gstr1Error, InputError } from '../model/errors.js';
import { hintOf, messageOf } from '../report/messages/index.js';
import { failureClass } from '../upload/refusals.js';
import { registerCommands } from './commands/index.js';
import type { CliIO } from './io.js';

export function createCLI(io: CliIO): CAC {
  const cli = cac('gstr1');
  registerCommands(cli, io);
  cli.help();
  cli.version(VERSION);
  return cli;
}

export const VERSION = '0.1.0';

/** Runs the CLI and resolves to the exit code. */
export async function runCLI(argv: readonly string[], io: Omit<CliIO, 'argv'> = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const full: CliIO = { ...io, argv };
  const cli = createCLI(full);
  try {
    cli.parse(['node', 'gstr1', ...argv], { run: false });
    if (!cli.matchedCommand) {
      if (cli.options.help || cli.options.version) return 0;
      if (cli.args.length) {
        full.stderr.write(`gstr1: unknown command "${cli.args[0]}"\nRun gstr1 --help to see the commands.\n`);
        return 2;
      }
      cli.outputHelp();
      return 0;
    }
    const result = await cli.runMatchedCommand();
    return typeof result === 'number' ? result : 0;
  } catch (e) {
    return reportFailure(e, full);
  }
}

export function reportFailure(e: unknown, io: Pick<CliIO, 'stderr'>): number {
  if (e instanceof Gstr1Error) {
    const f = { code: e.code, params: e.params };
    io.stderr.write(`gstr1: ${messageOf(f)}\n`);
    const hint = hintOf(f);
    if (hint) io.stderr.write(`  fix: ${hint}\n`);
    return FAILURE_EXIT[failureClass(e) ?? 'failed'];
  }
  const fs = fileSystemFailure(e);
  if (fs) return reportFailure(fs, io);
  const msg = e instanceof Error ? e.message : String(e);
  // cac's own usage errors (unknown option, missing argument)
  if (e instanceof Error && e.name === 'CACError') {
    io.stderr.write(`gstr1: ${msg}\nRun gstr1 <command> --help for its options.\n`);
    return 2;
  }
  io.stderr.write(`gstr1: internal error: ${msg.split('\n')[0]}\n`);
  if (process.env.GSTR1_DEBUG && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
  else io.stderr.write('  Please report this with the command you ran (set GSTR1_DEBUG=1 for details).\n');
  return 2;
}

/** The README's exit codes: 1 the portal (or a check before it) refused the return, 3 not finished yet, 2 anything else. */
const FAILURE_EXIT = { refused: 1, not_finished: 3, failed: 2 } as const;

/** A file the operating system would not open or write is the user's to fix, not an internal error. */
function fileSystemFailure(e: unknown): InputError | undefined {
  const reason = fileSystemReason(e);
  if (!reason) return undefined;
  const path = (e as NodeJS.ErrnoException).path;
  if (typeof path !== 'string') return undefined;
  return new InputError('FILE_ACCESS', { file: path, reason });
}
