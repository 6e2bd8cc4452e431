/**
 * Operational failures that stop reading a file (exit code 2): a code from the message
 * catalogue plus its parameters. Bad rows and cells are findings, not errors.
 */
import type { Params } from './finding.js';

export class Gstr1Error extends Error {
  constructor(
    readonly code: string,
    readonly params: Params = {},
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.name = 'Gstr1Error';
  }
}

/** The input cannot be read at all: wrong format, damaged, missing. */
export class InputError extends Gstr1Error {
  override name = 'InputError';
}

/** A command-line or API option is wrong. */
export class OptionError extends Gstr1Error {
  override name = 'OptionError';
}

/** The operating system's refusals the user can act on (a path, a permission, a full disk). */
const FS_CODES = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ENOSPC', 'EDQUOT', 'EFBIG', 'EROFS', 'EBUSY', 'EEXIST', 'ENAMETOOLONG', 'EIO']);

/**
 * The errno code of an operating-system failure the user can fix, as the message catalogue's
 * FS_REASONS words it; undefined for anything else (a fault of the tool stays an internal error).
 */
export function fileSystemReason(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | undefined)?.code;
  if (!(e instanceof Error) || typeof code !== 'string' || !FS_CODES.has(code)) return undefined;
  // mkdir -p over a file fails with EEXIST: the path runs through a file
  return code === 'EEXIST' ? 'ENOTDIR' : code;
}

/** A file written for the user could not be written (FILE_WRITE): never the input's fault. */
export class OutputError extends Gstr1Error {
  override name = 'OutputError';
}

/**
 * `e`, met while writing the output `file`, as the user should read it: an operating-system
 * refusal (which, from a file handle, names no file) becomes FILE_WRITE naming `file`; anything
 * else is returned as it is.
 */
export function writeFailure(e: unknown, file: string): unknown {
  if (e instanceof Gstr1Error) return e;
  const reason = fileSystemReason(e);
  return reason ? new OutputError('FILE_WRITE', { file, reason }, { cause: e }) : e;
}
